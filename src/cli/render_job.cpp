// Carrying out a RenderJob: load and project once, then draw each frame with only
// the time uniforms and the overlay changing.
#include "cli/render_job.hpp"

#include <signal.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include "cli/frame_pattern.hpp"
#include "cli/progress_line.hpp"
#include "export/animation.hpp"
#include "export/time_source.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/headless_context.hpp"
#include "export/image_format.hpp"
#include "export/snapshot.hpp"
#include "export/vector_writer.hpp"
#include "geo/projection.hpp"
#include "render/default_view.hpp"
#include "render/map_renderer.hpp"

namespace chronomap::cli {
namespace {

// The exit status of a command stopped by Ctrl+C (128 + SIGINT, as shells report it).
constexpr int kInterrupted = 130;

// Set by the signal handler, which can reach nothing but a global; read between frames.
volatile std::sig_atomic_t interrupted = 0;
extern "C" void note_interrupt(int) { interrupted = 1; }

// SIGINT and SIGTERM noted instead of ending the process while it lives, so that an
// animation stops between frames and removes its unfinished file.
class InterruptGuard {
 public:
  InterruptGuard() {
    interrupted = 0;
    struct sigaction action {};
    action.sa_handler = note_interrupt;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &old_int_);
    ::sigaction(SIGTERM, &action, &old_term_);
  }
  ~InterruptGuard() {
    ::sigaction(SIGINT, &old_int_, nullptr);
    ::sigaction(SIGTERM, &old_term_, nullptr);
  }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  struct sigaction old_int_ {}, old_term_ {};
};

// Draws and encodes every frame with a progress bar on a terminal (frames done of
// all, the frame's date, the time left), or with -v a line per frame elsewhere.
// False when interrupted: the file is then removed and nothing is written.
// An InterruptGuard must be alive.
bool write_animation(exporting::AnimationExport& exporter, const RenderJob& job) {
  ProgressLine line(true);
  const std::int64_t total = exporter.frame_count();
  double first_frame_done = 0;
  while (!exporter.all_drawn()) {
    if (interrupted != 0) {
      line.clear();
      exporter.cancel();
      std::fprintf(stderr, "chronomap render: interrupted; %s was not written\n", job.out.c_str());
      return false;
    }
    const DayNumber day = exporter.next_day();
    exporter.add_next_frame();
    const std::int64_t done = exporter.frames_done();
    if (done == 1) first_frame_done = line.seconds();
    if (line.due(done == total)) {
      constexpr int kBar = 24;
      const auto filled = static_cast<int>(kBar * done / total);
      std::string text = "rendering " + job.out + " [" + std::string(static_cast<std::size_t>(filled), '#') +
                         std::string(static_cast<std::size_t>(kBar - filled), '.') + "] ";
      char tail[96];
      std::snprintf(tail, sizeof tail, "%lld/%lld frames, %s", static_cast<long long>(done),
                    static_cast<long long>(total), format_iso(day).c_str());
      text += tail;
      // The time left from the frames after the first (which pays for the encoder's start).
      if (done > 1 && done < total) {
        const double left = (line.seconds() - first_frame_done) / static_cast<double>(done - 1) *
                            static_cast<double>(total - done);
        std::snprintf(tail, sizeof tail, ", %ld:%02ld left", static_cast<long>(left) / 60, static_cast<long>(left) % 60);
        text += tail;
      }
      line.show(text);
    } else if (!line.active() && job.verbose) {
      std::fprintf(stderr, "frame %lld/%lld %s\n", static_cast<long long>(done), static_cast<long long>(total),
                   format_iso(day).c_str());
    }
  }
  line.clear();
  exporter.finish();
  return true;
}

}  // namespace

std::int64_t series_frame_count(const RenderJob& job) {
  if (!job.from || !job.to) return 1;
  const std::int64_t frames = (std::int64_t{*job.to} - *job.from) / job.step_days + 1;
  if (frames > job.max_frames) {
    throw UsageError("--from " + format_iso(*job.from) + " --to " + format_iso(*job.to) + " --step " +
                     std::to_string(job.step_days) + " is " + std::to_string(frames) + " frames, more than the " +
                     std::to_string(job.max_frames) + " allowed; give --max-frames " + std::to_string(frames) +
                     " to write them all");
  }
  return frames;
}

