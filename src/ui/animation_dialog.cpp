// "Export animation…": the current view over a range of dates as a GIF, MP4 or WebM,
// drawn and encoded by the same AnimationExport as `chronomap render --out x.gif`, a
// few frames per window frame so the window keeps drawing and Cancel stays live.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>

#include "core/date.hpp"
#include "core/error.hpp"
#include "export/animation.hpp"
#include "export/image_format.hpp"
#include "export/composer.hpp"
#include "export/snapshot.hpp"
#include "ui/dialog_parts.hpp"
#include "ui/panels.hpp"

namespace chronomap::ui {
namespace {

// Time spent drawing frames in one window frame: the window stays usable (at least
// one frame is drawn, however long it takes).
constexpr std::chrono::milliseconds kFrameBudget(50);

std::optional<exporting::ImageFormat> animation_format_of(const char* path) {
  const auto format = format_of(path);
  return format && exporting::is_animation(*format) ? format : std::nullopt;
}

}  // namespace

void AnimationDialog::start(AppState& state) {
  const auto format = animation_format_of(path_);
  if (!format) {
    throw UsageError(std::string("File: '") + path_ + "' is not an animation (" +
                     exporting::animation_extensions() + ")");
  }
  exporting::AnimationJob job;
  job.out = path_;
  job.from = parse_day_number(from_, "From");
  job.to = parse_day_number(to_, "To");
  if (job.to < job.from) throw UsageError(std::string("From ") + from_ + " is after To " + to_);
  if (step_days_ < 1) throw UsageError("Step: must be at least 1 day");
  job.step_days = step_days_;
  if (width_ <= 0 || height_ <= 0 || width_ > exporting::kMaxImageSide || height_ > exporting::kMaxImageSide)
    throw UsageError("width and height must be between 1 and " + std::to_string(exporting::kMaxImageSide));
  job.settings.format = *format;
  job.settings.width = width_;
  job.settings.height = height_;
  job.settings.fps = fps_;
  job.settings.comment = std::string("chronomap ") + CHRONOMAP_VERSION;
  // Composed as the snapshot dialog composes its images (title, legend, furniture).
  const exporting::Layout& layout = state.settings.snapshot_layout;
  exporting::MapContent content = snapshot_words(state);
  content.events = &state.map.events();
  content.links = &state.map.shown_links();
  content.mask = state.map.passes();
  const render::View view = state.map.snapshot_view(width_, height_, scale_, layout);
  export_ = std::make_unique<exporting::AnimationExport>(
      state.map.renderer(), view, state.map.scene(), state.map.projection(),
      exporting::Composer(layout, width_, height_, scale_), std::move(content), std::move(job));
  state.report("Exporting " + std::string(path_) + "…", false);
}

void AnimationDialog::advance(AppState& state) {
  const auto started = std::chrono::steady_clock::now();
  do {
    export_->add_next_frame();
  } while (!export_->all_drawn() && std::chrono::steady_clock::now() - started < kFrameBudget);
  if (!export_->all_drawn()) return;
  export_->finish();
  state.report("Saved " + std::string(path_) + " (" + std::to_string(export_->frame_count()) + " frames of " +
                   std::to_string(width_) + "x" + std::to_string(height_) + " at " + std::to_string(fps_) +
                   " fps)",
               false);
  export_.reset();
  ImGui::CloseCurrentPopup();
}

void AnimationDialog::draw(AppState& state) {
  if (state.open_animation) {
    ImGui::OpenPopup("Export animation");
    state.open_animation = false;
    if (!initialised_) {
      // The data's dates by default: the whole story, a frame a month.
      const auto& events = state.map.events();
      const auto [first, last] = events.size() > 0
                                     ? events.day_range()
                                     : std::pair{state.map.view().time.cursor, state.map.view().time.cursor};
      std::snprintf(from_, sizeof from_, "%s", format_iso(first).c_str());
      std::snprintf(to_, sizeof to_, "%s", format_iso(last).c_str());
      initialised_ = true;
    }
  }
  ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Export animation", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const bool busy = running();
  ImGui::TextUnformatted("The current view over a range of dates, each frame with its date.");
  ImGui::BeginDisabled(busy);
  path_field(path_, sizeof path_, folder_);
  format_choice(path_, sizeof path_, true);
  ImGui::InputText("From (YYYY-MM-DD)", from_, sizeof from_);
  ImGui::InputText("To (YYYY-MM-DD)", to_, sizeof to_);
  ImGui::InputInt("Step (days)", &step_days_, 1, 30);
  ImGui::SliderInt("Frames per second", &fps_, exporting::kMinFps, exporting::kMaxFps);
  ImGui::InputInt("Width (px)", &width_, 16, 160);
  ImGui::InputInt("Height (px)", &height_, 16, 160);
  ImGui::SliderFloat("Scale", &scale_, 0.5f, 4.0f, "%.2f×");
  ImGui::EndDisabled();
  ImGui::Separator();
  if (busy) {
    try {
      advance(state);
    } catch (const Error& e) {
      export_.reset();  // removes the unfinished file
      state.report(e.what(), true);
    }
  }
  if (running()) {
    const auto done = export_->frames_done(), total = export_->frame_count();
    const std::string label = std::to_string(done) + " / " + std::to_string(total) + " frames";
    // Cancel where Export was and the bar beside it: the dialog keeps its size, so
    // Cancel is under the pointer from the first frame (a frame can take seconds).
    const bool cancel = ImGui::Button("Cancel", ImVec2(120, 0));
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(done) / static_cast<float>(total), ImVec2(-1, 0), label.c_str());
    if (cancel) {
      export_->cancel();
      export_.reset();
      state.report("Export cancelled; " + std::string(path_) + " was not written", false);
    }
  } else {
    const DialogButton pressed = dialog_buttons("Export", "Close");
    if (pressed == DialogButton::action) {
      try {
        start(state);
      } catch (const Error& e) {
        export_.reset();
        state.report(e.what(), true);
      }
    }
    if (pressed == DialogButton::dismiss) ImGui::CloseCurrentPopup();
  }
  end_dialog(state);
}

}  // namespace chronomap::ui
