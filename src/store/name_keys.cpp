// Name keys, and the event_names index they fill.
#include "store/name_keys.hpp"

#include <sqlite3.h>

#include <array>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/error.hpp"
#include "store/text.hpp"

namespace chronomap::store {
namespace {

// Russian (and Ukrainian) lower-case Cyrillic in the English transliteration, from
// а (U+0430) to я (U+044F); folding has already lower-cased and made ё е.
constexpr std::array<std::string_view, 32> kCyrillic = {
    "a", "b", "v", "g", "d", "e",  "zh", "z", "i",    "i", "k",  "l", "m", "n",  "o",  "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "shch", "",  "y", "",  "e", "yu", "ya", ""};

// Folded text with its Cyrillic letters written in Latin ones.
std::string transliterate(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(folded[i]);
    if ((b0 == 0xD0 || b0 == 0xD1) && i + 1 < folded.size()) {
      const auto b1 = static_cast<unsigned char>(folded[i + 1]);
      const unsigned cp = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
      if (cp >= 0x430 && cp <= 0x44F) {
        out += kCyrillic[cp - 0x430];
        ++i;
        continue;
      }
      if (cp == 0x456 || cp == 0x457) {  // і, ї
        out += 'i';
        ++i;
        continue;
      }
      if (cp == 0x454) {  // є
        out += "ye";
        ++i;
        continue;
      }
    }
    out += folded[i];
  }
  return out;
}

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// The spellings of one sound, longest first, and the key's spelling of it.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kSounds = {{{"tsch", "sh"},
                                                                                    {"shch", "sh"},
                                                                                    {"dzh", "j"},
                                                                                    {"sch", "sh"},
                                                                                    {"tch", "sh"},
                                                                                    {"ch", "sh"},
                                                                                    {"dj", "j"},
                                                                                    {"zh", "j"},
                                                                                    {"kh", "h"},
                                                                                    {"ph", "f"},
                                                                                    {"ou", "u"},
                                                                                    {"w", "v"}}};

// One pass of the reductions; the key is their fixed point.
std::string reduce_once(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool replaced = false;
    for (const auto& [from, to] : kSounds) {
      if (s.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    char c = s[i];
    if (c == 'y') c = 'i';
    // German and Slavic j is the y of Andrej; before a vowel it is French j (zh).
    if (c == 'j' && (i + 1 >= s.size() || !vowel(s[i + 1]))) c = 'i';
    if (out.empty() || out.back() != c) out += c;  // doubled letters single
    ++i;
  }
  return out;
}

}  // namespace

std::string name_key(std::string_view word) {
  std::string key = transliterate(fold_name(word));
  std::erase(key, ' ');
  for (int pass = 0; pass < 4; ++pass) {
    std::string next = reduce_once(key);
    if (next == key) break;
    key = std::move(next);
  }
  return key;
}

std::string name_keys(std::string_view names) {
  const std::string folded = fold_name(names);
  std::string keys;
  std::size_t i = 0;
  while (i < folded.size()) {
    auto end = folded.find(' ', i);
    if (end == std::string::npos) end = folded.size();
    const std::string key = name_key(std::string_view(folded).substr(i, end - i));
    // Each key once: a name's words rarely repeat, so a search of the few before is enough.
    const std::string padded = " " + keys + " ";
    if (!key.empty() && padded.find(" " + key + " ") == std::string::npos) {
      if (!keys.empty()) keys += ' ';
      keys += key;
    }
    i = end + 1;
  }
  return keys;
}

std::string event_name_keys(std::string_view actors, std::string_view place, std::string_view country,
                            const Gazetteer* gazetteer) {
  std::string names(actors);
  names += ';';
  names += place;
  if (gazetteer && !place.empty()) {
    if (const auto known = gazetteer->lookup(place, country)) {
      names += ';';
      names += known->name;
      names += ';';
      names += known->alternate_names;  // '|'-separated: a separator to folding too
    }
  }
  return name_keys(names);
}

namespace {

// The state behind chronomap_name_keys(): the gazetteer, loaded when first needed, and
// the keys of the actors and places seen (rows repeat them by the thousand).
struct NameKeysFunction {
  std::optional<Gazetteer> gazetteer;
  bool tried = false;
  std::unordered_map<std::string, std::string> actors, places;

  const Gazetteer* shipped() {
    if (!tried) {
      tried = true;
      try {
        gazetteer = Gazetteer::load_shipped();
      } catch (const Error&) {
        // Without the gazetteer the keys are the names' own; the search still works.
      }
    }
    return gazetteer ? &*gazetteer : nullptr;
  }
};

std::string_view text_argument(sqlite3_value* value) {
  const auto* text = sqlite3_value_text(value);
  return text ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_value_bytes(value)))
              : std::string_view{};
}

void name_keys_sql(sqlite3_context* context, int, sqlite3_value** argv) {
  auto& state = *static_cast<NameKeysFunction*>(sqlite3_user_data(context));
  if (state.actors.size() > 200'000) state.actors.clear();
  if (state.places.size() > 200'000) state.places.clear();
  const std::string_view actors = text_argument(argv[0]), place = text_argument(argv[1]),
                         country = text_argument(argv[2]);
  auto [a, new_actors] = state.actors.try_emplace(std::string(actors));
  if (new_actors) a->second = name_keys(actors);
  std::string place_id(place);
  place_id += '\n';
  place_id += country;
  auto [p, new_place] = state.places.try_emplace(std::move(place_id));
  if (new_place) p->second = place.empty() ? std::string() : event_name_keys({}, place, country, state.shipped());
  std::string keys = a->second;
  if (!keys.empty() && !p->second.empty()) keys += ' ';
  keys += p->second;
  sqlite3_result_text(context, keys.data(), static_cast<int>(keys.size()), SQLITE_TRANSIENT);
}

}  // namespace

void register_name_keys(Database& db) {
  auto* state = new NameKeysFunction();
  const int rc = sqlite3_create_function_v2(
      db.handle(), "chronomap_name_keys", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, state, name_keys_sql, nullptr,
      nullptr, [](void* p) { delete static_cast<NameKeysFunction*>(p); });
  if (rc != SQLITE_OK) throw Error(db.path().string() + ": " + sqlite_message(db.handle(), rc));
}

void index_name_keys(Database& db, std::int64_t after_id, const char* only) {
  std::string sql =
      "INSERT INTO event_names(rowid, keys) SELECT id, chronomap_name_keys(coalesce(actors, ''), coalesce(place, ''),"
      " coalesce(country, '')) FROM events WHERE ";
  if (only) {
    sql += "id IN (SELECT id FROM ";
    sql += only;
    sql += ")";
  } else {
    sql += "id > ?";
  }
  auto s = db.prepare(sql);
  if (!only) s.bind(1, after_id);
  s.run();
}

}  // namespace chronomap::store
