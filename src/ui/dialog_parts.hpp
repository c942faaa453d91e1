// Pieces the export dialogs (Save snapshot, Export animation) share: the file field
// with its folder browser, the format a file name says, a choice of formats that
// renames the file, the buttons that end a dialog, and the last error.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "export/image_format.hpp"
#include "ui/app_state.hpp"

namespace chronomap::ui {

// The format the path's extension names, if any.
std::optional<exporting::ImageFormat> format_of(const char* path);

// A combo of the still image formats, or of the animations (their usual extensions);
// picking one renames the file in `path` (a buffer of `size` bytes).
void format_choice(char* path, std::size_t size, bool animations);

// The file field: the path typed in `path` (a buffer of `size` bytes) and "Browse…",
// a popup listing the folders and files of a folder (`folder` keeps which between
// frames): a folder opens, ".." goes up, a file is taken, "Here" keeps the name typed
// and moves it into the folder shown.
void path_field(char* path, std::size_t size, std::string& folder);

// The row that ends a dialog: `action` and `dismiss` side by side. Returns which was
// pressed this frame.
enum class DialogButton { none, action, dismiss };
DialogButton dialog_buttons(const char* action, const char* dismiss);

// The last message in red when it is an error, and the popup's end.
void end_dialog(const AppState& state);

}  // namespace chronomap::ui
