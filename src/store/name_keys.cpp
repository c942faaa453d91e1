// Name keys, and the name index they fill (search_names).
#include "store/name_keys.hpp"

#include <array>
#include <optional>
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

std::string place_name_keys(std::string_view place, std::string_view country, const Gazetteer* gazetteer) {
  std::string names(place);
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

// search_names rows go in this many to a statement. Its text index is filled by a
// trigger, and SQLite opens a savepoint for each statement that fires one, at which
// FTS5 writes out what it holds as a new segment, merged later: for 18,000 names, one
// row a statement takes 0.26 s, 64 rows 0.04 s.
constexpr std::size_t kNamesPerInsert = 64;

std::string search_names_sql(std::size_t rows) {
  return "INSERT INTO search_names (is_place, name, country, keys) VALUES " + value_rows(4, rows) +
         " ON CONFLICT (is_place, name, country) DO NOTHING";
}

}  // namespace

NameIndex::NameIndex(Database& db) : db_(db), insert_(db.prepare(search_names_sql(kNamesPerInsert))) {}

const Gazetteer* NameIndex::gazetteer() {
  if (!gazetteer_tried_) {
    gazetteer_tried_ = true;
    try {
      gazetteer_ = Gazetteer::load_shipped();
    } catch (const Error&) {
      // Without the gazetteer the keys are the names' own; the search still works.
    }
  }
  return gazetteer_ ? &*gazetteer_ : nullptr;
}

void NameIndex::add(bool is_place, std::string_view name, std::string_view country, std::string keys) {
  pending_.push_back({is_place, std::string(name), std::string(country), std::move(keys)});
  if (pending_.size() == kNamesPerInsert) write(insert_);
}

void NameIndex::write(Statement& insert) {
  int i = 0;
  for (const auto& p : pending_) {
    insert.bind(i + 1, std::int64_t{p.is_place}).bind(i + 2, std::string_view(p.name));
    insert.bind(i + 3, std::string_view(p.country)).bind(i + 4, std::string_view(p.keys));
    i += 4;
  }
  insert.run();
  pending_.clear();
}

void NameIndex::flush() {
  if (pending_.empty()) return;
  auto rest = db_.prepare(search_names_sql(pending_.size()));
  write(rest);
}

void NameIndex::add_actor(std::string_view name) {
  if (name.empty() || actors_seen_.find(name) != actors_seen_.end()) return;
  actors_seen_.emplace(name, true);
  add(false, name, {}, name_keys(name));
}

void NameIndex::add_place(std::string_view place, std::string_view country) {
  if (place.empty()) return;
  auto found = places_seen_.find(place);
  if (found == places_seen_.end()) found = places_seen_.emplace(place, std::vector<std::string>{}).first;
  auto& countries = found->second;
  for (const auto& c : countries)
    if (c == country) return;
  countries.emplace_back(country);
  add(true, place, country, place_name_keys(place, country, gazetteer()));
}

void index_all_names(Database& db) {
  NameIndex index(db);
  std::vector<std::string> actors;
  auto a = db.prepare(
      "SELECT name FROM actors WHERE name NOT IN (SELECT name FROM search_names WHERE is_place = 0) ORDER BY id");
  while (a.step()) actors.emplace_back(a.column_text(0));
  for (const auto& name : actors) index.add_actor(name);
  std::vector<std::pair<std::string, std::string>> places;
  auto p = db.prepare(
      "SELECT DISTINCT place, coalesce(country, '') AS c FROM events e WHERE coalesce(place, '') <> '' AND NOT EXISTS "
      "(SELECT 1 FROM search_names n WHERE n.is_place = 1 AND n.name = e.place AND n.country = coalesce(e.country, ''))");
  while (p.step()) places.emplace_back(p.column_text(0), p.column_text(1));
  for (const auto& [place, country] : places) index.add_place(place, country);
  index.flush();
}

std::optional<std::vector<std::pair<std::string, std::string>>> expand_names(Database& db,
                                                                            const std::string& keys_match,
                                                                            std::size_t limit) {
  auto s = db.prepare(
      "SELECT DISTINCT is_place, name FROM search_names WHERE id IN "
      "(SELECT rowid FROM search_names_fts WHERE search_names_fts MATCH ?) ORDER BY is_place, name LIMIT ?");
  s.bind(1, std::string_view(keys_match)).bind(2, static_cast<std::int64_t>(limit + 1));
  std::vector<std::pair<std::string, std::string>> names;
  while (s.step()) names.emplace_back(s.column_int(0) ? "place" : "actors", std::string(s.column_text(1)));
  if (names.size() > limit) return std::nullopt;
  return names;
}

}  // namespace chronomap::store
