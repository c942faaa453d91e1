// Composition: the caption band, then the frame's corners. Each corner item measures
// its text with the font the renderer draws (render::measure_text), so boxes fit.
#include "export/composer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cmath>
#include <numbers>
#include <set>

#include "core/date.hpp"
#include "render/symbols.hpp"
#include "render/time_layers.hpp"

namespace chronomap::exporting {
namespace {

using render::Align;
using render::Color;
using render::rgb;
using render::Shape;
using render::Stroke;
using render::TextItem;
using render::Vec2;

const Color kInk = rgb(0x1f1d1a);
const Color kMuted = rgb(0x45423d);
const Color kHalo = rgb(0xffffff, 0.9f);
const Color kPaper = rgb(0xffffff);
const Color kBoxFill = rgb(0xffffff, 0.88f);
const Color kBoxLine = rgb(0x8a857c);
const Color kLocator = rgb(0xc0392b);

TextItem text(std::string s, float x, float y, float size, bool bold, Color color = kInk, Align align = Align::left) {
  return {std::move(s), x, y, size, align, 0, 0, color, kHalo, bold};
}

struct Box {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  [[nodiscard]] float width() const { return x1 - x0; }
  [[nodiscard]] float height() const { return y1 - y0; }
  [[nodiscard]] bool contains(Vec2 p) const { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; }
};

enum Corner { top_left, top_right, bottom_left, bottom_right };

Box place(Corner corner, float w, float h, float frame_w, float frame_h, float margin) {
  const float x0 = (corner == top_left || corner == bottom_left) ? margin : frame_w - margin - w;
  const float y0 = (corner == top_left || corner == top_right) ? margin : frame_h - margin - h;
  return {x0, y0, x0 + w, y0 + h};
}

std::string scale_note(const ScaleBar& bar) {
  return "at the centre; varies " + std::to_string(static_cast<int>(std::lround(bar.variation * 100))) +
         "% across the map";
}

Shape framed_box(const Box& b, float s) { return render::rectangle(b.x0, b.y0, b.x1, b.y1, kBoxFill, Stroke{kBoxLine, s, {}}); }

}  // namespace

// Sizes, design px at k = 1.
namespace size {
constexpr float margin = 14, pad = 8, row = 18;
constexpr float title = 20, subtitle = 13, date = 24, legend = 12.5f, caption = 11.5f, attribution = 9.5f, small = 10;
}  // namespace size

Composer::Composer(Layout layout, int width, int height, float scale)
    : layout_(std::move(layout)), width_(width), height_(height), scale_(scale) {
  // Small images get smaller furniture, so it never covers most of the map; measured
  // in design pixels, so DPI alone changes nothing.
  k_ = std::clamp(static_cast<float>(std::min(width, height)) / scale / 900.0f, 0.7f, 1.0f);
  const float s = scale_ * k_;
  const float lines = (layout_.caption ? 2 * size::caption * 1.35f : 0.0f) + size::attribution * 1.4f;
  const float band = layout_.plain ? 0.0f : std::ceil((2 * size::pad * 0.75f + lines) * s);
  frame_height_ = std::max(1, height_ - static_cast<int>(band));
}

render::Camera Composer::fit(const geo::Extent& extent, double margin, bool keep_aspect) const {
  render::Camera camera = render::Camera::fit(extent, width_, frame_height_, margin, keep_aspect);
  // The image's centre lies half the band below the frame's.
  camera.center.y -= 0.5 * (height_ - frame_height_) * camera.units_per_pixel_y;
  return camera;
}

geo::Extent Composer::frame_extent(const render::Camera& camera) const {
  geo::Extent e;
  const geo::XY a = camera.unproject(0, 0, width_, height_);
  const geo::XY b = camera.unproject(width_, frame_height_, width_, height_);
  e.add(a.x, a.y);
  e.add(b.x, b.y);
  return e;
}

const std::vector<Vec2>& Composer::projected(const render::EventSet& events, const geo::Projection& projection) {
  if (projected_for_ != &events || projected_count_ != events.size() || projected_projection_ != projection.spec()) {
    std::vector<geo::XY> xy;
    projection.forward_many(events.positions, xy);
    projected_.resize(xy.size());
    for (std::size_t i = 0; i < xy.size(); ++i)
      projected_[i] = {static_cast<float>(xy[i].x), static_cast<float>(xy[i].y)};
    projected_for_ = &events;
    projected_count_ = events.size();
    projected_projection_ = projection.spec();
  }
  return projected_;
}

render::Furniture Composer::compose(const MapContent& content, const render::Scene& scene,
                                    const geo::Projection& projection, const render::View& view,
                                    const render::DensityLegend& density) {
  render::Furniture out;
  if (layout_.plain) return out;
  const float s = scale_ * k_, k = k_;
  const float margin = size::margin * s, pad = size::pad * s, row = size::row * s;
  const auto w = static_cast<float>(width_), fh = static_cast<float>(frame_height_), h = static_cast<float>(height_);
  const render::Camera& camera = view.camera;
  const auto to_image = [&](Vec2 p) {
    return Vec2{static_cast<float>((static_cast<double>(p.x) - camera.center.x) / camera.units_per_pixel_x +
                                   width_ / 2.0),
                static_cast<float>(height_ / 2.0 -
                                   (static_cast<double>(p.y) - camera.center.y) / camera.units_per_pixel_y)};
  };

  // What the frame shows: events passing time and filters inside it, links not hidden.
  static const render::EventSet kNoEvents;
  static const std::vector<render::Link> kNoLinks;
  const render::EventSet& events = content.events ? *content.events : kNoEvents;
  const std::vector<render::Link>& links = content.links ? *content.links : kNoLinks;
  const render::TimeFilter filter(view.time, events.size() > 0 ? events.day_range().first : 0);
  const bool everything = view.time.mode == render::TimeMode::everything;
  const Box frame{0, 0, w, fh};
  std::vector<Vec2> shown;  // image pixels, for choosing corners
  std::set<std::uint8_t> categories;
  std::uint8_t precisions = 0;  // render::PrecisionFlags of the events shown
  if (view.layers.events && events.size() > 0) {
    const auto& xy = projected(events, projection);
    for (std::size_t i = 0; i < events.size(); ++i) {
      if (!content.mask.empty() && content.mask[i] == 0) continue;
      if (!everything && !render::event_visible(filter, static_cast<float>(events.start_days[i]),
                                                static_cast<float>(events.end_days[i])))
        continue;
      const Vec2 p = to_image(xy[i]);
      if (!frame.contains(p)) continue;
      shown.push_back(p);
      categories.insert(events.categories[i]);
      precisions |= events.precision[i];
    }
  }
  std::set<std::uint8_t> kinds;
  bool ended = false;
  std::uint8_t ended_kind = 0;  // one ended link's kind, for the sample's dashes
  if (view.layers.links) {
    for (const auto& link : links) {
      const auto state = everything ? render::LinkState::active
                                    : render::link_state(filter, static_cast<float>(link.start),
                                                         static_cast<float>(link.end));
      if (state == render::LinkState::hidden) continue;
      bool inside = false;
      for (const auto& p : render::project_link(link, projection).points)
        inside = inside || frame.contains(to_image(p));
      if (!inside) continue;
      if (state == render::LinkState::ended) {
        ended = true;
        ended_kind = link.kind;
      } else {
        kinds.insert(link.kind);
      }
    }
  }
  if (view.layers.places) {
    for (const auto& marker : scene.markers) shown.push_back(to_image(marker.position));
  }
  if (view.layers.labels) {
    // A label counts at its anchor and at its far end.
    for (const auto& label : scene.labels) {
      const Vec2 a = to_image(label.anchor);
      const render::Theme theme;
      const float size = label.style == render::LabelStyle::country ? theme.country_label_size : theme.city_label_size;
      const float length = render::measure_text(label.text, size * scale_, false);
      const float x0 = a.x + label.offset_x * scale_ - (label.centered ? length / 2 : 0.0f);
      shown.push_back({x0, a.y + label.offset_y * scale_});
      shown.push_back({x0 + length, a.y + label.offset_y * scale_});
    }
  }

  // The caption band under the frame.
  out.shapes.push_back(render::rectangle(0, fh, w, h, kPaper, Stroke{kBoxLine, s, {}}));
  {
    const float text_w = w - 2 * margin;
    float y = fh + pad * 0.75f + size::caption * 1.35f * s / 2;
    if (layout_.caption) {
      const std::string caption = caption_text(view.time, content);
      for (const auto& line : wrap_words(caption, size::caption * k * scale_, text_w, 2)) {
        out.texts.push_back(text(line, margin, y, size::caption * k, false));
        y += size::caption * 1.35f * s;
      }
      y = fh + pad * 0.75f + 2 * size::caption * 1.35f * s + size::attribution * 1.4f * s / 2;
    } else {
      y = fh + pad * 0.75f + size::attribution * 1.4f * s / 2;
    }
    if (!content.attribution.empty()) {
      const float natural = render::measure_text(content.attribution, size::attribution * k * scale_, false);
      const float fitted = natural > text_w ? size::attribution * k * text_w / natural : size::attribution * k;
      out.texts.push_back(text(content.attribution, w - margin, y, fitted, false, kMuted, Align::right));
    }
  }

  std::array<float, 4> stacked{};  // per corner, the height its items take

  // The title block, top left.
  if (!layout_.title.empty() || !layout_.subtitle.empty() || (layout_.date_stamp && !everything)) {
    struct Line {
      std::string text;
      float size;
      bool bold;
    };
    std::vector<Line> lines;
    if (!layout_.title.empty()) lines.push_back({layout_.title, size::title, true});
    if (!layout_.subtitle.empty()) lines.push_back({layout_.subtitle, size::subtitle, false});
    if (layout_.date_stamp && !everything) lines.push_back({format_long(view.time.cursor), size::date, true});
    float bw = 0, bh = 0;
    for (const auto& l : lines) {
      bw = std::max(bw, render::measure_text(l.text, l.size * k * scale_, l.bold));
      bh += l.size * 1.3f * s;
    }
    const Box b = place(top_left, bw + 2 * pad, bh + 1.2f * pad, w, fh, margin);
    stacked[top_left] = b.height();
    out.shapes.push_back(framed_box(b, s));
    float y = b.y0 + 0.6f * pad;
    for (const auto& l : lines) {
      out.texts.push_back(text(l.text, b.x0 + pad, y + l.size * 1.3f * s / 2, l.size * k, l.bold));
      y += l.size * 1.3f * s;
    }
  }

  // The corner items, largest first, each where it covers the fewest events: in a
  // free corner, or stacked along the frame's side under (or over) what a corner holds.
  const auto choose = [&](float bw, float bh, std::initializer_list<Corner> preference) {
    Box best_box;
    std::size_t best_count = SIZE_MAX;
    Corner best = *preference.begin();
    for (const Corner c : preference) {
      const float taken = stacked[c] > 0 ? stacked[c] + margin / 2 : 0.0f;
      if (taken + bh + 2 * margin > fh) continue;  // no room left on this side
      Box b = place(c, bw, bh, w, fh, margin);
      const float shift = (c == top_left || c == top_right) ? taken : -taken;
      b.y0 += shift;
      b.y1 += shift;
      // Every point covered counts; a corner already holding something counts a little
      // more, so free corners are used first.
      const auto count = static_cast<std::size_t>(std::count_if(shown.begin(), shown.end(),
                                                                [&](Vec2 p) { return b.contains(p); })) *
                             2 +
                         (taken > 0 ? 1u : 0u);
      if (count < best_count) {
        best_box = b;
        best = c;
        best_count = count;
      }
    }
    if (best_count == SIZE_MAX) best_box = place(best, bw, bh, w, fh, margin);  // nowhere fits: the first choice
    stacked[best] += (stacked[best] > 0 ? margin / 2 : 0.0f) + bh;
    return best_box;
  };

  if (layout_.legend) {
    struct Row {
      std::string label;
      enum { disc, line, ended_line, ring, place_halo } swatch;
      Color color;
      std::uint8_t index = 0;  // the category or link kind
    };
    std::vector<Row> rows;
    const bool ramp = density.mode != render::DensityMode::points;
    if (!ramp) {
      for (const auto c : categories)
        rows.push_back({std::string(render::event_categories()[c]), Row::disc, render::category_color(c), c});
      // The precision symbols, when the frame shows such events (in a neutral grey:
      // they apply to every category).
      const Color neutral = rgb(0x595959);
      if ((precisions & render::kDateImprecise) != 0)
        rows.push_back({"date known to week, month or year", Row::ring, neutral});
      if ((precisions & render::kPlaceImprecise) != 0)
        rows.push_back({"place known to region or country", Row::place_halo, neutral});
    }
    for (const auto kind : kinds)
      rows.push_back({std::string(render::link_kind_label(kind)), Row::line, render::link_kind_color(kind), kind});
    if (ended) rows.push_back({"ended link", Row::ended_line, rgb(0x595959, 0.8f), ended_kind});
    const float swatch = 26 * s;
    float bw = 0;
    for (const auto& r : rows) bw = std::max(bw, swatch + render::measure_text(r.label, size::legend * k * scale_, false));
    std::vector<std::string> ticks;
    std::string unit, note;
    float ramp_h = 0;
    if (ramp) {
      ticks = density.tick_labels();
      unit = density.unit();
      if (!unit.empty()) unit[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(unit[0])));
      note = density.note();
      bw = std::max({bw, 170 * s, render::measure_text(unit, size::legend * k * scale_, true),
                     render::measure_text(note, size::small * k * scale_, false)});
      ramp_h = 3 * row + (note.empty() ? 0 : row);
    }
    if (!rows.empty() || ramp) {
      const Box b = choose(bw + 2 * pad, ramp_h + row * static_cast<float>(rows.size()) + pad,
                           {bottom_left, bottom_right, top_right, top_left});
      out.shapes.push_back(framed_box(b, s));
      float y = b.y0 + pad / 2 + row / 2;
      const float x = b.x0 + pad;
      if (ramp) {
        out.texts.push_back(text(unit, x, y, size::legend * k, true));
        y += row;
        constexpr int kSteps = 32;
        const float bar = bw;
        for (int i = 0; i < kSteps; ++i) {
          const float t0 = static_cast<float>(i) / kSteps, t1 = static_cast<float>(i + 1) / kSteps;
          out.shapes.push_back(render::rectangle(x + bar * t0, y - row * 0.3f, x + bar * t1, y + row * 0.3f,
                                                 render::density_ramp_color((t0 + t1) / 2)));
        }
        y += row;
        for (std::size_t i = 0; i < ticks.size(); ++i) {
          const float tx = x + bar * static_cast<float>(i) / static_cast<float>(std::max<std::size_t>(ticks.size() - 1, 1));
          const auto align = i == 0 ? Align::left : i + 1 == ticks.size() ? Align::right : Align::center;
          out.texts.push_back(text(ticks[i], tx, y, size::small * k, false, kInk, align));
        }
        y += row;
        if (!note.empty()) {
          out.texts.push_back(text(note, x, y, size::small * k, false));
          y += row;
        }
      }
      for (const auto& r : rows) {
        switch (r.swatch) {
          case Row::disc: {
            // The category's marker shape, as the map draws it (render/symbols.hpp).
            Shape marker{{}, true, r.color, Stroke{rgb(0xffffff), 1.0f * s, {}}};
            for (const Vec2 p : render::marker_outline(render::category_shape(r.index)))
              marker.points.push_back({x + 8 * s + p.x * 5.5f * s, y + p.y * 5.5f * s});
            out.shapes.push_back(std::move(marker));
            break;
          }
          case Row::ring: {
            // A hollow disc, its band as event.frag draws a ring (0.38 radii, at least 2.4 px).
            const float band = std::max(2.4f * s, 0.38f * 5.5f * s);
            out.shapes.push_back(render::disc(x + 8 * s, y, 5.5f * s - band / 2, std::nullopt, Stroke{r.color, band, {}}));
            break;
          }
          case Row::place_halo: {
            // A small disc in a circle of twelve dashes, render::kPlaceHaloRadius radii out.
            const float radius = 4 * s, halo = render::kPlaceHaloRadius * radius;
            const float period = 2 * std::numbers::pi_v<float> * halo / 12;
            out.shapes.push_back(render::disc(x + 8 * s, y, radius, r.color));
            out.shapes.push_back(render::disc(x + 8 * s, y, halo, std::nullopt,
                                              Stroke{r.color, 1.2f * s, {0.6f * period, 0.4f * period}}, 48));
            break;
          }
          case Row::line:
          case Row::ended_line: {
            // A line sample with the kind's dash pattern; an ended link thin and grey.
            std::vector<float> dash;
            for (const float d : render::link_kind_dash(r.index)) dash.push_back(d * s);
            const float width = r.swatch == Row::line ? 2.4f * s : 1.4f * s;
            if (r.swatch == Row::ended_line && dash.empty()) dash = {4 * s, 3 * s};
            out.shapes.push_back(render::polyline({{x, y}, {x + 20 * s, y}}, Stroke{r.color, width, dash}));
            break;
          }
        }
        out.texts.push_back(text(r.label, x + swatch, y, size::legend * k, false));
        y += row;
      }
    }
  }

