// The SQLite event store: events, links and the data sets they came from, one file
// in WAL mode. Opening checks, in constant time, that the file is a chronomap store of
// a version this program reads, and refuses (without writing a byte) when it is not;
// check() is the full, linear-time verification.
#pragma once

#include <filesystem>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "store/records.hpp"
#include "store/sqlite.hpp"

namespace chronomap::store {

class EventStore {
 public:
  // read_only writes nothing, not even the WAL header, and works in a folder the user
  // can't write to; the other modes open for writing.
  enum class OpenMode { existing, create_if_missing, read_only };

  // Throws Error naming the file when it is missing (existing, read_only), not an
  // SQLite file, an SQLite file of another program, or from a newer chronomap.
  static EventStore open(const std::filesystem::path& path, OpenMode mode = OpenMode::create_if_missing);

  [[nodiscard]] const std::filesystem::path& path() const { return db_.path(); }
  [[nodiscard]] int schema_version();
  [[nodiscard]] std::int64_t event_count();
  [[nodiscard]] std::int64_t link_count();

  // Events in start-day order (then id), for listing and exporting.
  // A filter's text that is not a search (store/search.hpp) throws SearchError.
  std::vector<EventRecord> query(const EventFilter& filter);
  void for_each_event(const EventFilter& filter, const std::function<void(const EventRecord&)>& visit);
  // The ids of the events that pass `filter`, ascending: what the window's filters
  // (country, actor, text...) turn into a mask over the events it drew.
  std::vector<std::int64_t> ids(const EventFilter& filter);
  // The events with these ids, in the order given; ids not in the store are left out.
  // One indexed look-up each: for the few events a card or a table page shows.
  std::vector<EventRecord> events_by_id(std::span<const std::int64_t> ids);
  // The renderer's path: positions, days and categories only, streamed in id order.
  void for_each_point(const EventFilter& filter, const std::function<void(const EventPoint&)>& visit);

  std::vector<LinkRecord> links(const LinkFilter& filter = {});
  std::vector<Dataset> datasets();
  std::vector<std::string> actors_of(std::int64_t event_id);
  // Up to `limit` actor names containing `part` (any case), names starting with it
  // first, then alphabetical: completion for the actor filter.
  std::vector<std::string> actor_names(std::string_view part, std::size_t limit);

  // Every page, the spatial index and the search index checked against the events:
  // what is wrong, one line each; empty when the store is intact. The search index
  // needs a writable store to be checked; a read-only one says so.
  std::vector<std::string> check();

  Database& database() { return db_; }

 private:
  EventStore(Database db, bool writable) : db_(std::move(db)), writable_(writable) {}
  // Each term of the filter's text as an FTS5 expression (store/search.hpp).
  std::vector<std::string> matches(const EventFilter& filter);
  Database db_;
  bool writable_;
};

// A bulk import into a store that holds no events yet writes through a rollback
// journal instead of the WAL: SQLite journals only the pages that existed when the
// transaction began, so the new rows, indexes and search index are written once, into
// the store, rather than into the WAL and then again by the checkpoint. It switches
// only when no other connection has the store open (the GUI reading it keeps WAL, so a
// reader never waits behind the import), with synchronous FULL while it lasts; the
// destructor goes back to WAL. Construct before the WriteTransaction, so the journal
// mode changes outside it. An import killed meanwhile leaves a hot journal: the next
// writer to open the store rolls it back (a reader opens it as a writer first).
class BulkJournal {
 public:
  explicit BulkJournal(Database& db);
  ~BulkJournal();
  BulkJournal(const BulkJournal&) = delete;
  BulkJournal& operator=(const BulkJournal&) = delete;
  [[nodiscard]] bool active() const { return active_; }

 private:
  Database& db_;
  bool active_ = false;
};

// A write transaction: BEGIN IMMEDIATE at construction, ROLLBACK at destruction
// unless commit() was called, so an exception anywhere leaves the store as it was.
class WriteTransaction {
 public:
  explicit WriteTransaction(Database& db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

// One byte per event of `drawn` (ascending ids, as for_each_point streams them): 1
// when its id is in `passing` (ascending too), else 0. A merge of the two lists.
std::vector<std::uint8_t> passes_by_id(std::span<const std::int64_t> drawn, std::span<const std::int64_t> passing);

}  // namespace chronomap::store
