// Events and links for the map, from an event store: columns streamed straight into
// the renderer's EventSet, no per-event record kept.
#include "export/time_source.hpp"

#include <algorithm>

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
    DayNumber first = p.start_day, last = p.last_day;
    if (const auto precision = parse_precision(p.date_precision); precision && *precision != DatePrecision::day) {
      const DaySpan span = precision_span(p.start_day, *precision);
      first = std::min(first, span.first);
      last = std::max(last, span.last);
    }
    out.events.add({p.lon, p.lat}, first, last, render::category_index(p.category), static_cast<float>(p.fatalities));
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
  return out;
}

}  // namespace chronomap::exporting
