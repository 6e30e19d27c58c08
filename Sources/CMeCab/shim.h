#ifndef KUROSHIO_CMECAB_SHIM_H
#define KUROSHIO_CMECAB_SHIM_H
#include <mecab.h>

/// MeCab's handles, by names of their own.
typedef mecab_model_t *kuroshio_mecab_model;
typedef mecab_t *kuroshio_mecab_tagger;
typedef mecab_lattice_t *kuroshio_mecab_lattice;

/// Parses one line on `lattice` (one per thread; the model's tagger is shared) and returns its words separated by
/// spaces, as `mecab -Owakati` writes them: the text lives in the lattice until its next parse. NULL when MeCab
/// fails. MeCab keeps a pointer to the sentence, so setting and parsing happen in this one call.
static inline const char *kuroshio_mecab_wakati(kuroshio_mecab_tagger tagger, kuroshio_mecab_lattice lattice,
                                                const char *line) {
    mecab_lattice_set_sentence(lattice, line);
    if (!mecab_parse_lattice(tagger, lattice)) return 0;
    return mecab_lattice_tostr(lattice);
}
#endif
