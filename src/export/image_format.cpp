// Choosing an output format by file extension or --format, refusing the ones not
// written yet (a PNG under a .pdf name is wrong output, not a convenience), and
// handing the image to its writer.
#include "export/image_format.hpp"

#include <array>
#include <cctype>
#include <cstdlib>
#include <ctime>

#include "core/error.hpp"
#include "export/jpeg_writer.hpp"

namespace chronomap::exporting {
namespace {

constexpr std::array<ImageFormatInfo, 10> kFormats = {{
    {ImageFormat::png, ".png", "PNG", "png"},
    {ImageFormat::jpeg, ".jpg", "JPEG", "jpeg"},
    {ImageFormat::jpeg, ".jpeg", "JPEG", "jpeg"},
    {ImageFormat::geotiff, ".tif", "GeoTIFF", "tiff"},
    {ImageFormat::geotiff, ".tiff", "GeoTIFF", "tiff"},
    {ImageFormat::pdf, ".pdf", "PDF", "pdf"},
    {ImageFormat::svg, ".svg", "SVG", "svg"},
    {ImageFormat::gif, ".gif", "GIF", "gif"},
    {ImageFormat::mp4, ".mp4", "MP4", "mp4"},
    {ImageFormat::webm, ".webm", "WebM", "webm"},
}};

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

std::span<const ImageFormatInfo> image_formats() { return kFormats; }

const ImageFormatInfo& format_info(ImageFormat format) {
  for (const auto& f : kFormats) {
    if (f.format == format) return f;
  }
  return kFormats[0];  // unreachable: every format has a row
}

std::string supported_image_extensions() {
  std::string list;
  for (const auto& f : kFormats) list += (list.empty() ? "" : ", ") + std::string(f.extension);
  return list;
}

std::string animation_extensions() {
  std::string list;
  for (const auto& f : kFormats) {
    if (is_animation(f.format)) list += (list.empty() ? "" : ", ") + std::string(f.extension);
  }
  return list;
}

std::string image_format_names() {
  std::string list;
  for (const auto& f : kFormats) {
    if (&format_info(f.format) == &f) list += (list.empty() ? "" : ", ") + std::string(f.id);
  }
  return list;
}

ImageFormat parse_image_format(std::string_view name, std::string_view what) {
  const std::string wanted = lower(std::string(name));
  for (const auto& f : kFormats) {
    if (wanted == f.id || wanted == f.extension + 1) return f.format;
  }
  if (wanted == "geotiff") return ImageFormat::geotiff;
  throw UsageError(std::string(what) + ": '" + std::string(name) + "' is not one of " + image_format_names());
}

ImageFormat image_format_for(const std::filesystem::path& path, std::string_view what,
                             std::optional<ImageFormat> chosen) {
  const std::string extension = lower(path.extension().string());
  if (chosen && extension.empty()) return *chosen;
  for (const auto& f : kFormats) {
    if (extension != f.extension) continue;
    if (chosen && *chosen != f.format) {
      throw UsageError(std::string(what) + ": '" + path.string() + "' names a " + f.name +
                       " file but --format is " + format_info(*chosen).id);
    }
    return f.format;
  }
  const std::string found =
      extension.empty() ? "no extension" : "unsupported image format '" + extension + "'";
  throw UsageError(std::string(what) + ": '" + path.string() + "' has " +
                   (extension.empty() ? found : "an " + found) +
                   " (supported: " + supported_image_extensions() + ")");
}

std::string creation_time() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (*end == '\0' && seconds >= 0) now = static_cast<std::time_t>(seconds);
  }
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

void write_image(const std::filesystem::path& path, const Image& image, const ImageMetadata& metadata) {
  if (image.empty()) throw Error(path.string() + ": cannot write an empty image");
  write_image_rows(
      path, image.width(), image.height(),
      [&](const RowSink& sink) {
        sink(image.data(), image.height(), static_cast<std::size_t>(image.width()) * 4);
      },
      metadata);
}

void write_image_rows(const std::filesystem::path& path, int width, int height,
                      const std::function<void(const RowSink&)>& produce, const ImageMetadata& metadata) {
  const ImageFormat format = image_format_for(path, path.string(), metadata.format);
  switch (format) {
    case ImageFormat::png:
      write_png_rows(path, width, height, produce, metadata.dpi, metadata.text);
      return;
    case ImageFormat::jpeg:
      write_jpeg_rows(path, width, height, produce, metadata.jpeg_quality, metadata.dpi, metadata.text);
      return;
    case ImageFormat::geotiff:
      if (!metadata.georeference) {
        throw UsageError(path.string() +
                         ": this map cannot be georeferenced, so it cannot be written as a GeoTIFF");
      }
      write_geotiff_rows(path, width, height, produce, *metadata.georeference, metadata.dpi, metadata.text);
      return;
    case ImageFormat::pdf:
    case ImageFormat::svg:
      throw UsageError(path.string() + ": PDF and SVG are drawn as vectors by `chronomap render`, not from an image");
    case ImageFormat::gif:
    case ImageFormat::mp4:
    case ImageFormat::webm:
      throw UsageError(path.string() + ": " + format_info(format).name +
                       " is an animation: it is written from a series of dates (--from, --to, --step)");
  }
}

}  // namespace chronomap::exporting