int run_render_job(const RenderJob& job) {
  const bool series = job.from.has_value();
  const bool pattern = is_frame_pattern(job.out);
  // An animation is one file for the whole series; numbered images need a pattern.
  const auto named = [&]() -> std::optional<exporting::ImageFormat> {
    try {
      return exporting::image_format_for(job.out, "--out", job.format);
    } catch (const UsageError&) {
      return std::nullopt;
    }
  }();
  const bool animation = named && exporting::is_animation(*named);
  if (animation && pattern) {
    throw UsageError("--out: '" + job.out + "' is an animation, one file for the whole series: give a name without %d");
  }
  if (animation && !series) {
    throw UsageError("--out: '" + job.out + "' is an animation: give --from, --to and --step for its frames");
  }
  if (series && !animation && !pattern) {
    // "story.avi": the format is what is wrong, and the message lists those there are.
    if (!named) (void)exporting::image_format_for(job.out, "--out", job.format);
    throw UsageError("--out: a series needs a frame number in the name, e.g. frames/frame_%04d.png, or an animation (" +
                     exporting::animation_extensions() + ")");
  }
  if (!series && job.out.find('%') != std::string::npos && pattern) {
    throw UsageError("--out: '" + job.out + "' is a frame pattern; give --from, --to and --step for a series");
  }
  // Every refusal before the expensive part (loading, projecting, drawing). A single
  // image's target is checked first: "/dev/null is a device" says more than "has no
  // extension". A series' frames are checked as each is written (their folder may not
  // exist yet).
  if (!series || animation) check_output_target(job.out);
  const exporting::ImageFormat format = exporting::image_format_for(job.out, "--out", job.format);
  if (job.quality && format != exporting::ImageFormat::jpeg) throw UsageError("--quality applies to JPEG output only");
  const bool vector = exporting::is_vector_format(format);
  if (vector && job.density == render::DensityMode::heatmap) {
    throw UsageError("--density heatmap is drawn in raster formats only; PDF and SVG draw events as points or "
                     "hexagons");
  }
  if (job.fps && !animation) throw UsageError("--fps applies to animations only (" + exporting::animation_extensions() + ")");
  exporting::AnimationSettings animation_settings;
  if (animation) {
    animation_settings.format = format;
    animation_settings.width = job.width;
    animation_settings.height = job.height;
    animation_settings.fps = job.fps.value_or(kDefaultFps);
    animation_settings.title = job.layout.title;
    exporting::check_animation_settings(animation_settings, "--out '" + job.out + "'");
  }
  const std::int64_t frame_count = series_frame_count(job);
  const auto started = std::chrono::steady_clock::now();
  const geo::Projection projection(job.projection);
  const render::BaseMap base = render::load_base_map(job.boundaries, job.layer);
  const render::Scene scene = render::build_scene(base, projection, job.theme);
  const exporting::TimeData data = job.no_data   ? exporting::TimeData{}
                                   : job.project ? exporting::load_time_data(job.data, {}, store::links_of(job.project->filter))
                                                 : exporting::load_time_data(job.data, job.events, job.links);
  const std::vector<std::uint8_t> mask =
      job.project ? exporting::project_mask(*job.project, data.events, data.event_ids) : std::vector<std::uint8_t>{};

  render::View view;
  view.scale = job.scale;
  exporting::Composer composer(job.layout, job.width, job.height, job.scale);
  if (job.project) {
    if (job.project->extent.empty()) throw UsageError("--project: the project has no view extent");
    view.camera = composer.fit(job.project->extent, 0.0, true);
  } else if (job.bbox) {
    const geo::Extent projected = projection.is_geographic() ? *job.bbox : projection.project_extent(*job.bbox);
    if (projected.empty()) throw UsageError("--bbox: the box has no image in projection " + projection.spec());
    view.camera = composer.fit(projected, 0.0, !projection.is_geographic());
  } else {
    const geo::Extent shown = render::data_extent(data.events, data.links, projection);
    view.camera = composer.fit(render::default_view_extent(scene, shown), 0.06, true);
  }
  view.time.window_days = job.window_days;
  view.time.mode = job.cumulative ? render::TimeMode::cumulative : render::TimeMode::window;
  view.time.animate_links = false;  // a still image: solid arcs
  // A vector page draws points unless hexagons are asked for (`auto` would pick a heatmap).
  view.density = vector && job.density != render::DensityMode::hexagons ? render::DensityMode::points : job.density;
  if (!job.date && !series) view.time.mode = render::TimeMode::everything;
  if (job.project) {
    view.time = job.project->time;
    view.time.animate_links = false;
    view.layers = job.project->layers;
    view.density = vector && job.project->density != render::DensityMode::hexagons ? render::DensityMode::points
                                                                                    : job.project->density;
  }

  exporting::ImageMetadata metadata;
  metadata.format = format;
  metadata.dpi = job.dpi;
  metadata.jpeg_quality = job.quality.value_or(metadata.jpeg_quality);
  // Refused before drawing: a GeoTIFF needs the CRS as WKT.
  if (format == exporting::ImageFormat::geotiff)
    metadata.georeference = exporting::georeference(view.camera, job.width, job.height, projection);
  std::string sources;
  for (const auto& name : data.sources) {
    if (!sources.empty()) sources += ", ";
    sources += name;
  }
  std::string software = "chronomap ";
  software += CHRONOMAP_VERSION;
  const std::string created = exporting::creation_time();

  // PDF and SVG are drawn by Cairo from the same values: no GL context.
  std::unique_ptr<exporting::HeadlessContext> context;
  std::unique_ptr<render::MapRenderer> renderer;
  if (!vector) {
    context = std::make_unique<exporting::HeadlessContext>();
    renderer = std::make_unique<render::MapRenderer>(job.theme);
    renderer->set_scene(scene);
    renderer->set_events(data.events, projection);
    renderer->set_links(data.links, projection);
    if (!mask.empty()) renderer->set_event_mask(mask);
  }
  const exporting::VectorPage page{format == exporting::ImageFormat::svg ? exporting::VectorFormat::svg
                                                                         : exporting::VectorFormat::pdf,
                                   job.width, job.height, job.dpi.value_or(exporting::kDesignDpi)};

  exporting::MapContent content;
  content.events = &data.events;
  content.links = &data.links;
  content.mask = mask;
  content.filters = job.project ? exporting::filter_text(job.project->filter, job.project->hidden_categories)
                                : exporting::filter_text(job.events);
  content.sources = data.sources;
  content.attribution = exporting::short_attribution(job.data.empty() && !job.no_data);
  if (animation) {
    exporting::AnimationJob animation_job{job.out, animation_settings, *job.from, *job.to, job.step_days};
    animation_job.settings.comment = software;
    const InterruptGuard guard;  // from before the file is opened to its rename
    exporting::AnimationExport exporter(*renderer, view, scene, projection, composer, content,
                                        std::move(animation_job));
    if (!write_animation(exporter, job)) return kInterrupted;
    if (job.verbose) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::fprintf(stderr, "rendered %lld frame(s) of %dx%d into %s in %.2f s with %s; %zu events, %zu links\n",
                   static_cast<long long>(exporter.frame_count()), job.width, job.height, job.out.c_str(), seconds,
                   context->description().c_str(), data.events.size(), data.links.size());
    }
    return 0;
  }
  std::optional<exporting::ImageRenderer> images;
  if (!vector) images.emplace(job.width, job.height, 0, series);
  auto render_day = [&](std::optional<DayNumber> day, const std::string& path) {
    if (day) view.time.cursor = *day;
    render::DensityLegend density;
    if (renderer) {
      density = renderer->density_legend(view, job.width, job.height);
    } else if (view.density == render::DensityMode::hexagons) {
      density = render::density_legend(view.density, render::ground_scale_at_center(projection, view.camera), view.scale);
    }
    const render::Furniture furniture = composer.compose(content, scene, projection, view, density);
    metadata.text.clear();
    if (!job.layout.title.empty()) metadata.text.push_back({"Title", job.layout.title});
    const std::string description = job.no_data ? std::string("The base map alone, without events.")
                                                : exporting::caption_text(view.time, content);
    metadata.text.push_back({"Description", description});
    if (!sources.empty()) metadata.text.push_back({"Source", sources});
    if (!content.attribution.empty()) metadata.text.push_back({"Copyright", content.attribution});
    metadata.text.push_back({"Software", software});
    metadata.text.push_back({"Creation Time", created});
    if (vector) {
      exporting::write_vector(path, page, view,
                              {scene, projection, data.events, mask, data.links, {}, furniture, job.theme},
                              metadata.text);
      return;
    }
    renderer->set_furniture(furniture);
    exporting::write_image_rows(
        path, job.width, job.height, [&](const RowSink& sink) { images->render_rows(*renderer, view, sink); },
        metadata);
  };

  int frames = 0;
  if (series) {
    const auto parent = std::filesystem::path(frame_name(job.out, 0)).parent_path();
    std::error_code ec;
    if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) std::filesystem::create_directories(parent, ec);
    if (ec) throw Error(parent.string() + ": cannot create directory: " + ec.message());
    for (std::int64_t i = 0; i < frame_count; ++i) {
      const auto day = static_cast<DayNumber>(*job.from + i * job.step_days);  // <= *job.to: fits
      render_day(day, frame_name(job.out, ++frames));
    }
  } else {
    render_day(job.date, job.out);
    frames = 1;
  }
  if (job.verbose) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "rendered %d image(s) of %dx%d in %.2f s with %s; %zu events, %zu links\n", frames, job.width,
                 job.height, seconds, context ? context->description().c_str() : "Cairo (vector, no OpenGL)",
                 data.events.size(), data.links.size());
  }
  return 0;
}

}  // namespace chronomap::cli
