#include <string_view>
#include <sentencepiece_processor.h>
#include <cstring>
#include <vector>
#include "kuroshio_sentencepiece.h"

struct kuroshio_spm {
    sentencepiece::SentencePieceProcessor processor;
};

extern "C" kuroshio_spm *kuroshio_spm_load(const char *path, char *error, int capacity) {
    auto *model = new kuroshio_spm();
    const auto status = model->processor.Load(path);
    if (!status.ok()) {
        if (error && capacity > 0) {
            std::strncpy(error, status.ToString().c_str(), capacity - 1);
            error[capacity - 1] = 0;
        }
        delete model;
        return nullptr;
    }
    return model;
}

extern "C" void kuroshio_spm_free(kuroshio_spm *model) { delete model; }

extern "C" long kuroshio_spm_encode(const kuroshio_spm *model, const char *utf8, long length, int *ids, long capacity) {
    std::vector<int> pieces;
    if (!model->processor.Encode(std::string_view(utf8, length), &pieces).ok()) return -1;
    const long count = static_cast<long>(pieces.size());
    for (long i = 0; i < count && i < capacity; i++) ids[i] = pieces[i];
    return count;
}

extern "C" int kuroshio_spm_size(const kuroshio_spm *model) { return model->processor.GetPieceSize(); }

extern "C" int kuroshio_spm_eos(const kuroshio_spm *model) { return model->processor.eos_id(); }
