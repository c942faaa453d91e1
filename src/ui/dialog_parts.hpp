// Pieces the export dialogs (Save snapshot, Export animation) share: the format a
// file name says, a choice of formats that renames the file, and the last error.
#pragma once

#include <cstddef>
#include <optional>

#include "export/image_format.hpp"
#include "ui/app_state.hpp"

namespace chronomap::ui {

// The format the path's extension names, if any.
std::optional<exporting::ImageFormat> format_of(const char* path);

// A combo of the still image formats, or of the animations (their usual extensions);
// picking one renames the file in `path` (a buffer of `size` bytes).
void format_choice(char* path, std::size_t size, bool animations);

// The last message in red, when it is an error.
void error_line(const AppState& state);

}  // namespace chronomap::ui
