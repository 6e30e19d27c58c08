#ifndef KUROSHIO_CLZ4_SHIM_H
#define KUROSHIO_CLZ4_SHIM_H
#include <lz4.h>
#endif
