// `chronomap render`: the map to a PNG with no display, through EGL.
#include <CLI/CLI.hpp>

#include <charconv>
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "core/image.hpp"
#include "export/headless_context.hpp"
#include "export/snapshot.hpp"
#include "geo/projection.hpp"
#include "render/map_renderer.hpp"

namespace chronomap::cli {

int run_render(int argc, char** argv) {
  CLI::App app{"Render the map to a PNG with no display (OpenGL through EGL).", "chronomap render"};
  std::string out, size_text = "1600x1000", projection_spec(geo::kDefaultProjection), bbox_text, boundaries, layer;
  float scale = 1.0f;
  bool verbose = false;
  app.add_option("--out,-o", out, "PNG file to write (written to a temporary file, then renamed)")->required();
  app.add_option("--size", size_text, "image size in pixels, WIDTHxHEIGHT")->capture_default_str();
  std::string projections;
  for (const auto& p : geo::named_projections()) projections += std::string("\n    ") + p.id + ": " + p.label;
  app.add_option("--projection", projection_spec,
                 "a projection by name, or any CRS PROJ accepts (EPSG:3857, \"+proj=robin\", WKT):" + projections)
      ->capture_default_str();
  app.add_option("--bbox", bbox_text,
                 "lon_min,lat_min,lon_max,lat_max in degrees: the area to show. With plate carree (EPSG:4326)\n"
                 "it maps exactly onto the image (lon_min at the left edge, lat_max at the top); with\n"
                 "other projections the box is fitted inside the image. Default: Mali, Burkina Faso,\n"
                 "Niger and Moscow together.");
  app.add_option("--boundaries", boundaries, "country boundaries from any OGR vector source (default: shipped)");
  app.add_option("--layer", layer, "the layer of --boundaries to draw (default: its first)");
  app.add_option("--scale", scale, "size of lines, markers and text relative to the default (e.g. 2 for print)")
      ->capture_default_str();
  app.add_flag("--verbose,-v", verbose, "print the renderer used and the time taken");

  return run_guarded(app, argc, argv, [&] {
    const ImageSize size = parse_size(size_text);
    const std::optional<geo::Extent> bbox = bbox_text.empty() ? std::nullopt : std::optional(parse_bbox(bbox_text));
    if (!(scale > 0.05f && scale <= 20.0f)) throw UsageError("--scale: must be between 0.05 and 20");
    const geo::Projection projection(projection_spec);
    const render::BaseMap base = render::load_base_map(boundaries, layer);
    const render::Scene scene = render::build_scene(base, projection);

    render::View view;
    view.scale = scale;
    if (bbox) {
      const geo::Extent projected = projection.is_geographic() ? *bbox : projection.project_extent(*bbox);
      if (projected.empty()) throw UsageError("--bbox: the box has no image in projection " + projection.spec());
      view.camera = render::Camera::fit(projected, size.width, size.height, 0.0, !projection.is_geographic());
    } else {
      view.camera = render::Camera::fit(scene.default_extent, size.width, size.height, 0.06, true);
    }

    exporting::HeadlessContext context;
    render::MapRenderer renderer;
    renderer.set_scene(scene);
    const Image image = exporting::render_image(renderer, view, size.width, size.height);
    write_png(out, image);
    if (verbose) std::fprintf(stderr, "rendered %dx%d with %s\n", size.width, size.height, context.description().c_str());
    return 0;
  });
}

}  // namespace chronomap::cli
