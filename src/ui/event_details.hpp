// The texts of events, which the map's EventSet does not hold: fetched from the store
// by id when a card, the inspector or a table row shows them, and kept in a bounded
// cache. Also the card and the inspector's field list, drawn with ImGui.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include <unordered_map>

#include "store/event_store.hpp"

namespace chronomap::ui {

class EventDetails {
 public:
  // Opens the event store `data` read-only (empty: the user's own). A store that cannot
  // be opened leaves details empty: the map still shows where events are.
  explicit EventDetails(const std::string& data);

  // The record of the event with the store's id `id`, or nullptr when it is not in
  // the store. Fetched on first use; the cache is emptied past 4096 records.
  const store::EventRecord* get(std::int64_t id);
  // Fetches those of `ids` not cached yet, in one pass (a table page, a stack).
  void fetch(std::span<const std::int64_t> ids);
  // One text column ("country", "place" or "title") of the events `wanted` (indices
  // into `ids`, the map's store ids in ascending order) into `out` (by index): for
  // sorting the table. A few thousand are looked up by id; more, one scan of the table.
  void column(std::string_view name, std::span<const std::int64_t> ids, std::span<const std::uint32_t> wanted,
              std::vector<std::string>& out);
  // Visits the events of `ids` in that order, in pages, bypassing the cache: exports.
  void for_each(std::span<const std::int64_t> ids, const std::function<void(const store::EventRecord&)>& visit);
  [[nodiscard]] bool available() const { return store_.has_value(); }
  [[nodiscard]] const std::string& problem() const { return problem_; }

 private:
  std::optional<store::EventStore> store_;
  std::string problem_;
  std::unordered_map<std::int64_t, store::EventRecord> cache_;
  std::unordered_map<std::int64_t, bool> missing_;
};

// "2025-08" for a month-precision event, "2020-08-18" for a day, with "to …" for spans.
std::string event_date_text(const store::EventRecord& event);

// The hover card's body: date, category, title, place and country, actors,
// fatalities, source and url, and the first lines of the notes.
void draw_event_card(const store::EventRecord& event);
// Every field, for the inspector; the url with Open and Copy buttons.
void draw_event_fields(const store::EventRecord& event);

// Opens an http(s) url in the system browser (xdg-open, spawned without a shell).
// Returns what went wrong, or "" when the browser was started.
std::string open_url(const std::string& url);

}  // namespace chronomap::ui