  // The inset locator: the frame's surroundings, three times its size, within the world.
  const geo::Extent frame_ext = frame_extent(camera);
  if (layout_.inset && !scene.world_extent.empty() && !frame_ext.empty()) {
    geo::Extent shows;
    const geo::XY c = frame_ext.center();
    const double half_w = std::max(frame_ext.width(), frame_ext.height()) * 1.5;
    shows.add(std::max(c.x - half_w, scene.world_extent.min_x), std::max(c.y - half_w, scene.world_extent.min_y));
    shows.add(std::min(c.x + half_w, scene.world_extent.max_x), std::min(c.y + half_w, scene.world_extent.max_y));
    // Worth a locator only when the frame is a small part of what it shows.
    if (!shows.empty() && frame_ext.width() * frame_ext.height() < 0.5 * shows.width() * shows.height()) {
      const float iw = std::min(w * 0.22f, 240 * s);
      const auto aspect = static_cast<float>(shows.height() / shows.width());
      const float ih = std::min(iw * aspect, fh * 0.3f);
      const Box b = choose(iw, ih, {top_right, bottom_right, bottom_left, top_left});
      render::Inset inset;
      inset.x0 = std::round(b.x0);
      inset.y0 = std::round(b.y0);
      inset.x1 = std::round(b.x1);
      inset.y1 = std::round(b.y1);
      inset.shows = shows;
      inset.frame = frame_ext;
      inset.background = scene.sea;  // the theme the scene was built with
      inset.outline = kLocator;
      inset.outline_width = 1.5f * s;
      out.inset = inset;
      out.shapes.push_back(render::rectangle(inset.x0, inset.y0, inset.x1, inset.y1, std::nullopt, Stroke{kInk, s, {}}));
    }
  }

