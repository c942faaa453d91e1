// The image formats chronomap can write, in one list: `render --out` and `--format`,
// the snapshot dialog and their messages read it, so a new export format is added here
// once.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/image.hpp"
#include "export/geotiff_writer.hpp"

namespace chronomap::exporting {

enum class ImageFormat { png, jpeg, geotiff, pdf, svg, gif, mp4, webm };

// PDF and SVG: drawn by the vector backend (export/vector_writer.hpp), not from pixels.
constexpr bool is_vector_format(ImageFormat format) { return format == ImageFormat::pdf || format == ImageFormat::svg; }

// GIF, MP4 and WebM hold a series of frames (AnimationWriter), not one image.
constexpr bool is_animation(ImageFormat format) {
  return format == ImageFormat::gif || format == ImageFormat::mp4 || format == ImageFormat::webm;
}

struct ImageFormatInfo {
  ImageFormat format;
  const char* extension;  // lower case, with the dot: ".png"
  const char* name;       // "PNG"
  const char* id;         // for --format: "png", "jpeg", "tiff"
};

// One row per extension (.jpg and .jpeg are both JPEG); the first row of a format is
// its usual extension.
std::span<const ImageFormatInfo> image_formats();
const ImageFormatInfo& format_info(ImageFormat format);

// ".png, .jpg, .jpeg, .tif, .tiff": for help texts and messages.
std::string supported_image_extensions();
// ".gif, .mp4, .webm": the animations among them.
std::string animation_extensions();
// "png, jpeg, tiff": the names --format takes.
std::string image_format_names();

// The format --format names ("png", "jpeg" or "jpg", "tiff", "tif" or "geotiff", any
// case); UsageError listing them otherwise.
ImageFormat parse_image_format(std::string_view name, std::string_view what);

// The format `path`'s extension names (any case). Throws UsageError "`what`: 'x.pdf':
// unsupported image format '.pdf' (supported: .png, ...)" for any other extension or
// none. With `chosen` (--format), a path with no extension is that format, and one
// whose extension names another format is refused.
ImageFormat image_format_for(const std::filesystem::path& path, std::string_view what,
                             std::optional<ImageFormat> chosen = std::nullopt);

// What a file carries besides its pixels, where its format can hold it.
struct ImageMetadata {
  std::optional<ImageFormat> format;  // --format; otherwise the extension's
  std::optional<double> dpi;          // PNG pHYs, JPEG JFIF density, TIFF resolution
  std::vector<ImageText> text;        // Title, Description, Source, Software, Creation Time
  int jpeg_quality = 90;              // 1-100
  // Required by GeoTIFF: a .tif without it is refused (the map could not be placed).
  std::optional<Georeference> georeference;
};

// The current time as ISO 8601 UTC ("2026-11-30T04:38:01Z"), for Creation Time; the
// time SOURCE_DATE_EPOCH names when it is set, so reproducible outputs stay identical.
std::string creation_time();

// Writes `image` to `path` atomically in the format `metadata` or the extension names.
void write_image(const std::filesystem::path& path, const Image& image, const ImageMetadata& metadata = {});
// The same for an image handed over as rows, top first (see write_png_rows).
void write_image_rows(const std::filesystem::path& path, int width, int height,
                      const std::function<void(const RowSink&)>& produce, const ImageMetadata& metadata = {});

}  // namespace chronomap::exporting
