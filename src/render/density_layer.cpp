// Density on the GPU: a float target filled by additive blending (kernels for the
// heatmap, one point per event on its hexagon's texel for the hexagons), then one
// full-framebuffer triangle through the ramp. See shaders/density_*.
#include "render/density_layer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <utility>

#include "core/error.hpp"

namespace chronomap::render {
namespace {

struct DensityInstance {
  float position[2];
  float days[2];
};

// Saves the bound draw framebuffer and viewport, and puts them back when it goes.
class SavedTarget {
 public:
  SavedTarget() {
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &framebuffer_);
    glGetIntegerv(GL_VIEWPORT, viewport_);
  }
  ~SavedTarget() {
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(framebuffer_));
    glViewport(viewport_[0], viewport_[1], viewport_[2], viewport_[3]);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  }
  SavedTarget(const SavedTarget&) = delete;
  SavedTarget& operator=(const SavedTarget&) = delete;

 private:
  GLint framebuffer_ = 0;
  GLint viewport_[4] = {0, 0, 0, 0};
};

// The part of the tile (framebuffer pixels, y up) within `pad` image pixels of
// `extent`: where density can be non-zero. Empty (zero width) when none is.
std::array<GLint, 4> reach(const geo::Extent& extent, const FrameTransform& frame, double pad) {
  if (extent.empty()) return {0, 0, 0, 0};
  const auto f = [&](int i) { return static_cast<double>(frame.to_pixel[i]); };
  const auto t = [&](int i) { return static_cast<double>(frame.tile[i]); };
  const double x0 = extent.min_x * f(0) + f(2) - t(0), x1 = extent.max_x * f(0) + f(2) - t(0);
  const double y0 = extent.min_y * f(1) + f(3) - t(1), y1 = extent.max_y * f(1) + f(3) - t(1);  // y down
  const double w = t(2), h = t(3);
  const double left = std::clamp(std::floor(std::min(x0, x1) - pad), 0.0, w);
  const double right = std::clamp(std::ceil(std::max(x0, x1) + pad), 0.0, w);
  const double top = std::clamp(std::floor(std::min(y0, y1) - pad), 0.0, h);
  const double bottom = std::clamp(std::ceil(std::max(y0, y1) + pad), 0.0, h);
  return {static_cast<GLint>(left), static_cast<GLint>(h - bottom), static_cast<GLint>(right - left),
          static_cast<GLint>(bottom - top)};
}

}  // namespace

void DensityLayer::FloatTarget::bind(int w, int h, GLint filter) {
  if (!texture || w != width || h != height) {
    texture = make_texture();
    glBindTexture(GL_TEXTURE_2D, texture.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, w, h, 0, GL_RED, GL_FLOAT, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    GLuint name = 0;
    glGenFramebuffers(1, &name);
    framebuffer = GlFramebuffer(name);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer.get());
    glFramebufferTexture2D(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture.get(), 0);
    if (glCheckFramebufferStatus(GL_DRAW_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
      texture.reset();
      throw Error("cannot make a " + std::to_string(w) + "x" + std::to_string(h) +
                  " float framebuffer for the density layer on this GPU");
    }
    width = w;
    height = h;
  }
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer.get());
  glViewport(0, 0, w, h);
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE);  // additive: each event adds its share
}

DensityLayer::DensityLayer()
    : heat_("density_heat"),
      count_("density_count", "density.glsl"),
      ramp_("density_ramp", "density.glsl"),
      vao_(make_vertex_array()),
      empty_vao_(make_vertex_array()),
      instances_(make_buffer()) {
  glBindVertexArray(vao_.get());
  corners_.bind_to_attribute_0();
  glBindBuffer(GL_ARRAY_BUFFER, instances_.get());
  instance_attribute(1, 2, sizeof(DensityInstance), offsetof(DensityInstance, position));
  instance_attribute(2, 2, sizeof(DensityInstance), offsetof(DensityInstance, days));
  mask_.bind(3, 0);
  glBindVertexArray(0);
}

