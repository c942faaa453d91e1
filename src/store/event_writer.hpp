// Writing events, links and data sets inside a WriteTransaction, with prepared
// statements kept for the whole import.
#pragma once

#include <string>
#include <unordered_map>

#include "store/records.hpp"
#include "store/sqlite.hpp"

namespace chronomap::store {

class EventWriter {
 public:
  explicit EventWriter(Database& db);

  std::int64_t add_dataset(const Dataset& dataset);  // returns its id
  void set_row_count(std::int64_t dataset_id, std::int64_t rows);

  // `uid` is what makes a re-import a no-op: the source's id, or a content hash.
  // Returns false when an event with that uid is already stored (nothing written).
  bool insert(const EventRecord& event, std::string_view uid);
  bool insert(const LinkRecord& link, std::string_view uid);

 private:
  std::int64_t actor_id(std::string_view name);

  Database& db_;
  Statement insert_event_;
  Statement insert_link_;
  Statement insert_actor_;
  Statement insert_event_actor_;
  std::unordered_map<std::string, std::int64_t> actor_ids_;
};

}  // namespace chronomap::store
