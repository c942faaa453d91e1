// Choosing an output format by file extension, refusing the ones not written yet
// (a PNG under a .pdf name is wrong output, not a convenience).
#include "export/image_format.hpp"

#include <array>
#include <cctype>

#include "core/error.hpp"

namespace chronomap::exporting {
namespace {

constexpr std::array<ImageFormatInfo, 1> kFormats = {{
    {ImageFormat::png, ".png", "PNG"},
}};

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

std::span<const ImageFormatInfo> image_formats() { return kFormats; }

std::string supported_image_extensions() {
  std::string list;
  for (const auto& f : kFormats) list += (list.empty() ? "" : ", ") + std::string(f.extension);
  return list;
}

ImageFormat image_format_for(const std::filesystem::path& path, std::string_view what) {
  const std::string extension = lower(path.extension().string());
  for (const auto& f : kFormats) {
    if (extension == f.extension) return f.format;
  }
  const std::string found = extension.empty() ? "no extension" : "unsupported image format '" + extension + "'";
  throw UsageError(std::string(what) + ": '" + path.string() + "' has " +
                   (extension.empty() ? found : "an " + found) + " (supported: " + supported_image_extensions() + ")");
}

void write_image(const std::filesystem::path& path, const Image& image, std::optional<double> dpi) {
  switch (image_format_for(path, path.string())) {
    case ImageFormat::png:
      write_png(path, image, dpi);
      return;
  }
}

void write_image_rows(const std::filesystem::path& path, int width, int height,
                      const std::function<void(const RowSink&)>& produce, std::optional<double> dpi) {
  switch (image_format_for(path, path.string())) {
    case ImageFormat::png:
      write_png_rows(path, width, height, produce, dpi);
      return;
  }
}

}  // namespace chronomap::exporting
