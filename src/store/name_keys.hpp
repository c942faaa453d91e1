// Name keys: one spelling for the many a name is written in, so that a search finds a
// person or a place however a source transliterated it. A key is the name folded
// (case and accents off), Cyrillic transliterated, then the forms in which English,
// French and German write the same Russian or African sounds reduced to one:
// ou -> u (Belooussov), w -> v (Beloussow), y -> i, dzh/dj/zh/j before a vowel -> j,
// sch/tsch/tch/shch/ch -> sh, kh -> h, ph -> f, doubled letters single (ss between
// vowels). Belousov, Belooussov, Beloussow and Белоусов all give "belusov". Keys may
// join names that differ (ч and ш both give "sh"): they only widen a search.
#pragma once

#include <string>
#include <string_view>

#include "store/gazetteer.hpp"
#include "store/sqlite.hpp"

namespace chronomap::store {

// The key of one word ("Belooussov" -> "belusov"); "" for a word of no letters or digits.
std::string name_key(std::string_view word);

// The keys of every word of `names` (any separators), each once, space-joined.
std::string name_keys(std::string_view names);

// What the event_names index holds for an event: the keys of its actors' names and of
// its place, and of the place's other names in the gazetteer (Moscou, Moskva, Москва
// for Moscow in RUS) when `gazetteer` knows it there.
std::string event_name_keys(std::string_view actors, std::string_view place, std::string_view country,
                            const Gazetteer* gazetteer);

// Registers chronomap_name_keys(actors, place, country) on `db` (event_name_keys() with
// the shipped gazetteer, loaded on the first place it is asked about), for the
// statements that fill event_names from the events table in one pass.
void register_name_keys(Database& db);

// Fills event_names for the events with an id above `after_id` (all: 0), or for those
// listed in the table `only` when given; inside the caller's transaction, on a
// connection register_name_keys() was called on.
void index_name_keys(Database& db, std::int64_t after_id, const char* only = nullptr);

}  // namespace chronomap::store
