// Image storage and PNG input/output through stb_image / stb_image_write.
#include "core/image.hpp"

#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace chronomap {

Image::Image(int width, int height)
    : width_(width), height_(height),
      pixels_(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4u, 0) {}

Rgba Image::pixel(int x, int y) const {
  const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) + static_cast<std::size_t>(x)) * 4u;
  return {pixels_[i], pixels_[i + 1], pixels_[i + 2], pixels_[i + 3]};
}

void Image::set_pixel(int x, int y, Rgba color) {
  const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) + static_cast<std::size_t>(x)) * 4u;
  pixels_[i] = color.r;
  pixels_[i + 1] = color.g;
  pixels_[i + 2] = color.b;
  pixels_[i + 3] = color.a;
}

void Image::flip_vertically() {
  const auto row = static_cast<std::size_t>(width_) * 4u;
  std::vector<std::uint8_t> tmp(row);
  for (int y = 0; y < height_ / 2; ++y) {
    auto* a = pixels_.data() + static_cast<std::size_t>(y) * row;
    auto* b = pixels_.data() + static_cast<std::size_t>(height_ - 1 - y) * row;
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
}

void write_png(const std::filesystem::path& path, const Image& image) {
  if (image.empty()) throw Error(path.string() + ": cannot write an empty image");
  // Encoded in memory, then written by write_file_atomically, whose errors carry the
  // system's reason (stb's file writer only says that it failed).
  std::string png;
  const auto append = [](void* out, void* data, int size) {
    static_cast<std::string*>(out)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
  };
  if (stbi_write_png_to_func(append, &png, image.width(), image.height(), 4, image.data(), image.width() * 4) == 0) {
    throw Error(path.string() + ": cannot encode PNG (out of memory?)");
  }
  write_file_atomically(path, png);
}

Image read_png(const std::filesystem::path& path) {
  int width = 0, height = 0, channels = 0;
  stbi_uc* pixels = stbi_load(path.c_str(), &width, &height, &channels, 4);
  if (pixels == nullptr) {
    throw InputError(path.string() + ": cannot read image: " + stbi_failure_reason());
  }
  Image image(width, height);
  std::memcpy(image.data(), pixels, image.byte_size());
  stbi_image_free(pixels);
  return image;
}

}  // namespace chronomap
