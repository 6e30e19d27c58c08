#ifndef KUROSHIO_CZLIB_SHIM_H
#define KUROSHIO_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro, which Swift cannot call: this wraps it.
static inline int kuroshio_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
/// `deflateInit2` is a macro too.
static inline int kuroshio_deflateInit2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