void DensityLayer::upload(const EventSet& events, const geo::Projection& projection) {
  std::vector<geo::XY> projected;
  projection.forward_many(events.positions, projected);
  // The events with an image, by start day: the draw order, which the filter mask follows.
  order_.clear();
  for (std::size_t i = 0; i < events.size(); ++i)
    if (std::isfinite(projected[i].x) && std::isfinite(projected[i].y)) order_.push_back(i);
  std::stable_sort(order_.begin(), order_.end(),
                   [&](std::size_t a, std::size_t b) { return events.start_days[a] < events.start_days[b]; });
  std::vector<DensityInstance> instances;
  instances.reserve(order_.size());
  for (const std::size_t i : order_) {
    instances.push_back({{static_cast<float>(projected[i].x), static_cast<float>(projected[i].y)},
                         {static_cast<float>(events.start_days[i]), static_cast<float>(events.end_days[i])}});
  }
  std::vector<DayNumber> starts(instances.size()), ends(instances.size());
  longest_span_ = 0;
  extent_ = {};
  for (std::size_t i = 0; i < instances.size(); ++i) {
    extent_.add(instances[i].position[0], instances[i].position[1]);
    starts[i] = static_cast<DayNumber>(instances[i].days[0]);
    ends[i] = static_cast<DayNumber>(instances[i].days[1]);
    longest_span_ = std::max(longest_span_, static_cast<double>(ends[i] - starts[i]));
  }
  count_events_ = upload_records(instances_, instances);
  mask_.upload(order_, {});
  days_ = DayCounts(starts, ends);
  passing_days_ = days_;
  starts_ = std::move(starts);
  ends_ = std::move(ends);
  projection_ = projection;
}

void DensityLayer::set_mask(std::span<const std::uint8_t> passes) {
  mask_.upload(order_, passes);
  std::vector<DayNumber> starts, ends;
  starts.reserve(order_.size());
  ends.reserve(order_.size());
  for (std::size_t k = 0; k < order_.size(); ++k) {
    if (order_[k] < passes.size() && passes[order_[k]] == 0) continue;
    starts.push_back(starts_[k]);
    ends.push_back(ends_[k]);
  }
  passing_days_ = DayCounts(std::move(starts), std::move(ends));
}

DensityMode DensityLayer::effective(DensityMode mode, const TimeFilter& filter, int image_width, int image_height,
                                    float scale) const {
  if (mode != DensityMode::automatic) return mode;
  return effective_density(mode, passing_days_.visible(filter), image_width, image_height, scale);
}

DensityLegend DensityLayer::legend(DensityMode effective, const Camera& camera, float scale) const {
  const GroundScale ground = projection_ ? ground_scale_at_center(*projection_, camera) : GroundScale{};
  return density_legend(effective, ground, scale);
}

GLsizei DensityLayer::bind_window(const TimeFilter& filter) const {
  const std::size_t first = days_.started_by(std::ceil(static_cast<double>(filter.window_start) - longest_span_) - 1.0);
  const std::size_t last = days_.started_by(static_cast<double>(filter.cursor));
  glBindVertexArray(vao_.get());
  glBindBuffer(GL_ARRAY_BUFFER, instances_.get());
  const std::size_t offset = first * sizeof(DensityInstance);
  instance_attribute(1, 2, sizeof(DensityInstance), offset + offsetof(DensityInstance, position));
  instance_attribute(2, 2, sizeof(DensityInstance), offset + offsetof(DensityInstance, days));
  mask_.bind(3, first);
  return last > first ? static_cast<GLsizei>(last - first) : 0;
}

void DensityLayer::accumulate_heat(const FrameTransform& frame, const TimeFilter& filter, float unit) const {
  // Half resolution: `frame`'s tile is the region, even-aligned, one texel per 2x2 pixels.
  heat_target_.bind(static_cast<int>(frame.tile[2]) / 2, static_cast<int>(frame.tile[3]) / 2, GL_LINEAR);
  if (count_events_ == 0) return;
  heat_.use();
  heat_.set_frame(frame);
  glUniform1f(heat_.uniform("u_cursor"), filter.cursor);
  glUniform1f(heat_.uniform("u_window_start"), filter.window_start);
  glUniform1f(heat_.uniform("u_radius"), kHeatRadiusPx * frame.scale);
  glUniform1f(heat_.uniform("u_unit"), unit);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, bind_window(filter));
  glBindVertexArray(0);
}

void DensityLayer::accumulate_cells(const FrameTransform& frame, const TimeFilter& filter, const HexGrid& grid) const {
  cell_target_.bind(grid.nq, grid.nr, GL_NEAREST);
  if (count_events_ == 0) return;
  count_.use();
  count_.set_frame(frame);
  glUniform1f(count_.uniform("u_cursor"), filter.cursor);
  glUniform1f(count_.uniform("u_window_start"), filter.window_start);
  glUniform2f(count_.uniform("u_anchor"), grid.anchor_x, grid.anchor_y);
  glUniform1f(count_.uniform("u_hex_size"), grid.size);
  glUniform4i(count_.uniform("u_cells"), grid.q0, grid.r0, grid.nq, grid.nr);
  glDrawArraysInstanced(GL_POINTS, 0, 1, bind_window(filter));
  glBindVertexArray(0);
}

