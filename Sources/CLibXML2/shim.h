#ifndef KUROSHIO_CLIBXML2_SHIM_H
#define KUROSHIO_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose headers clash with Foundation's own ICU module. Kuroshio hands libxml2
   UTF-8 only and never touches the ICU fields of its encoding handlers, so the ICU declarations are left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

/// `xmlFree` is a non-Sendable global function pointer: this calls it from one place.
static inline void kuroshio_xmlFree(void *pointer) {
    xmlFree(pointer);
}
#endif
