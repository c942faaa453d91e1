// The snapshot dialog's preview: the composed page drawn small by MapView::snapshot
// (the composer and renderer of the saved file), kept in a texture until a setting
// that changes it does.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "ui/panels.hpp"

namespace chronomap::ui {
namespace {

constexpr float kPreviewWidth = 280, kPreviewHeight = 280;
// Settings unchanged this long, with no field being edited, are drawn: typing "3840"
// draws once, not four times, and keys are not lost in a slow frame (a preview redraws
// the window's base map too: a few tenths of a second on a busy software renderer).
constexpr double kSettleSeconds = 0.4;

}  // namespace

void SnapshotPreview::draw(AppState& state, int width, int height, float scale, const exporting::Layout& layout) {
  ImGui::BeginGroup();
  ImGui::TextDisabled("Preview");
  if (width <= 0 || height <= 0 || scale <= 0) {
    ImGui::TextUnformatted("(no size)");
    ImGui::EndGroup();
    return;
  }
  // The page fitted into the preview's box; furniture scaled with it, so the
  // thumbnail has the saved file's proportions (the composer sizes items by the
  // image's size over its scale, which the fitting keeps).
  const float fit = std::min(kPreviewWidth / static_cast<float>(width), kPreviewHeight / static_cast<float>(height));
  const int w = std::max(16, static_cast<int>(std::lround(static_cast<float>(width) * fit)));
  const int h = std::max(16, static_cast<int>(std::lround(static_cast<float>(height) * fit)));
  const render::View& view = state.map.view();
  std::string key = std::to_string(width) + 'x' + std::to_string(height) + '@' + std::to_string(scale);
  for (const std::string* words : {&layout.title, &layout.subtitle}) key += '|' + *words;
  for (const bool item : {layout.date_stamp, layout.caption, layout.legend, layout.scale_bar, layout.miles,
                          layout.north_arrow, layout.inset})
    key += item ? '1' : '0';
  key += '|' + std::to_string(view.time.cursor) + '|' + std::to_string(view.camera.center.x) + ',' +
         std::to_string(view.camera.center.y) + ',' + std::to_string(view.camera.units_per_pixel_x);
  const double now = ImGui::GetTime();
  if (key != pending_) {
    pending_ = key;
    pending_since_ = now;
  }
  // The first preview at once; later ones when the settings have settled.
  if (key != drawn_for_ &&
      (drawn_for_.empty() || (now - pending_since_ >= kSettleSeconds && !ImGui::IsAnyItemActive()))) {
    drawn_for_ = key;
    try {
      const Image image = state.map.snapshot(w, h, scale * fit, layout, snapshot_words(state));
      if (!texture_) texture_ = render::make_texture();
      glBindTexture(GL_TEXTURE_2D, texture_.get());
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
      glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
      glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width(), image.height(), 0, GL_RGBA, GL_UNSIGNED_BYTE,
                   image.data());
      glBindTexture(GL_TEXTURE_2D, 0);
      width_ = image.width();
      height_ = image.height();
    } catch (const Error& e) {
      width_ = height_ = 0;
      state.report(std::string("Preview: ") + e.what(), true);
    }
  }
  if (texture_ && width_ > 0) {
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture_.get())),
                 ImVec2(static_cast<float>(width_), static_cast<float>(height_)));
  }
  ImGui::EndGroup();
}

}  // namespace chronomap::ui