std::vector<float> DensityLayer::count_cells(const FrameTransform& frame, const TimeFilter& filter,
                                             const HexGrid& grid) const {
  const SavedTarget saved;
  accumulate_cells(frame, filter, grid);
  std::vector<float> counts(static_cast<std::size_t>(grid.nq) * static_cast<std::size_t>(grid.nr));
  glBindFramebuffer(GL_READ_FRAMEBUFFER, cell_target_.framebuffer.get());
  glPixelStorei(GL_PACK_ALIGNMENT, 4);
  glReadPixels(0, 0, grid.nq, grid.nr, GL_RED, GL_FLOAT, counts.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  check_gl("reading back the hexagon counts");
  return counts;
}

void DensityLayer::draw(DensityMode effective, const FrameTransform& frame, const TimeFilter& filter,
                        const Camera& camera, int image_width, int image_height, const Tile& tile) const {
  const bool hexagons = effective == DensityMode::hexagons;
  // The ramp pass covers only the part of the tile near some event (a scissor): the
  // rest has no density. A hexagon reaches two of its sizes from an event in it.
  const auto box = reach(extent_, frame, (hexagons ? 2.0f * kHexSizePx : kHeatRadiusPx) * frame.scale + 2.0f);
  if (box[2] <= 0 || box[3] <= 0) return;
  const GroundScale ground = projection_ ? ground_scale_at_center(*projection_, camera) : GroundScale{};
  const DensityLegend key = density_legend(effective, ground, frame.scale);
  HexGrid grid;
  std::array<float, 4> region = {0, 0, 1, 1};  // the heat target's part of the image, image px
  {
    const SavedTarget saved;
    if (hexagons) {
      grid = hex_grid(camera, image_width, image_height, tile, frame.scale);
      accumulate_cells(frame, filter, grid);
    } else {
      // Events per pixel² to the legend's unit. Kernels are splatted whole, so a tile
      // gets the contributions of events beyond its edges as an untiled image does. The
      // density is sampled at half resolution on texels fixed to even image pixels, over
      // the tile and a texel beyond it on each side, so that bilinear filtering finds
      // the same neighbours at a tile's edge as inside an untiled image.
      auto even_below = [](int v) { return v - (((v % 2) + 2) % 2); };
      const int x0 = even_below(tile.x - 2), y0 = even_below(tile.y - 2);
      const int x1 = even_below(tile.x + tile.width + 3), y1 = even_below(tile.y + tile.height + 3);
      FrameTransform half = frame;
      region = {static_cast<float>(x0), static_cast<float>(y0), static_cast<float>(x1 - x0), static_cast<float>(y1 - y0)};
      std::copy(region.begin(), region.end(), half.tile);
      accumulate_heat(half, filter, ground.km2_per_px() > 0 ? static_cast<float>(100.0 / ground.km2_per_px()) : 1.0f);
    }
  }
  glEnable(GL_SCISSOR_TEST);
  glScissor(box[0], box[1], box[2], box[3]);
  ramp_.use();
  glUniform4f(ramp_.uniform("u_tile"), frame.tile[0], frame.tile[1], frame.tile[2], frame.tile[3]);
  glUniform1i(ramp_.uniform("u_mode"), effective == DensityMode::hexagons ? 1 : 0);
  glUniform4f(ramp_.uniform("u_region"), region[0], region[1], region[2], region[3]);
  glUniform1i(ramp_.uniform("u_values"), 0);
  glUniform1f(ramp_.uniform("u_low"), static_cast<float>(key.low));
  glUniform1f(ramp_.uniform("u_decades"), kRampDecades);
  set_color_array(ramp_.uniform("u_ramp"), kRampStops, density_ramp_stop);
  glUniform2f(ramp_.uniform("u_anchor"), grid.anchor_x, grid.anchor_y);
  glUniform1f(ramp_.uniform("u_hex_size"), grid.size);
  glUniform4i(ramp_.uniform("u_cells"), grid.q0, grid.r0, grid.nq, grid.nr);
  glUniform1f(ramp_.uniform("u_gap"), kHexGapPx * frame.scale);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D,
                (effective == DensityMode::hexagons ? cell_target_ : heat_target_).texture.get());
  glBindVertexArray(empty_vao_.get());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glDisable(GL_SCISSOR_TEST);
  check_gl("drawing the density layer");
}

}  // namespace chronomap::render
