// Text search as users type it, for the filters' "words": words, prefixes (bamak*) and
// "quoted phrases", every term required. Each term is looked for in the events' texts
// (events_fts) and, folded into name keys, among the other spellings of the store's
// actors and places (the name index, store/name_keys.hpp): "Belooussov" finds the
// events of Belousov and Белоусов, "Moscou" those in Moscow. Terms become FTS5
// expressions built here, so no query reaches FTS5's own syntax.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/sqlite.hpp"

namespace chronomap::store {

// A query the filters can't run: the message says what is wrong with it, in one line
// ("'\"mutual defence' has a quote that is not closed"). Not a failure of the store.
class SearchError : public UsageError {
 public:
  using UsageError::UsageError;
};

struct SearchTerm {
  std::string text;     // a word, or a phrase's words, as typed (quotes removed)
  bool phrase = false;  // quoted: its words in this order, next to each other
  bool prefix = false;  // ends with '*': its last word is the start of a word
};

// The terms of `query`; throws SearchError when it has an unclosed quote, a '*' that
// does not end a word or phrase, or no letters or digits to search for. With
// `trailing_prefix` (typing in the window), a last bare word is taken as a prefix.
std::vector<SearchTerm> parse_search(std::string_view query, bool trailing_prefix = false);

// The term as an FTS5 expression over the texts: "word", "word"*, "mutual defence".
std::string text_match(const SearchTerm& term);
// The term as an FTS5 expression over the name keys (name_key() of each of its words);
// empty when none of its words has a key.
std::string name_match(const SearchTerm& term);

// More names than this matching a term's keys (a prefix of a letter or two) are too
// wide to be other spellings: the term is then searched as typed only.
inline constexpr std::size_t kMaxOtherSpellings = 200;

// The term as one FTS5 expression over the text index: the term as typed (text_match),
// or any name of `db`'s name index whose keys match the term's, as a phrase in the
// actors or the place column.
std::string term_match(Database& db, const SearchTerm& term);

}  // namespace chronomap::store
