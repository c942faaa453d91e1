// Writing events, links and data sets inside a WriteTransaction, with prepared
// statements kept for the whole import.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "store/records.hpp"
#include "store/sqlite.hpp"

namespace chronomap::store {

enum class Written { inserted, updated, unchanged };

class EventWriter {
 public:
  explicit EventWriter(Database& db);

  std::int64_t add_dataset(const Dataset& dataset);  // returns its id
  // Records the file's fingerprint and row count. When a data set with the same
  // fingerprint was stored before, this one is folded into it (its rows point to the
  // earlier one), so importing the same file again adds no second data set.
  void finish_dataset(std::int64_t dataset_id, const std::string& sha256, std::int64_t rows);

  // `uid` is what makes a re-import a no-op: the source's id ("id:..."), or a content
  // hash. A row whose source id is stored with other content is a revision (ACLED
  // re-issues events with new fatality counts): the stored row is replaced by it.
  Written insert(const EventRecord& event, std::string_view uid);
  Written insert(const LinkRecord& link, std::string_view uid);

  // The actors of the event `uid` when data set `dataset_id` (the import under way)
  // wrote it; nullopt when it is not stored or came from an earlier import.
  std::optional<std::string> actors_written_by(std::string_view uid, std::int64_t dataset_id);

 private:
  std::int64_t actor_id(std::string_view name);
  void add_actors(std::int64_t event_id, std::string_view actors);

  Database& db_;
  Statement insert_event_, update_event_;
  Statement insert_link_, update_link_;
  Statement insert_actor_;
  Statement insert_event_actor_, delete_event_actors_;
  Statement written_by_;
  std::unordered_map<std::string, std::int64_t> actor_ids_;
};

}  // namespace chronomap::store
