// `chronomap render`: the map to a PNG, or a dated series of PNGs, with no display,
// through EGL.
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <set>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/render_job.hpp"
#include "core/error.hpp"
#include "export/image_format.hpp"
#include "export/print_size.hpp"
#include "export/snapshot.hpp"
#include "geo/projection.hpp"
#include "store/event_store.hpp"

namespace chronomap::cli {
namespace {

// 0001-01-01 to 9999-12-31, the dates parse_date accepts.
constexpr int kMaxDaySpan = 3652059;

// The paper size and resolution options, as given.
struct PrintOptions {
  std::string paper, orientation = "portrait", dpi, format, quality;
  CLI::Option* size = nullptr;
  CLI::Option* scale = nullptr;
  CLI::Option* orientation_given = nullptr;
};

// --size or --paper with --orientation and --dpi into the job's size, scale and dpi;
// --format and --quality. `scale` is --scale's value.
void apply_print_options(const PrintOptions& print, const std::string& size_text, double scale, RenderJob& job) {
  if (!print.dpi.empty()) {
    const double dpi = parse_finite(print.dpi, "--dpi");
    if (!(dpi >= 10.0 && dpi <= 2400.0)) throw UsageError("--dpi: must be between 10 and 2400");
    job.dpi = dpi;
  }
  if (!print.paper.empty()) {
    if (print.size->count() > 0) throw UsageError("--paper and --size cannot be combined: the paper sets the size");
    const auto paper = exporting::find_paper(print.paper);
    if (!paper) throw UsageError("--paper: '" + print.paper + "' is not one of " + exporting::paper_names());
    if (print.orientation != "portrait" && print.orientation != "landscape")
      throw UsageError("--orientation: '" + print.orientation + "' is not portrait or landscape");
    if (!job.dpi) job.dpi = 300.0;
    const auto pixels = exporting::paper_pixels(*paper, print.orientation == "landscape", *job.dpi);
    if (pixels.width > exporting::kMaxImageSide || pixels.height > exporting::kMaxImageSide ||
        static_cast<long long>(pixels.width) * pixels.height > exporting::kMaxImagePixels) {
      throw UsageError("--paper " + std::string(paper->name) + " at " + std::to_string(std::lround(*job.dpi)) +
                       " dpi is " +
                       std::to_string(pixels.width) + "x" + std::to_string(pixels.height) + " pixels, too large");
    }
    job.width = pixels.width;
    job.height = pixels.height;
  } else {
    if (print.orientation_given->count() > 0) throw UsageError("--orientation goes with --paper");
    const ImageSize size = parse_size(size_text);
    job.width = size.width;
    job.height = size.height;
  }
  // --scale wins; otherwise the design unit (1/96 inch) at the resolution asked for.
  job.scale = print.scale->count() == 0 && job.dpi ? exporting::scale_for_dpi(*job.dpi) : static_cast<float>(scale);
  if (!print.format.empty()) job.format = exporting::parse_image_format(print.format, "--format");
  if (!print.quality.empty()) {
    double quality = parse_finite(print.quality, "--quality");
    if (!(quality >= 1 && quality <= 100) || quality != static_cast<int>(quality))
      throw UsageError("--quality: '" + print.quality + "' is not a whole number from 1 to 100");
    job.quality = static_cast<int>(quality);
  }
}

}  // namespace

int run_render(int argc, char** argv) {
  CLI::App app{"Render the map to an image, a series of images or an animation, with no display (OpenGL through EGL).",
               "chronomap render"};
  RenderJob job;
  std::string size_text = "1600x1000", bbox_text, date_text, from_text, to_text, scale_text = "1";
  job.projection = std::string(geo::kDefaultProjection);
  app.add_option("--out,-o", job.out,
                 "image file to write (to a temporary file, then renamed), its format chosen by the extension\n"
                 "(" + exporting::supported_image_extensions() + ") or --format; for a series, a name with %d or\n"
                 "%04d where the frame number goes, e.g. frames/frame_%04d.png, or one animation file\n"
                 "(" + exporting::animation_extensions() + ": GIF, H.264 or VP9 video at --fps)")
      ->required();
  PrintOptions print;
  print.size = app.add_option("--size", size_text, "image size in pixels, WIDTHxHEIGHT")->capture_default_str();
  app.add_option("--paper", print.paper,
                 "a paper size instead of --size: " + exporting::paper_names() +
                     ", at --dpi (300 unless given),\n"
                     "e.g. A4 at 300 dpi is 2480x3508 pixels");
  print.orientation_given = app.add_option("--orientation", print.orientation, "portrait or landscape, with --paper")
                                ->capture_default_str();
  app.add_option("--dpi", print.dpi,
                 "resolution in dots per inch, written into the file; lines, markers and text are sized in\n"
                 "design pixels of 1/96 inch, so --dpi N draws at --scale N/96 unless --scale is given\n"
                 "(default: 96, scale 1, and no resolution written; 300 with --paper)");
  app.add_option("--format", print.format,
                 "image format when --out's extension does not say: " + exporting::image_format_names() +
                     " (tiff: a GeoTIFF,\nplaced in the map's projection; pdf, svg: vector pages of the image's size at --dpi,\n"
                     "drawn without OpenGL)");
  app.add_option("--quality", print.quality, "JPEG quality, 1 to 100 (default 90)");
  std::string projections;
  for (const auto& p : geo::named_projections()) projections += std::string("\n    ") + p.id + ": " + p.label;
  app.add_option("--projection", job.projection,
                 "a projection by name, or any CRS PROJ accepts (EPSG:3857, \"+proj=robin\", WKT):" + projections)
      ->capture_default_str();
  app.add_option("--bbox", bbox_text,
                 "lon_min,lat_min,lon_max,lat_max in degrees: the area to show. With plate carree (EPSG:4326)\n"
                 "it maps exactly onto the map frame (lon_min at the left edge, lat_max at the top; the\n"
                 "caption band lies below the frame, none with --plain); with other projections the box is\n"
                 "fitted inside the frame. Default: Mali, Burkina Faso,\n"
                 "Niger and Moscow together.");
  app.add_option("--boundaries", job.boundaries, "country boundaries from any OGR vector source (default: shipped)");
  app.add_option("--layer", job.layer, "the layer of --boundaries to draw (default: its first)");
  print.scale = app.add_option("--scale", scale_text,
                               "size of lines, markers and text relative to the default (default: --dpi / 96)")
                    ->capture_default_str();
  app.add_option("--data", job.data, "event store (default: the user's, with the AES data set on first use)");
  app.add_option("--date", date_text, "show the map on this day (YYYY-MM-DD); the date is drawn on the image");
  app.add_option("--window", job.window_days, "days up to --date whose events show (older ones fade)")
      ->capture_default_str();
  app.add_flag("--cumulative", job.cumulative, "show everything from the start of the data up to the date");
  app.add_option("--from", from_text, "first day of a series of frames (with --to and --step)");
  app.add_option("--to", to_text, "last day of a series of frames");
  app.add_option("--step", job.step_days, "days between frames of a series")->capture_default_str();
  int fps = kDefaultFps;
  CLI::Option* fps_option = app.add_option(
      "--fps", fps, "frames per second of an animation (" + exporting::animation_extensions() + "), 1 to 60 (default " +
                        std::to_string(kDefaultFps) + ")");
  app.add_option("--max-frames", job.max_frames, "the most frames a series may write (a guard against typos)")
      ->capture_default_str();
  app.add_option("--title", job.layout.title, "a title drawn above the date");
  app.add_option("--subtitle", job.layout.subtitle, "a line under the title");
  std::string density_text = "auto";
  app.add_option("--density", density_text,
                 "how events are drawn: points (a disc each), heatmap (kernel density, legend in events per\n"
                 "100 km² at the map's centre), hexagons (events per hexagon of 16 design px, legend with\n"
                 "the hexagon's ground size), or auto: points, and a heatmap when more than 1,000 events per\n"
                 "million design pixels of the image pass the time window (1,600 at 1600x1000)")
      ->capture_default_str();
  std::string theme_text = "light";
  app.add_option("--theme", theme_text,
                 "colours of the map: light (pale land, dark labels; for print) or dark (dark land, light\n"
                 "labels; for screens)")
      ->capture_default_str();
  app.add_flag("--no-legend{false}", job.layout.legend,
               "leave out the legend of the categories and link kinds on the map");
  app.add_flag("--no-caption{false}", job.layout.caption,
               "leave out the caption under the map (period, filters, counts, sources)");
  app.add_flag("--no-scale-bar{false}", job.layout.scale_bar, "leave out the scale bar");
  app.add_flag("--miles", job.layout.miles, "a second scale bar in miles");
  app.add_flag("--no-north-arrow{false}", job.layout.north_arrow, "leave out the north arrow");
  app.add_flag("--no-inset{false}", job.layout.inset, "leave out the inset locator map");
  app.add_flag("--no-date-stamp{false}", job.layout.date_stamp, "leave out the date under the title");
  app.add_flag("--plain", job.layout.plain,
               "the map alone, edge to edge: no title, legend, caption band, scale bar, north arrow, inset or "
               "attribution drawn (the attribution is still written into the file's metadata); for GIS rasters");
  app.add_flag("--no-data", job.no_data, "draw the base map alone, without events and links");
  app.add_flag("--verbose,-v", job.verbose, "print the renderer used and the time taken");
  std::string country;
  app.add_option("--country", country,
                 "only events where this country is the place or takes part, and links with an end in it\n"
                 "(a code such as MLI or a name, any case)");
  app.add_option("--category", job.events.category, "only events of this category (coup, attack, agreement...)");
  app.add_option("--text", job.events.text, kSearchHelp);
  std::string source;
  app.add_option("--source", source,
                 "only events and links whose source names this (Reuters, ACLED; any case) or from this data set\n"
                 "(its file name)");
  EventOptions filters;
  add_event_options(app, filters);
  std::string project_path;
  app.add_option("--project", project_path,
                 "a project file saved by the window (File > Save project, or beside a snapshot): draws what the\n"
                 "window showed, at the project's export size and furniture, to the pixel; --out, --size,\n"
                 "--paper, --orientation, --dpi, --scale, --format, --quality and a --from/--to/--step series may\n"
                 "be given with it, the rest comes from the project");

  return run_guarded(app, argc, argv, [&] {
    if (!project_path.empty()) {
      // The project sets the view; only the output and a series may be added to it.
      static const std::set<std::string> kWithProject = {
          "--out", "--size", "--paper", "--orientation", "--dpi", "--scale", "--format", "--quality",
          "--from", "--to", "--step", "--max-frames", "--verbose", "--project", "--help"};
      for (const CLI::Option* option : app.get_options()) {
        if (option->count() == 0) continue;
        const auto& names = option->get_lnames();
        if (names.empty()) continue;
        const std::string name = "--" + names.front();
        if (kWithProject.count(name) == 0)
          throw UsageError(name + " cannot be combined with --project: the project sets it");
      }
      exporting::Project project = exporting::load_project(project_path);
      job.projection = project.projection;
      job.boundaries = project.boundaries;
      job.layer = project.layer;
      job.data = project.data;
      job.layout = project.layout;
      if (print.size->count() == 0 && print.paper.empty()) {
        size_text = std::to_string(project.width) + "x" + std::to_string(project.height);
        if (print.scale->count() == 0) scale_text = std::to_string(project.scale);
      }
      job.project = std::move(project);
    }
    if (!bbox_text.empty()) job.bbox = parse_bbox(bbox_text);
    if (!date_text.empty()) job.date = parse_day_number(date_text, "--date");
    if (!from_text.empty() || !to_text.empty()) {
      if (from_text.empty() || to_text.empty()) throw UsageError("--from and --to go together");
      if (!date_text.empty()) throw UsageError("--date cannot be combined with --from/--to");
      job.from = parse_day_number(from_text, "--from");
      job.to = parse_day_number(to_text, "--to");
      if (*job.to < *job.from) throw UsageError("--from " + from_text + " --to " + to_text + " is an empty range");
    }
    const auto density = render::parse_density_mode(density_text);
    if (!density) throw UsageError("--density: '" + density_text + "' is not one of auto, points, heatmap, hexagons");
    job.density = *density;
    const auto theme = render::named_theme(theme_text);
    if (!theme) throw UsageError("--theme: '" + theme_text + "' is not one of " + std::string(render::kThemeNames));
    job.theme = *theme;
    if (job.no_data && !job.data.empty()) throw UsageError("--no-data cannot be combined with --data");
    if (job.window_days < 1) throw UsageError("--window: must be at least 1 day");
    // Longer than every date chronomap reads (years 1 to 9999): nothing more to show,
    // and day arithmetic with it could overflow.
    if (job.window_days > kMaxDaySpan) throw UsageError("--window: at most " + std::to_string(kMaxDaySpan) + " days");
    if (job.step_days < 1) throw UsageError("--step: must be at least 1 day");
    if (job.max_frames < 1) throw UsageError("--max-frames: must be at least 1");
    const double scale = parse_finite(scale_text, "--scale");
    if (!(scale > 0.05 && scale <= 20.0)) throw UsageError("--scale: must be between 0.05 and 20");
    apply_print_options(print, size_text, scale, job);
    // The project's own scale, exactly (the window's, which its pixels depend on).
    if (job.project && print.size->count() == 0 && print.paper.empty() && print.scale->count() == 0 &&
        print.dpi.empty()) {
      job.scale = job.project->scale;
      job.dpi = job.project->dpi;
    }
    if (fps_option->count() > 0) job.fps = fps;
    if (!country.empty()) job.events.country = parse_country(country, "--country");
    job.events.source = source;
    check_search(job.events.text);
    fill_event_options(job.events, filters);
    job.links = store::links_of(job.events);
    return run_render_job(job);
  });
}

}  // namespace chronomap::cli
