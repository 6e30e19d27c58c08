#ifndef KUROSHIO_CDEFLATE_SHIM_H
#define KUROSHIO_CDEFLATE_SHIM_H
#include <stddef.h>
#include <libdeflate.h>
#endif
