// One row of a source, as text the row owns. Every reader copies a value out of its
// own buffers (OGR's, the CSV reader's) into a Row before the next call into that
// reader, so no mapping ever holds a view into a buffer someone else may free or
// reuse: the class of bug where a latitude read through a stale GetFieldAsString
// buffer came back as the longitude.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/types.hpp"

namespace chronomap::store {

class Row {
 public:
  // `columns` values, all absent; the strings keep their capacity between rows.
  void reset(std::size_t columns) {
    if (text_.size() < columns) text_.resize(columns);
    present_.assign(columns, 0);
    point.reset();
    representative = false;
  }
  // The slot for column i, marked present and emptied, to be filled by the reader.
  std::string& slot(std::size_t i) {
    present_[i] = 1;
    text_[i].clear();
    return text_[i];
  }
  void set(std::size_t i, std::string_view value) { slot(i).assign(value); }

  [[nodiscard]] std::size_t size() const { return present_.size(); }
  // The text of column i; nullopt when the column is absent, out of range or NULL.
  [[nodiscard]] std::optional<std::string_view> value(int i) const {
    if (i < 0 || static_cast<std::size_t>(i) >= present_.size() || !present_[static_cast<std::size_t>(i)])
      return std::nullopt;
    return std::string_view(text_[static_cast<std::size_t>(i)]);
  }

  std::optional<geo::LonLat> point;  // the feature's geometry, when it has one
  bool representative = false;       // `point` stands for a line or an area

 private:
  std::vector<std::string> text_;
  std::vector<char> present_;
};

}  // namespace chronomap::store
