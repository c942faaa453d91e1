// An 8-bit RGBA raster, top row first: what a render produces and what PNG files hold.
#pragma once

#include <cstdint>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
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

// A text chunk of an image file: a PNG keyword ("Title", "Description", "Source",
// "Software", "Creation Time") and its text, UTF-8.
struct ImageText {
  std::string keyword, text;
};

// Receives `count` rows of RGBA pixels, top first, `stride` bytes apart (a multiple of 4).
using RowSink = std::function<void(const std::uint8_t* rows, int count, std::size_t stride)>;

// Writes a PNG atomically (libpng, a fast zlib level: lossless, encoded as the rows
// come, so no encoded or filtered copy of the image is ever held). `produce` hands
// the sink all `height` rows in order; `dpi`, when known, goes into the pHYs chunk,
// and `text` into text chunks (tEXt, or iTXt for text beyond ASCII).
// Throws chronomap::Error naming the file on failure, and whatever `produce` throws.
void write_png_rows(const std::filesystem::path& path, int width, int height,
                    const std::function<void(const RowSink&)>& produce, std::optional<double> dpi = std::nullopt,
                    std::span<const ImageText> text = {});
// For image encoders: calls `produce` with a sink that hands each block of rows to
// `write`, and checks that exactly `height` rows came (chronomap::Error naming `path`).
void pass_rows(const std::filesystem::path& path, int height, const std::function<void(const RowSink&)>& produce,
               const RowSink& write);

// For image encoders: the stdio file an encoder writes `shown` into (at `temporary`),
// closed with its errors reported as "SHOWN: cannot write: reason".
class EncoderFile {
 public:
  EncoderFile(const std::filesystem::path& shown, const std::filesystem::path& temporary);
  ~EncoderFile();
  EncoderFile(const EncoderFile&) = delete;
  EncoderFile& operator=(const EncoderFile&) = delete;

  [[nodiscard]] std::FILE* get() const { return file_; }
  // Flushes and closes; throws when either fails (a full disk).
  void close();
  // Throws "cannot write: reason" when the file failed (a full disk inside the
  // encoder's fwrite), "cannot encode FORMAT: why" otherwise.
  [[noreturn]] void fail(const char* format, const char* why) const;

 private:
  std::filesystem::path shown_;
  std::FILE* file_ = nullptr;
};

void write_png(const std::filesystem::path& path, const Image& image, std::optional<double> dpi = std::nullopt,
               std::span<const ImageText> text = {});
// Reads a PNG (or any format stb_image knows) as RGBA; throws chronomap::InputError.
Image read_png(const std::filesystem::path& path);

}  // namespace chronomap