  // North arrow and scale bar, together in one box.
  std::optional<double> north;
  if (layout_.north_arrow) north = north_angle(projection, camera, w / 2, fh / 2, width_, height_);
  ScaleBar bars[2];
  const int nbars = layout_.scale_bar ? (layout_.miles ? 2 : 1) : 0;
  const render::Camera frame_camera = render::Camera::fit(frame_ext, width_, frame_height_, 0.0, false);
  for (int i = 0; i < nbars; ++i) bars[i] = scale_bar(projection, frame_camera, width_, frame_height_, 110 * s, i == 1);
  if (north || nbars > 0) {
    const float arrow = 30 * s;
    float bw = north ? arrow : 0, bh = north ? arrow + 1.4f * row : 0;
    for (int i = 0; i < nbars; ++i) {
      const float label = render::measure_text(bars[i].metres > 0 ? bars[i].label : bars[i].note,
                                               size::small * k * scale_, false);
      bw = std::max(bw, bars[i].metres > 0 ? static_cast<float>(bars[i].pixels) + label / 2 + 6 * s : label);
      bh += 1.6f * row;
    }
    if (nbars > 0 && bars[nbars - 1].metres > 0 && bars[nbars - 1].variation > 0.03) {
      bw = std::max(bw, render::measure_text(scale_note(bars[nbars - 1]), size::small * 0.9f * k * scale_, false));
      bh += row;
    }
    const Box b = choose(bw + 2 * pad, bh + pad, {bottom_right, bottom_left, top_right, top_left});
    out.shapes.push_back(framed_box(b, s));
    float y = b.y0 + pad / 2;
    if (north) {
      // An arrow rotated to true north, its "N" beyond the tip.
      const float cx = b.x0 + b.width() / 2, cy = y + row + arrow / 2;
      const auto a = static_cast<float>(*north * std::numbers::pi / 180.0);
      const float cos_a = std::cos(a), sin_a = std::sin(a);
      const auto rot = [&](float ax, float ay) {  // ay: along the arrow (up), ax: across
        return Vec2{cx + ax * cos_a + ay * sin_a, cy + ax * sin_a - ay * cos_a};
      };
      const float half = arrow / 2;
      out.shapes.push_back({{rot(0, half), rot(-half * 0.45f, -half), rot(0, -half * 0.55f)}, true, kInk, {}});
      out.shapes.push_back(
          {{rot(0, half), rot(0, -half * 0.55f), rot(half * 0.45f, -half)}, true, kPaper, Stroke{kInk, 0.8f * s, {}}});
      const Vec2 n = rot(0, half + row * 0.55f);
      out.texts.push_back(text("N", n.x, n.y, size::legend * k, true, kInk, Align::center));
      y += arrow + 1.4f * row;
    }
    for (int i = 0; i < nbars; ++i) {
      const ScaleBar& bar = bars[i];
      const float x = b.x0 + pad;
      if (bar.metres <= 0) {
        out.texts.push_back(text(bar.note, x, y + 0.8f * row, size::small * k, false));
        y += 1.6f * row;
        continue;
      }
      // Four alternating parts, labelled at 0 and the end.
      const auto length = static_cast<float>(bar.pixels);
      const float top = y + 0.9f * row, bottom = top + 5 * s;
      for (int part = 0; part < 4; ++part) {
        out.shapes.push_back(render::rectangle(x + length * static_cast<float>(part) / 4, top,
                                               x + length * static_cast<float>(part + 1) / 4, bottom,
                                               part % 2 == 0 ? kInk : kPaper));
      }
      out.shapes.push_back(render::rectangle(x, top, x + length, bottom, std::nullopt, Stroke{kInk, 0.8f * s, {}}));
      out.texts.push_back(text("0", x, y + 0.4f * row, size::small * k, false, kInk, Align::center));
      out.texts.push_back(text(bar.label, x + length, y + 0.4f * row, size::small * k, false, kInk, Align::center));
      y += 1.6f * row;
      if (i + 1 == nbars && bar.variation > 0.03) {
        // Honest about a scale that changes across the frame.
        out.texts.push_back(text(scale_note(bar), x, y + 0.3f * row, size::small * 0.9f * k, false, kMuted));
        y += row;
      }
    }
  }
  return out;
}

}  // namespace chronomap::exporting
