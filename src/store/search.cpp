// Parsing the filters' search text into terms, and each term into FTS5 expressions.
#include "store/search.hpp"

#include "store/name_keys.hpp"
#include "store/text.hpp"

namespace chronomap::store {
namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

[[noreturn]] void refuse(std::string_view query, const std::string& reason) {
  std::string message = "'";
  message += query;
  message += "' ";
  message += reason;
  throw SearchError(message);
}

// FTS5's string literal: in double quotes, a double quote doubled.
std::string fts_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

std::vector<SearchTerm> parse_search(std::string_view query, bool trailing_prefix) {
  std::vector<SearchTerm> terms;
  bool ends_in_word = false;
  std::size_t i = 0;
  while (i < query.size()) {
    if (blank(query[i])) {
      ++i;
      continue;
    }
    SearchTerm term;
    if (query[i] == '"') {
      const auto close = query.find('"', i + 1);
      if (close == std::string_view::npos) refuse(query, "has a quote that is not closed");
      term.text = query.substr(i + 1, close - i - 1);
      term.phrase = true;
      i = close + 1;
      if (i < query.size() && query[i] == '*') {
        term.prefix = true;
        ++i;
      }
      if (fold_name(term.text).empty()) refuse(query, "has a phrase with no words in it");
      ends_in_word = false;
    } else {
      std::size_t end = i;
      while (end < query.size() && !blank(query[end]) && query[end] != '"') ++end;
      std::string_view word = query.substr(i, end - i);
      i = end;
      if (word.back() == '*') {
        term.prefix = true;
        word.remove_suffix(1);
      }
      if (word.find('*') != std::string_view::npos || (term.prefix && word.empty()))
        refuse(query, "has a '*' that does not end a word (write bamak* for words starting with bamak)");
      if (fold_name(word).empty()) {
        if (term.prefix) refuse(query, "has a '*' after no letters or digits");
        continue;  // a dash or other punctuation between words
      }
      term.text = word;
      ends_in_word = !term.prefix;
    }
    terms.push_back(std::move(term));
  }
  if (terms.empty()) refuse(query, "has no words to search for");
  if (trailing_prefix && ends_in_word && !blank(query.back())) terms.back().prefix = true;
  return terms;
}

std::string text_match(const SearchTerm& term) {
  std::string expression = fts_string(term.text);
  if (term.prefix) expression += '*';
  return expression;
}

std::string name_match(const SearchTerm& term) {
  const std::string folded = fold_name(term.text);
  std::string keys;
  std::size_t i = 0;
  while (i <= folded.size()) {
    const auto space = folded.find(' ', i);
    const auto end = space == std::string::npos ? folded.size() : space;
    const std::string key = name_key(std::string_view(folded).substr(i, end - i));
    if (!key.empty()) {
      if (!keys.empty()) keys += ' ';
      keys += key;
    }
    i = end + 1;
  }
  if (keys.empty()) return keys;
  std::string expression = fts_string(keys);
  if (term.prefix) expression += '*';
  return expression;
}

std::string term_match(Database& db, const SearchTerm& term) {
  std::string expression = text_match(term);
  const auto keys = name_match(term);
  if (keys.empty()) return expression;
  if (const auto names = expand_names(db, keys, kMaxOtherSpellings)) {
    for (const auto& [column, name] : *names) {
      if (fold_name(name).empty()) continue;  // no words: nothing a phrase could match
      expression += " OR ";
      expression += column;
      expression += " : ";
      expression += fts_string(name);
    }
  }
  return expression;
}

}  // namespace chronomap::store
