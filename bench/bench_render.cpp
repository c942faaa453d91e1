// chronomap_bench_render: how long the base map takes to load (GDAL), to project
// (build_scene, per projection), to upload, and to snapshot at 3840x2160 headless.
// Prints figures to report; not a timed test. Usage: chronomap_bench_render [runs]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "export/headless_context.hpp"
#include "export/snapshot.hpp"
#include "geo/projection.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"
#include "render/scene.hpp"

namespace {

using namespace chronomap;

// The median of `runs` timings of `work`, in milliseconds.
double median_ms(int runs, const std::function<void()>& work) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

long peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;  // Linux reports KiB
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  constexpr int kWidth = 3840, kHeight = 2160;
  try {
    render::BaseMap base;
    const double load = median_ms(runs, [&] { base = render::load_base_map(); });
    std::size_t points = 0;
    for (const auto& f : base.countries.features)
      for (const auto& p : f.polygons)
        for (const auto& r : p.rings) points += r.size();
    std::printf("load boundaries (GDAL, %zu countries, %zu points): %.1f ms\n", base.countries.features.size(),
                points, load);

    render::Scene default_scene;
    for (const auto& named : geo::named_projections()) {
      const geo::Projection projection(named.id);
      render::Scene scene;
      const double ms = median_ms(runs, [&] { scene = render::build_scene(base, projection); });
      std::printf("project (build_scene) %-11s: %7.1f ms  (%zu fill vertices, %zu segments)\n", named.id, ms,
                  scene.fill_vertices.size(), scene.segments.size());
      if (named.id == geo::kDefaultProjection) default_scene = std::move(scene);
    }

    exporting::HeadlessContext context;
    std::printf("renderer: %s\n", context.description().c_str());
    render::MapRenderer renderer;
    auto upload = [&] {
      renderer.set_scene(default_scene);
      glFinish();
    };
    const double first_upload = median_ms(1, upload);
    std::printf("upload scene (set_scene + glFinish): first %.1f ms, then %.1f ms\n", first_upload,
                median_ms(runs, upload));

    render::View view;
    view.camera = render::Camera::fit(default_scene.default_extent, kWidth, kHeight, 0.06, true);
    exporting::render_image(renderer, view, kWidth, kHeight);  // warm-up: shader and atlas caches
    const double snapshot =
        median_ms(runs, [&] { (void)exporting::render_image(renderer, view, kWidth, kHeight); });
    std::printf("snapshot %dx%d (framebuffer, draw, resolve, read-back): %.1f ms\n", kWidth, kHeight, snapshot);

    const render::OffscreenTarget target(kWidth, kHeight);
    const double draw = median_ms(runs, [&] {
      renderer.draw(view, target);
      glFinish();
    });
    std::printf("draw %dx%d + glFinish only: %.1f ms\n", kWidth, kHeight, draw);
    std::printf("peak RSS: %ld MiB  (median of %d runs each)\n", peak_rss_mib(), runs);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "chronomap_bench_render: %s\n", e.what());
    return 1;
  }
  return 0;
}
