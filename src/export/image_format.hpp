// The image formats chronomap can write, in one list: `render --out`, the snapshot
// dialog and their messages read it, so a new export format is added here once.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/image.hpp"

namespace chronomap::exporting {

enum class ImageFormat { png };

struct ImageFormatInfo {
  ImageFormat format;
  const char* extension;  // lower case, with the dot: ".png"
  const char* name;       // "PNG"
};

std::span<const ImageFormatInfo> image_formats();

// ".png" or ".png, .tif": for help texts and messages.
std::string supported_image_extensions();

// The format `path`'s extension names (any case). Throws UsageError "`what`: 'x.pdf':
// unsupported image format '.pdf' (supported: .png)" for any other extension or none.
ImageFormat image_format_for(const std::filesystem::path& path, std::string_view what);

// Writes `image` to `path` atomically in the format its extension names; `dpi`, when
// known, is recorded in the file.
void write_image(const std::filesystem::path& path, const Image& image, std::optional<double> dpi = std::nullopt);
// The same for an image handed over as rows, top first (see write_png_rows).
void write_image_rows(const std::filesystem::path& path, int width, int height,
                      const std::function<void(const RowSink&)>& produce, std::optional<double> dpi = std::nullopt);

}  // namespace chronomap::exporting
