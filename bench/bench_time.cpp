// chronomap_bench_time: the cost of scrubbing through time with many events.
// For N synthetic events (deterministic, spread over the Sahel and 2020-2025) it
// prints: projecting and uploading them once; per frame at 1920x1080 while the cursor
// sweeps the whole range, the wall time and the main thread's CPU time (the renderer's
// own per-frame work, llvmpipe's vertex stage included: it grows with the events a
// frame shows, not with N, since only the index ranges the window touches are drawn)
// and how many events a frame submits against how many it shows; a 3840x2160
// snapshot; the peak memory; the cost of a filter change (a new mask). A third argument draws the events as `heatmap`,
// `hexagons` or `auto` instead of `points` (the default, as in earlier results).
// Usage: chronomap_bench_time [N] [frames] [density]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "export/headless_context.hpp"
#include "export/snapshot.hpp"
#include "geo/projection.hpp"
#include "render/frame_cache.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"

namespace {

using namespace chronomap;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// A small deterministic generator (64-bit LCG), so every run draws the same events.
struct Lcg {
  std::uint64_t state;
  double next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
  }
};

render::EventSet synthetic_events(std::size_t n) {
  render::EventSet events;
  events.reserve(n);
  Lcg random{42};
  const DayNumber first = to_day_number({2020, 1, 1}), last = to_day_number({2025, 12, 31});
  for (std::size_t i = 0; i < n; ++i) {
    const geo::LonLat p{-12.0 + 28.0 * random.next(), 9.0 + 15.0 * random.next()};
    const auto start = static_cast<DayNumber>(first + (last - first) * random.next());
    const DayNumber end = random.next() < 0.1 ? start + static_cast<DayNumber>(30 * random.next()) : start;
    events.add(p, start, end, static_cast<std::uint8_t>(static_cast<double>(render::event_categories().size()) * random.next()),
               static_cast<float>(random.next() < 0.3 ? 50 * random.next() : 0));
  }
  return events;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const auto n = static_cast<std::size_t>(argc > 1 ? std::atol(argv[1]) : 100000);
  const int frames = argc > 2 ? std::max(2, std::atoi(argv[2])) : 60;
  const auto density = render::parse_density_mode(argc > 3 ? argv[3] : "points");
  if (!density) {
    std::fprintf(stderr, "chronomap_bench_time: density '%s' is not auto, points, heatmap or hexagons\n", argv[3]);
    return 2;
  }
  try {
    exporting::HeadlessContext context;
    std::printf("renderer: %s\nevents: %zu, drawn as: %s\n", context.description().c_str(), n,
                std::string(render::density_mode_name(*density)).c_str());
    const geo::Projection projection(geo::kDefaultProjection);
    render::MapRenderer renderer;
    const render::Scene scene = render::build_scene(render::load_base_map(), projection);
    renderer.set_scene(scene);
    const render::EventSet events = synthetic_events(n);
    auto t = Clock::now();
    renderer.set_events(events, projection);
    glFinish();
    std::printf("project + upload events once: %.1f ms\n", ms_since(t));
    // A filter change: a mask passing every other event, uploaded to the point and
    // density layers (with the density's counts of what passes, for `auto`).
    std::vector<std::uint8_t> mask(events.size(), 0);
    for (std::size_t i = 0; i < mask.size(); i += 2) mask[i] = 1;
    t = Clock::now();
    const double mask_cpu = thread_cpu_ms();
    renderer.set_event_mask(mask);
    glFinish();
    std::printf("filter change (mask of every other event): %.1f ms wall, %.1f ms CPU\n", ms_since(t),
                thread_cpu_ms() - mask_cpu);
    renderer.set_event_mask({});

    constexpr int kW = 1920, kH = 1080;
    render::View view;
    view.camera = render::Camera::fit(scene.default_extent, kW, kH, 0.05, true);
    view.time.window_days = 30;
    view.density = *density;
    const auto [first, last] = events.day_range();
    const render::OffscreenTarget target(kW, kH);
    render::FrameCache cache;  // as the window does: the base map is drawn once
    std::vector<double> wall, cpu, submitted, shown;
    std::vector<std::size_t> order;
    const render::SpanIndex index(events, {}, order);  // as EventLayer orders them
    for (int f = 0; f < frames; ++f) {
      view.time.cursor = first + (last - first) * f / (frames - 1);
      const render::TimeFilter filter(view.time, first);
      std::size_t n_submitted = 0, n_shown = 0;
      for (const auto& range : index.ranges(filter)) n_submitted += range.last - range.first;
      for (std::size_t i = 0; i < events.size(); ++i)
        n_shown += render::event_visible(filter, static_cast<float>(events.start_days[i]),
                                         static_cast<float>(events.end_days[i])) ? 1u : 0u;
      submitted.push_back(static_cast<double>(n_submitted));
      shown.push_back(static_cast<double>(n_shown));
      const double cpu0 = thread_cpu_ms();
      t = Clock::now();
      cache.draw(renderer, view, target);
      const double submit_cpu = thread_cpu_ms() - cpu0;
      glFinish();
      wall.push_back(ms_since(t));
      cpu.push_back(submit_cpu);
    }
    std::printf("1920x1080 frame while sweeping %d cursors: median %.1f ms wall (to glFinish), "
                "%.3f ms CPU on the main thread before the GPU work\n",
                frames, median(wall), median(cpu));
    std::printf("events submitted per frame: median %.0f (shown: %.0f) of %zu\n", median(submitted), median(shown),
                events.size());

    t = Clock::now();
    const Image image = exporting::render_image(renderer, view, 3840, 2160);
    std::printf("3840x2160 snapshot with read-back: %.1f ms\n", ms_since(t));
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS: %ld MiB\n", usage.ru_maxrss / 1024);
    return image.empty() ? 1 : 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "chronomap_bench_time: %s\n", e.what());
    return 1;
  }
}
