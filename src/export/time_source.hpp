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
  std::vector<std::string> sources;  // the file names of the store's data sets, in import order
};

// Loads the events and links of the event store `data` (empty: the user's own) that
// pass the filters (dates in the filters are ignored: time is the renderer's). A
// store that does not exist yet is created with the default AES data set.
// What a frame shows, in a sentence for an image's Description: the period and how
// many events and links pass its time filter ("Events of the 30 days to 14 August
// 2025: 12 events and 3 links shown.").
std::string describe_frame(const render::TimeState& time, const render::EventSet& events,
                           const std::vector<render::Link>& links);

TimeData load_time_data(const std::string& data, store::EventFilter events = {}, store::LinkFilter links = {});

}  // namespace chronomap::exporting
