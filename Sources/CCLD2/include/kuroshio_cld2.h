#ifndef KUROSHIO_CLD2_H
#define KUROSHIO_CLD2_H
#ifdef __cplusplus
extern "C" {
#endif

/// CLD2's answer for a piece of text: up to three languages with their share of the text.
typedef struct {
    /// ISO codes ("en", "ja", "zh", "zh-Hant", …), "un" for unknown.
    const char *codes[3];
    /// Percent of the text in each language.
    int percents[3];
    /// Whether CLD2 calls its answer reliable.
    int reliable;
    /// Bytes of text CLD2 scored (letters, without markup, digits and punctuation).
    int text_bytes;
} kuroshio_cld2_result;

/// Detects the languages of UTF-8 plain text. Invalid UTF-8 answers unknown.
void kuroshio_cld2_detect(const char *utf8, int length, kuroshio_cld2_result *result);

#ifdef __cplusplus
}
#endif
#endif
