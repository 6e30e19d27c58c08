#ifndef KUROSHIO_SENTENCEPIECE_H
#define KUROSHIO_SENTENCEPIECE_H
#ifdef __cplusplus
extern "C" {
#endif

/// A loaded SentencePiece model (opaque). Encoding with one model from several threads is safe.
typedef struct kuroshio_spm kuroshio_spm;

/// Loads a `.model` file; NULL when it cannot be read or is not a model (`error` gets the reason, up to `capacity`).
kuroshio_spm *kuroshio_spm_load(const char *path, char *error, int capacity);

void kuroshio_spm_free(kuroshio_spm *model);

/// Encodes UTF-8 text to ids with the model's own normaliser. Writes up to `capacity` ids and returns how many the
/// text has (call again with more room when that is larger), or -1 when encoding failed.
long kuroshio_spm_encode(const kuroshio_spm *model, const char *utf8, long length, int *ids, long capacity);

/// The vocabulary size.
int kuroshio_spm_size(const kuroshio_spm *model);

/// The end-of-sentence id, or -1 when the model has none.
int kuroshio_spm_eos(const kuroshio_spm *model);

#ifdef __cplusplus
}
#endif
#endif
