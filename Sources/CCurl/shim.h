#ifndef KUROSHIO_CCURL_SHIM_H
#define KUROSHIO_CCURL_SHIM_H
#include <curl/curl.h>

/// `curl_easy_setopt` and `curl_easy_getinfo` are variadic, which Swift cannot call: these wrap them by the type of
/// the value.
static inline CURLcode kuroshio_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode kuroshio_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode kuroshio_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode kuroshio_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
/// The type of `CURLOPT_WRITEFUNCTION` and `CURLOPT_HEADERFUNCTION`.
typedef size_t (*kuroshio_curl_data_callback)(char *data, size_t size, size_t count, void *context);
static inline CURLcode kuroshio_curl_set_callback(CURL *handle, CURLoption option, kuroshio_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}
static inline long kuroshio_curl_response_code(CURL *handle) {
    long code = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}
/// The result of a finished transfer in a multi handle's message (a member of a union).
static inline CURLcode kuroshio_curl_message_result(const CURLMsg *message) {
    return message->data.result;
}
#endif
