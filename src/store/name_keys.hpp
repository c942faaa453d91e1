// Name keys: one spelling for the many a name is written in, so that a search finds a
// person or a place however a source transliterated it. A key is the name folded
// (case and accents off), Cyrillic transliterated, then the forms in which English,
// French and German write the same Russian or African sounds reduced to one:
// ou -> u (Belooussov), w -> v (Beloussow), y -> i, dzh/dj/zh/j before a vowel -> j,
// sch/tsch/tch/shch/ch -> sh, kh -> h, ph -> f, doubled letters single (ss between
// vowels). Belousov, Belooussov, Beloussow and Белоусов all give "belusov". Keys may
// join names that differ (ч and ш both give "sh"): they only widen a search.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/gazetteer.hpp"
#include "store/sqlite.hpp"
#include "store/text.hpp"

namespace chronomap::store {

// The key of one word ("Belooussov" -> "belusov"); "" for a word of no letters or digits.
std::string name_key(std::string_view word);

// The keys of every word of `names` (any separators), each once, space-joined.
std::string name_keys(std::string_view names);

// The keys of a place's name and of its other names in the gazetteer (Moscou, Moskva,
// Москва for Moscow in RUS) when `gazetteer` knows it there.
std::string place_name_keys(std::string_view place, std::string_view country, const Gazetteer* gazetteer);

// The name index (schema 7): each distinct actor, and each distinct place of a
// country, keyed once in `search_names` and searched through `search_names_fts`. A
// search term's keys find names there, and the names find the events through the
// text index (expand_names), so the index grows with the names a store holds, not
// with its events. Names are added as events are written and never removed: a name
// no event holds any more only widens a search to nothing.
class NameIndex {
 public:
  // Inside the caller's write transaction. The shipped gazetteer, for the places'
  // other names, is loaded when the first place is keyed. Names are written in
  // batches: call flush() before the transaction commits.
  explicit NameIndex(Database& db);
  void add_actor(std::string_view name);
  void add_place(std::string_view place, std::string_view country);
  void flush();

 private:
  struct Pending {
    bool is_place;
    std::string name, country, keys;
  };
  void add(bool is_place, std::string_view name, std::string_view country, std::string keys);
  void write(Statement& insert);
  const Gazetteer* gazetteer();

  Database& db_;
  Statement insert_;  // kNamesPerInsert rows (name_keys.cpp)
  std::vector<Pending> pending_;
  TextMap<bool> actors_seen_;                      // actors added by this writer
  TextMap<std::vector<std::string>> places_seen_;  // place -> its countries added
  std::optional<Gazetteer> gazetteer_;
  bool gazetteer_tried_ = false;
};

// Keys every actor and every place of the events that the name index lacks (a store
// upgraded from schema 6 or before); inside the caller's transaction.
void index_all_names(Database& db);

// The names whose keys match `keys_match` (an FTS5 expression over the keys), each
// as the text index's column and the name: {"actors", "Andrei Belousov"}, {"place",
// "Moscow"}; nullopt when more than `limit` names match (a prefix of a letter or two),
// which is too wide to be worth searching as other spellings.
std::optional<std::vector<std::pair<std::string, std::string>>> expand_names(Database& db,
                                                                            const std::string& keys_match,
                                                                            std::size_t limit);

}  // namespace chronomap::store
