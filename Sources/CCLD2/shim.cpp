// compact_lang_det.h uses FILE without including it.
#include <cstdio>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include "kuroshio_cld2.h"

namespace CLD2 {
const char *LanguageCode(Language lang);
}

extern "C" void kuroshio_cld2_detect(const char *utf8, int length, kuroshio_cld2_result *result) {
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language languages[3];
    int percents[3];
    double scores[3];
    int text_bytes = 0;
    bool reliable = false;
    int valid_prefix = 0;
    CLD2::ExtDetectLanguageSummaryCheckUTF8(utf8, length, true, &hints, 0, languages, percents, scores, nullptr,
                                            &text_bytes, &reliable, &valid_prefix);
    for (int i = 0; i < 3; i++) {
        result->codes[i] = CLD2::LanguageCode(languages[i]);
        result->percents[i] = percents[i];
    }
    result->reliable = reliable ? 1 : 0;
    result->text_bytes = text_bytes;
}
