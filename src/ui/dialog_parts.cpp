// The export dialogs' shared pieces (see dialog_parts.hpp).
#include "ui/dialog_parts.hpp"

#include <imgui.h>

#include <cstring>
#include <filesystem>

#include "core/error.hpp"

namespace chronomap::ui {

std::optional<exporting::ImageFormat> format_of(const char* path) {
  try {
    return exporting::image_format_for(path, "File");
  } catch (const Error&) {
    return std::nullopt;
  }
}

void format_choice(char* path, std::size_t size, bool animations) {
  const auto named = format_of(path);
  const bool known = named.has_value() && exporting::is_animation(*named) == animations;
  const exporting::ImageFormat current = named.value_or(exporting::ImageFormat::png);
  const char* shown = known ? exporting::format_info(current).name : "(by extension)";
  if (!ImGui::BeginCombo("Format", shown)) return;
  for (const auto& f : exporting::image_formats()) {
    // One entry per format, of the kind this dialog writes.
    if (&exporting::format_info(f.format) != &f || exporting::is_animation(f.format) != animations) continue;
    if (ImGui::Selectable(f.name, known && current == f.format)) {
      std::filesystem::path renamed(path);
      renamed.replace_extension(f.extension);
      std::strncpy(path, renamed.c_str(), size - 1);
    }
  }
  ImGui::EndCombo();
}

void error_line(const AppState& state) {
  if (state.message_is_error && !state.message.empty()) {
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.15f, 1.0f), "%s", state.message.c_str());
  }
}

}  // namespace chronomap::ui
