// Carrying out a RenderJob: load and project once, then draw each frame with only
// the time uniforms and the overlay changing.
#include "cli/render_job.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli/frame_pattern.hpp"
#include "export/time_source.hpp"
#include "core/error.hpp"
#include "export/headless_context.hpp"
#include "export/overlay.hpp"
#include "export/snapshot.hpp"
#include "geo/projection.hpp"
#include "render/map_renderer.hpp"

namespace chronomap::cli {

int run_render_job(const RenderJob& job) {
  const bool series = job.from.has_value();
  if (series && !is_frame_pattern(job.out)) {
    throw UsageError("--out: a series needs a frame number in the name, e.g. frames/frame_%04d.png");
  }
  if (!series && job.out.find('%') != std::string::npos && is_frame_pattern(job.out)) {
    throw UsageError("--out: '" + job.out + "' is a frame pattern; give --from, --to and --step for a series");
  }
  const auto started = std::chrono::steady_clock::now();
  const geo::Projection projection(job.projection);
  const render::BaseMap base = render::load_base_map(job.boundaries, job.layer);
  const render::Scene scene = render::build_scene(base, projection);
  const exporting::TimeData data = job.no_data ? exporting::TimeData{} : exporting::load_time_data(job.data);

  render::View view;
  view.scale = job.scale;
  if (job.bbox) {
    const geo::Extent projected = projection.is_geographic() ? *job.bbox : projection.project_extent(*job.bbox);
    if (projected.empty()) throw UsageError("--bbox: the box has no image in projection " + projection.spec());
    view.camera = render::Camera::fit(projected, job.width, job.height, 0.0, !projection.is_geographic());
  } else {
    view.camera = render::Camera::fit(scene.default_extent, job.width, job.height, 0.06, true);
  }
  view.time.window_days = job.window_days;
  view.time.mode = job.cumulative ? render::TimeMode::cumulative : render::TimeMode::window;
  view.time.animate_links = false;  // a still image: solid arcs
  if (!job.date && !series) view.time.mode = render::TimeMode::everything;

  exporting::HeadlessContext context;
  render::MapRenderer renderer;
  renderer.set_scene(scene);
  renderer.set_events(data.events, projection);
  renderer.set_links(data.links, projection);

  exporting::OverlayContent overlay;
  overlay.title = job.title;
  overlay.legend = !job.no_legend;
  overlay.attribution = exporting::short_attribution(job.data.empty() && !job.no_data);
  auto render_day = [&](std::optional<DayNumber> day, const std::string& path) {
    if (day) view.time.cursor = *day;
    overlay.date = day;
    renderer.set_overlay(exporting::build_overlay(overlay, data.events, data.links, job.width, job.height, job.scale));
    write_png(path, exporting::render_image(renderer, view, job.width, job.height));
  };

  int frames = 0;
  if (series) {
    const auto parent = std::filesystem::path(frame_name(job.out, 0)).parent_path();
    std::error_code ec;
    if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) std::filesystem::create_directories(parent, ec);
    if (ec) throw Error(parent.string() + ": cannot create directory: " + ec.message());
    for (DayNumber day = *job.from; day <= *job.to; day += job.step_days) render_day(day, frame_name(job.out, ++frames));
  } else {
    render_day(job.date, job.out);
    frames = 1;
  }
  if (job.verbose) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "rendered %d image(s) of %dx%d in %.2f s with %s; %zu events, %zu links\n", frames, job.width,
                 job.height, seconds, context.description().c_str(), data.events.size(), data.links.size());
  }
  return 0;
}

}  // namespace chronomap::cli
