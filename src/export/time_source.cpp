// Events and links for the map, from an event store: columns streamed straight into
// the renderer's EventSet, no per-event record kept.
#include "export/time_source.hpp"

#include <algorithm>
#include <filesystem>

#include "render/symbols.hpp"
#include "store/user_store.hpp"

namespace chronomap::exporting {

TimeData load_time_data(const std::string& data, store::EventFilter events, store::LinkFilter links) {
  store::EventStore events_store = store::open_user_store(data, store::Access::read);
  events.from = events.to = std::nullopt;
  links.from = links.to = std::nullopt;
  TimeData out;
  events_store.for_each_point(events, [&](const store::EventPoint& p) {
    // An event known only to its week, month or year shows for all of it: the early
    // August 2025 arrests in Bamako are on the map on 14 August.
    // It is drawn hollow, and an event placed at a region's or country's centroid
    // gets a dashed circle (render::PrecisionFlags).
    DayNumber first = p.start_day, last = p.last_day;
    std::uint8_t flags = render::place_imprecise(p.geo_precision) ? render::kPlaceImprecise : 0;
    if (const auto precision = parse_precision(p.date_precision); precision && *precision != DatePrecision::day) {
      const DaySpan span = precision_span(p.start_day, *precision);
      first = std::min(first, span.first);
      last = std::max(last, span.last);
      flags |= render::kDateImprecise;
    }
    out.events.add({p.lon, p.lat}, first, last, render::category_index(p.category), static_cast<float>(p.fatalities),
                   flags);
    out.event_ids.push_back(p.id);
  });
  for (const auto& record : events_store.links(links)) {
    render::Link link;
    link.from = {record.from_lon, record.from_lat};
    link.to = {record.to_lon, record.to_lat};
    link.start = record.start_day;
    link.end = record.end_day.value_or(render::kOpenEnd);
    link.kind = render::link_kind_index(record.kind);
    link.label = record.label;
    out.links.push_back(std::move(link));
    out.link_records.push_back(record);
  }
  for (const auto& dataset : events_store.datasets()) {
    const std::string name = std::filesystem::path(dataset.file_name).filename().string();
    if (std::find(out.sources.begin(), out.sources.end(), name) == out.sources.end()) out.sources.push_back(name);
  }
  return out;
}

std::string describe_frame(const render::TimeState& time, const render::EventSet& events,
                           const std::vector<render::Link>& links) {
  const render::TimeFilter filter(time, events.size() > 0 ? events.day_range().first : 0);
  std::size_t shown_events = 0, shown_links = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    shown_events += render::event_visible(filter, static_cast<float>(events.start_days[i]),
                                          static_cast<float>(events.end_days[i]))
                        ? 1u
                        : 0u;
  }
  for (const auto& link : links) {
    shown_links += render::link_state(filter, static_cast<float>(link.start), static_cast<float>(link.end)) !=
                           render::LinkState::hidden
                       ? 1u
                       : 0u;
  }
  std::string text;
  switch (time.mode) {
    case render::TimeMode::window:
      text = "Events of ";
      if (time.window_days > 1) {
        text += "the ";
        text += std::to_string(time.window_days);
        text += " days to ";
      }
      text += format_long(time.cursor);
      break;
    case render::TimeMode::cumulative:
      text = "All events to ";
      text += format_long(time.cursor);
      break;
    case render::TimeMode::everything:
      text = "All events";
      break;
  }
  text += ": ";
  text += std::to_string(shown_events);
  text += shown_events == 1 ? " event and " : " events and ";
  text += std::to_string(shown_links);
  text += shown_links == 1 ? " link shown." : " links shown.";
  return text;
}

}  // namespace chronomap::exporting
