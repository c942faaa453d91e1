// UTF-8 checking and name folding, by code point.
#include "store/text.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace chronomap::store {
namespace {

// Decodes one code point at `i`; returns its length, or 0 when malformed.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1Fu, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0Fu, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07u, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Base letters of U+00C0..U+017F; '*' keeps the character as it is.
constexpr std::string_view kLatin1 = "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty";
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrsssssssstt"
    "ttttuuuuuuuuuuuuwwyyyzzzzzzs";

// Folds one code point into `out`; false when it is a separator.
bool fold_code_point(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    const auto c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
      return true;
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
      return true;
    }
    if (c == '\'') return true;  // dropped, not a separator: N'Djamena = Ndjamena
    return false;
  }
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x02BB) return true;  // typographic apostrophes
  if (cp >= 0x0300 && cp <= 0x036F) return true;  // combining accents of decomposed text
  if (cp == 0xC6 || cp == 0xE6) return out += "ae", true;
  if (cp == 0xDF) return out += "ss", true;
  if (cp == 0x152 || cp == 0x153) return out += "oe", true;
  if (cp >= 0xC0 && cp <= 0xFF && kLatin1[cp - 0xC0] != '*') return out += kLatin1[cp - 0xC0], true;
  if (cp >= 0x100 && cp <= 0x17F && cp - 0x100 < kLatinExtA.size()) return out += kLatinExtA[cp - 0x100], true;
  if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;       // Cyrillic А..Я
  else if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;  // Ѐ..Џ
  else if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) cp += 0x20;  // Greek capitals
  if (cp == 0x451) cp = 0x435;  // ё is written е as often as not
  if (cp == 0xA0 || cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x2014) return false;
  append_utf8(out, cp);
  return true;
}

}  // namespace

bool is_valid_utf8(std::string_view text, std::size_t* bad_at) {
  char32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    // ASCII, most of most files, eight bytes at a time (every import checks every value).
    std::uint64_t word = 0;
    if (i + 8 <= text.size() && (std::memcpy(&word, text.data() + i, 8), (word & 0x8080808080808080u) == 0)) {
      i += 8;
      continue;
    }
    const auto len = decode(text, i, cp);
    if (len == 0) {
      if (bad_at) *bad_at = i;
      return false;
    }
    i += len;
  }
  return true;
}

std::string fold_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  char32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto len = decode(text, i, cp);
    if (len == 0) len = 1, cp = 0xFFFD;
    i += len;
    const auto before = out.size();
    if (pending_space && !out.empty()) out += ' ';
    const auto with_space = out.size();
    if (fold_code_point(cp, out)) {
      if (out.size() == with_space) out.resize(before);  // dropped: keep any space pending
      else pending_space = false;
    } else {
      out.resize(before);
      pending_space = true;
    }
  }
  return out;
}

}  // namespace chronomap::store
