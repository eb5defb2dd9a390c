#include "CRE2.h"

#include <re2/re2.h>

#include <cstring>
#include <string>
#include <vector>

struct etcdmon_re2 {
    re2::RE2 re;
    explicit etcdmon_re2(const std::string &pattern, const re2::RE2::Options &options) : re(pattern, options) {}
};

static re2::RE2::Options options() {
    re2::RE2::Options options;
    options.set_log_errors(false);  // errors are returned to the caller, not printed
    return options;
}

// Writes the start and end offsets of `count` groups into `offsets` (-1, -1 for a group that took no part).
static void write_offsets(const std::vector<re2::StringPiece> &parts, const char *text, int64_t *offsets, int count) {
    for (int i = 0; i < count; i++) {
        if (parts[i].data() == nullptr) {
            offsets[2 * i] = -1;
            offsets[2 * i + 1] = -1;
        } else {
            offsets[2 * i] = parts[i].data() - text;
            offsets[2 * i + 1] = parts[i].data() - text + static_cast<int64_t>(parts[i].size());
        }
    }
}

static etcdmon_re2 *compile(const std::string &source, char *error, size_t error_capacity) {
    etcdmon_re2 *re = new etcdmon_re2(source, options());
    if (re->re.ok()) return re;
    if (error != nullptr && error_capacity > 0) {
        const std::string &reason = re->re.error();
        size_t count = reason.size() < error_capacity - 1 ? reason.size() : error_capacity - 1;
        std::memcpy(error, reason.data(), count);
        error[count] = '\0';
    }
    delete re;
    return nullptr;
}

extern "C" etcdmon_re2 *etcdmon_re2_compile(const char *pattern, size_t length, char *error, size_t error_capacity) {
    std::string anchored = "^(?:";
    anchored.append(pattern, length);
    anchored.append(")$");
    return compile(anchored, error, error_capacity);
}

extern "C" etcdmon_re2 *etcdmon_re2_compile_unanchored(const char *pattern, size_t length, char *error, size_t error_capacity) {
    return compile(std::string(pattern, length), error, error_capacity);
}

extern "C" int etcdmon_re2_find(
    const etcdmon_re2 *re, const char *text, size_t length, size_t start, int64_t *offsets, int groups) {
    int count = groups > 0 ? groups : 1;
    std::vector<re2::StringPiece> parts(static_cast<size_t>(count));
    if (start > length || !re->re.Match(re2::StringPiece(text, length), start, length, re2::RE2::UNANCHORED, parts.data(), count)) return 0;
    write_offsets(parts, text, offsets, count);
    return 1;
}

extern "C" void etcdmon_re2_free(etcdmon_re2 *re) { delete re; }

extern "C" int etcdmon_re2_full_match(const etcdmon_re2 *re, const char *text, size_t length) {
    return re->re.Match(re2::StringPiece(text, length), 0, length, re2::RE2::ANCHOR_BOTH, nullptr, 0) ? 1 : 0;
}

extern "C" int etcdmon_re2_group_count(const etcdmon_re2 *re) { return re->re.NumberOfCapturingGroups(); }

extern "C" int etcdmon_re2_group_index(const etcdmon_re2 *re, const char *name, size_t length) {
    const std::map<std::string, int> &named = re->re.NamedCapturingGroups();
    auto found = named.find(std::string(name, length));
    return found == named.end() ? -1 : found->second;
}

extern "C" int etcdmon_re2_full_match_groups(
    const etcdmon_re2 *re, const char *text, size_t length, int64_t *offsets, int groups) {
    if (groups <= 0) return etcdmon_re2_full_match(re, text, length);
    std::vector<re2::StringPiece> parts(static_cast<size_t>(groups));
    if (!re->re.Match(re2::StringPiece(text, length), 0, length, re2::RE2::ANCHOR_BOTH, parts.data(), groups)) return 0;
    write_offsets(parts, text, offsets, groups);
    return 1;
}
