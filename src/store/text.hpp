// Text helpers for outside input: UTF-8 validation, the folded form names are
// matched on (case and accents ignored), and SHA-256 for data-set and row identity.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace chronomap::store {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past
// U+10FFFF). `bad_at` receives the byte offset of the first bad sequence.
bool is_valid_utf8(std::string_view text, std::size_t* bad_at = nullptr);

// Lower case, Latin accents removed (é → e, œ → oe), Cyrillic and Greek lower-cased,
// apostrophes dropped, other punctuation and runs of blanks made one space.
// "Tillabéri" and "TILLABERI" fold the same; so do "N'Djamena" and "Ndjamena".
std::string fold_name(std::string_view text);

std::string sha256_hex(std::string_view bytes);
std::string sha256_file_hex(const std::filesystem::path& path);

// A map from text that is looked up by string_view: a key seen before costs no
// allocation (std::unordered_map<std::string, ...> needs a std::string to find).
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class Value>
using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

}  // namespace chronomap::store
