// The export dialogs' shared pieces (see dialog_parts.hpp).
#include "ui/dialog_parts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

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

namespace {

void set_path(char* path, std::size_t size, const std::filesystem::path& to) {
  std::strncpy(path, to.c_str(), size - 1);
  path[size - 1] = '\0';
}

}  // namespace

void path_field(char* path, std::size_t size, std::string& folder) {
  namespace fs = std::filesystem;
  ImGui::InputText("##file", path, size);
  ImGui::SameLine();
  if (ImGui::Button("Browse…")) {
    const fs::path typed(path);
    std::error_code error;
    const fs::path start = typed.has_parent_path() ? typed.parent_path() : fs::current_path(error);
    folder = fs::absolute(start, error).lexically_normal().string();
    ImGui::OpenPopup("Browse");
  }
  ImGui::SameLine();
  ImGui::TextUnformatted("File");
  if (!ImGui::BeginPopup("Browse")) return;
  ImGui::TextUnformatted(folder.c_str());
  ImGui::Separator();
  // Folders first, then files, each by name; hidden ones left out. An unreadable
  // folder lists nothing, and ".." still leads out of it.
  std::vector<fs::path> folders, files;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code kind_error;
    (it->is_directory(kind_error) ? folders : files).push_back(it->path().filename());
  }
  std::sort(folders.begin(), folders.end());
  std::sort(files.begin(), files.end());
  ImGui::BeginChild("entries", ImVec2(440, 240), true);
  if (ImGui::Selectable("../")) folder = fs::path(folder).parent_path().string();
  for (const auto& name : folders) {
    if (ImGui::Selectable((name.string() + "/").c_str())) folder = (fs::path(folder) / name).string();
  }
  for (const auto& name : files) {
    if (ImGui::Selectable(name.c_str())) {
      set_path(path, size, fs::path(folder) / name);
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::EndChild();
  if (ImGui::Button("Here", ImVec2(120, 0))) {
    set_path(path, size, fs::path(folder) / fs::path(path).filename());
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Close", ImVec2(120, 0))) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

DialogButton dialog_buttons(const char* action, const char* dismiss) {
  DialogButton pressed = DialogButton::none;
  if (ImGui::Button(action, ImVec2(120, 0))) pressed = DialogButton::action;
  ImGui::SameLine();
  if (ImGui::Button(dismiss, ImVec2(120, 0))) pressed = DialogButton::dismiss;
  return pressed;
}

void end_dialog(const AppState& state) {
  if (state.message_is_error && !state.message.empty()) {
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.15f, 1.0f), "%s", state.message.c_str());
  }
  ImGui::EndPopup();
}

}  // namespace chronomap::ui
