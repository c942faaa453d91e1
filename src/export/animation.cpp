// Drawing a date series into an AnimationWriter (see animation.hpp).
#include "export/animation.hpp"

#include <cmath>
#include <cstring>
#include <utility>

#include "core/error.hpp"

namespace chronomap::exporting {
namespace {

std::uint32_t to_rgb(render::Color c) {
  auto byte = [](float v) {
    return static_cast<std::uint32_t>(std::lround(std::fmin(std::fmax(v, 0.0f), 1.0f) * 255.0f));
  };
  return (byte(c.r) << 16) | (byte(c.g) << 8) | byte(c.b);
}

}  // namespace

std::int64_t animation_frame_count(DayNumber from, DayNumber to, int step_days) {
  if (to < from || step_days < 1) return 0;
  return (std::int64_t{to} - from) / step_days + 1;
}

AnimationExport::AnimationExport(render::MapRenderer& renderer, const render::View& view,
                                 const render::Scene& scene, const geo::Projection& projection, Composer composer,
                                 MapContent content, AnimationJob job)
    : renderer_(renderer),
      view_(view),
      scene_(scene),
      projection_(projection),
      composer_(std::move(composer)),
      content_(std::move(content)),
      job_(std::move(job)),
      count_(animation_frame_count(job_.from, job_.to, job_.step_days)),
      images_(job_.settings.width, job_.settings.height, 0, true) {
  if (count_ == 0) throw UsageError(job_.out.string() + ": the series has no frames");
  view_.time.animate_links = false;  // frames are stills: solid arcs
  if (view_.time.mode == render::TimeMode::everything) view_.time.mode = render::TimeMode::window;
  writer_.open(job_.out, job_.settings);
  if (job_.settings.format != ImageFormat::gif) return;
  // The palette keeps the category and link colours exactly, and is chosen from the
  // first frame and from one with everything shown (the colours of late events).
  for (std::uint8_t i = 0; i < render::event_categories().size(); ++i)
    writer_.require_colour(to_rgb(render::category_color(i)));
  for (std::uint8_t i = 0; i < render::link_kinds().size(); ++i)
    writer_.require_colour(to_rgb(render::link_kind_color(i)));
  const render::TimeMode mode = view_.time.mode;
  for (int sample = 0; sample < 2; ++sample) {
    Image image(job_.settings.width, job_.settings.height);
    int next_row = 0;
    if (sample == 1) view_.time.mode = render::TimeMode::everything;
    draw(job_.from, [&](const std::uint8_t* rows, int count, std::size_t stride) {
      const auto row_bytes = static_cast<std::size_t>(image.width()) * 4;
      for (int i = 0; i < count; ++i, ++next_row)
        std::memcpy(image.data() + static_cast<std::size_t>(next_row) * row_bytes,
                    rows + static_cast<std::size_t>(i) * stride, row_bytes);
    });
    writer_.add_palette_sample(image);
  }
  view_.time.mode = mode;
}

DayNumber AnimationExport::next_day() const {
  return static_cast<DayNumber>(job_.from + done_ * job_.step_days);  // <= job_.to while frames are left
}

void AnimationExport::draw(DayNumber day, const RowSink& sink) {
  const int width = job_.settings.width, height = job_.settings.height;
  view_.time.cursor = day;
  renderer_.set_furniture(
      composer_.compose(content_, scene_, projection_, view_, renderer_.density_legend(view_, width, height)));
  try {
    images_.render_rows(renderer_, view_, sink);
  } catch (...) {
    renderer_.set_furniture({});
    throw;
  }
  renderer_.set_furniture({});
}

void AnimationExport::add_next_frame() {
  if (all_drawn()) return;
  const DayNumber day = next_day();
  writer_.add_frame([&](const RowSink& sink) { draw(day, sink); });
  ++done_;
}

void AnimationExport::finish() {
  if (!all_drawn())
    throw Error(job_.out.string() + ": " + std::to_string(count_ - done_) + " frames not drawn yet");
  writer_.finish();
}

}  // namespace chronomap::exporting
