#ifndef KUROSHIO_CLIBXML2_SHIM_H
#define KUROSHIO_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

/// `xmlFree` is a non-Sendable global function pointer: this calls it from one place.
static inline void kuroshio_xmlFree(void *pointer) {
    xmlFree(pointer);
}
#endif
