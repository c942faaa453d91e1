// chronomap_bench_pick: the cost of picking and listing with many events, on the CPU.
// For N synthetic events (deterministic: 20,000 places over the Sahel, so most places
// hold a stack, days over 2020-2025) it prints: projecting them and building the pick
// grid once; a hover query (6-pixel radius at a country-wide and a city-wide zoom) as
// the mean over 20,000 random cursor positions; stack counts for a view; the event
// table's rebuild (a 30-day window's rows, sorted by date) — each in wall and CPU ms.
// With a store, also a card's fetch of 8 events by id: the store kept open (as the
// window does) against opening it for each card. Usage: chronomap_bench_pick [N [STORE]]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <numeric>
#include <vector>

#include "geo/projection.hpp"
#include "render/pick_index.hpp"
#include "store/event_store.hpp"

namespace {

using namespace chronomap;
using Clock = std::chrono::steady_clock;

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct Timer {
  Clock::time_point wall = Clock::now();
  double cpu = cpu_ms();
  void print(const char* what, double divide = 1.0) const {
    const double w = std::chrono::duration<double, std::milli>(Clock::now() - wall).count() / divide;
    std::printf("%-44s %10.4f ms wall %10.4f ms CPU\n", what, w, (cpu_ms() - cpu) / divide);
  }
};

struct Lcg {
  std::uint64_t state;
  double next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  }
};

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  Lcg rng{42};
  std::vector<geo::LonLat> places(20'000);
  for (auto& p : places) p = {-17.0 + 33.0 * rng.next(), 5.0 + 20.0 * rng.next()};
  render::EventSet events;
  events.reserve(n);
  const DayNumber first = to_day_number({2020, 1, 1});
  for (std::size_t i = 0; i < n; ++i) {
    const auto day = first + static_cast<DayNumber>(rng.next() * 2190);
    events.add(places[static_cast<std::size_t>(rng.next() * static_cast<double>(places.size()))], day, day,
               static_cast<std::uint8_t>(rng.next() * 10));
  }
  std::printf("%zu events at %zu places\n", n, places.size());
  const geo::Projection projection{std::string(geo::kDefaultProjection)};
  Timer build;
  std::vector<geo::XY> projected;
  projection.forward_many(events.positions, projected);
  const render::PickIndex index(projected);
  build.print("project + build the pick grid (once)");
  std::printf("  stacks: %zu\n", index.stack_count());

  render::TimeState time;
  time.cursor = first + 1500;
  time.window_days = 30;
  const render::TimeFilter filter(time, first);
  geo::Extent all;
  for (const auto& p : projected) all.add(p.x, p.y);
  // Units per pixel: the whole area on 1920 pixels, and 50 times closer.
  for (const double zoom : {1.0, 50.0}) {
    const double units_per_pixel = all.width() / 1920.0 / zoom;
    const int queries = 20'000;
    std::size_t found = 0;
    Timer hover;
    for (int q = 0; q < queries; ++q) {
      const geo::XY at = projected[static_cast<std::size_t>(rng.next() * static_cast<double>(n))];
      found += index.query({at.x + units_per_pixel * 3, at.y}, 6.0 * units_per_pixel, events, filter).size();
    }
    char label[64];
    std::snprintf(label, sizeof label, "hover query, %s zoom (mean)", zoom == 1.0 ? "region" : "city");
    hover.print(label, queries);
    std::printf("  events picked per query: %.1f (30-day window)\n", static_cast<double>(found) / queries);
  }
  geo::Extent city;
  city.add(all.min_x + all.width() * 0.4, all.min_y + all.height() * 0.4);
  city.add(all.min_x + all.width() * 0.45, all.min_y + all.height() * 0.43);
  Timer stacks;
  const auto counts = index.stack_counts(city, events, filter, 400);
  stacks.print("stack counts in a city-wide view");
  std::printf("  stacks labelled: %zu\n", counts.size());

  Timer table;
  std::vector<std::uint32_t> rows;
  for (std::uint32_t i = 0; i < events.size(); ++i)
    if (render::event_visible(filter, static_cast<float>(events.start_days[i]), static_cast<float>(events.end_days[i])))
      rows.push_back(i);
  std::stable_sort(rows.begin(), rows.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return events.start_days[a] > events.start_days[b]; });
  table.print("table rows: 30-day window, sorted by date");
  std::printf("  rows: %zu\n", rows.size());
  std::vector<std::uint32_t> everything(events.size());
  std::iota(everything.begin(), everything.end(), 0u);
  Timer all_rows;
  std::stable_sort(everything.begin(), everything.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return events.fatalities[a] > events.fatalities[b]; });
  all_rows.print("table rows: all events, sorted by fatalities");
  if (argc > 2) {
    auto store = store::EventStore::open(argv[2], store::EventStore::OpenMode::read_only);
    const std::int64_t count = store.event_count();
    const int cards = 2000;
    std::vector<std::int64_t> ids(8);
    auto draw_ids = [&] {
      for (auto& id : ids) id = 1 + static_cast<std::int64_t>(rng.next() * static_cast<double>(count));
    };
    std::size_t fetched = 0;
    Timer open_store;
    for (int c = 0; c < cards; ++c) {
      draw_ids();
      fetched += store.events_by_id(ids).size();
    }
    open_store.print("card: 8 events by id, store kept open", cards);
    Timer reopen;
    for (int c = 0; c < cards; ++c) {
      draw_ids();
      auto again = store::EventStore::open(argv[2], store::EventStore::OpenMode::read_only);
      fetched += again.events_by_id(ids).size();
    }
    reopen.print("card: 8 events by id, store opened per card", cards);
    std::printf("  %lld events in the store, %zu fetched\n", static_cast<long long>(count), fetched);
  }
  return 0;
}
