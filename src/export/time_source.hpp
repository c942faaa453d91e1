// Where the map gets its events and links (the command line and the window alike).
#pragma once

#include <string>
#include <vector>

#include "render/time_data.hpp"
#include "store/records.hpp"

namespace chronomap::exporting {

struct TimeData {
  render::EventSet events;
  std::vector<render::Link> links;
  // Parallel to `events` and `links`: what the renderer does not draw, for the GUI's
  // cards, inspector and table (the store's event ids; the links' full records).
  std::vector<std::int64_t> event_ids;
  std::vector<store::LinkRecord> link_records;
};

// Loads the events and links of the event store `data` (empty: the user's own) that
// pass the filters (dates in the filters are ignored: time is the renderer's). A
// store that does not exist yet is created with the default AES data set.
TimeData load_time_data(const std::string& data, store::EventFilter events = {}, store::LinkFilter links = {});

}  // namespace chronomap::exporting
