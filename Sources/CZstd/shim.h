#ifndef KUROSHIO_CZSTD_SHIM_H
#define KUROSHIO_CZSTD_SHIM_H
#include <zstd.h>
#endif
