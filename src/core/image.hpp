// An 8-bit RGBA raster, top row first: what a render produces and what PNG files hold.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace chronomap {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  friend bool operator==(const Rgba&, const Rgba&) = default;
};

class Image {
 public:
  Image() = default;
  Image(int width, int height);

  [[nodiscard]] int width() const { return width_; }
  [[nodiscard]] int height() const { return height_; }
  [[nodiscard]] bool empty() const { return width_ == 0 || height_ == 0; }
  [[nodiscard]] Rgba pixel(int x, int y) const;
  void set_pixel(int x, int y, Rgba color);
  std::uint8_t* data() { return pixels_.data(); }
  [[nodiscard]] const std::uint8_t* data() const { return pixels_.data(); }
  [[nodiscard]] std::size_t byte_size() const { return pixels_.size(); }

  // OpenGL reads bottom row first; images are top row first.
  void flip_vertically();

 private:
  int width_ = 0;
  int height_ = 0;
  std::vector<std::uint8_t> pixels_;
};

// Writes a PNG atomically; throws chronomap::Error naming the file on failure.
void write_png(const std::filesystem::path& path, const Image& image);
// Reads a PNG (or any format stb_image knows) as RGBA; throws chronomap::InputError.
Image read_png(const std::filesystem::path& path);

}  // namespace chronomap
