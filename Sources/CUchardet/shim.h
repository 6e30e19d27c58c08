#ifndef KUROSHIO_CUCHARDET_SHIM_H
#define KUROSHIO_CUCHARDET_SHIM_H
#include <uchardet.h>
#endif
