// Writing events, links and data sets inside a WriteTransaction, with prepared
// statements kept for the whole import.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/name_keys.hpp"
#include "store/records.hpp"
#include "store/sqlite.hpp"

namespace chronomap::store {

enum class Written { inserted, updated, unchanged };

class EventWriter {
 public:
  // The page cache of a bulk import, in KiB: enough for the indexes written in key
  // order rather than row order (uid, and the start-date and position indexes when
  // kept) to stay in memory for a million-row import, and for CREATE INDEX to sort in
  // memory (its sorter takes as much again), within the 200 MiB an import may use.
  static constexpr std::int64_t kBulkCacheKiB = 64 * 1024;

  explicit EventWriter(Database& db);
  // Rolls back nothing itself (the WriteTransaction does); puts the page cache back.
  ~EventWriter();
  EventWriter(const EventWriter&) = delete;
  EventWriter& operator=(const EventWriter&) = delete;

  // Bulk mode for events, called inside the transaction before the first row: the
  // search index is filled once by finish_indexes() instead of by a trigger per row
  // (which costs a virtual-table savepoint per row), the page cache is grown for the
  // import, and, when the input may add a quarter or more to the store's events
  // (`input_bytes` is the file's size, 0 when unknown, as for a pipe), the start-date
  // and position indexes are dropped and built again from sorted keys at the end.
  // Revisions of rows stored before keep the search index right: their old text is
  // taken out of it as they change, their new text goes in with the new rows. All of
  // it is inside the transaction: a rollback or a killed process restores the
  // triggers and indexes with the rows.
  void defer_indexes(std::int64_t input_bytes, std::int64_t cache_kib = kBulkCacheKiB);
  // Indexes the rows written since defer_indexes() and puts back what it dropped.
  // Call before the commit; does nothing when defer_indexes() was not called.
  void finish_indexes();

  std::int64_t add_dataset(const Dataset& dataset);  // returns its id
  // Records the file's fingerprint and row count (after writing what is pending). When a data set with the same
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
  Statement insert_event_actors_, delete_event_actors_;
  std::vector<std::pair<std::int64_t, std::int64_t>> actor_rows_;  // (event, actor) not yet written
  void write_actors(Statement& insert);  // actor_rows_, through `insert` of as many rows
  void flush_actors();                   // writes actor_rows_
  Statement written_by_;
  NameIndex names_;  // the other spellings of the actors and places written
  TextMap<std::int64_t> actor_ids_;
  // Bulk mode: rows above last_id_ are new; restore_sql_ recreates what was dropped.
  bool deferred_ = false;
  std::int64_t last_id_ = 0;
  std::vector<std::string> restore_sql_;
  std::optional<std::int64_t> saved_cache_size_;
};

}  // namespace chronomap::store
