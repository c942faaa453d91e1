// Image storage; PNG output through libpng (streamed rows), input through stb_image.
#include "core/image.hpp"

#include <png.h>
#include <stb_image.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

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

namespace {

// libpng reports errors by longjmp: every libpng call is made from a function below
// that sets the jump point and holds no object with a destructor, and the writer's
// state lives in a plain struct that the C++ side owns and frees.
struct PngState {
  png_structp png = nullptr;
  png_infop info = nullptr;
  char message[160] = "";
};

[[noreturn]] void png_failed(png_structp png, png_const_charp message) {
  auto* state = static_cast<PngState*>(png_get_error_ptr(png));
  std::snprintf(state->message, sizeof state->message, "%s", message);
  png_longjmp(png, 1);
}

void png_warned(png_structp, png_const_charp) {}

bool ascii(const std::string& text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool png_begin(PngState* s, std::FILE* file, int width, int height, double dpi, png_textp text, int text_count) {
  if (setjmp(png_jmpbuf(s->png))) return false;
  png_init_io(s->png, file);
  png_set_IHDR(s->png, s->info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (dpi > 0) {
    const auto per_metre = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
    png_set_pHYs(s->png, s->info, per_metre, per_metre, PNG_RESOLUTION_METER);
  }
  if (text_count > 0) png_set_text(s->png, s->info, text, text_count);
  // Level 1 with the Up filter: a map is large flat areas and repeated rows, which
  // this packs nearly as well as the slow levels at a fraction of their time.
  png_set_compression_level(s->png, 1);
  png_set_filter(s->png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_write_info(s->png, s->info);
  return true;
}

bool png_rows(PngState* s, const std::uint8_t* rows, int count, std::size_t stride) {
  if (setjmp(png_jmpbuf(s->png))) return false;
  for (int i = 0; i < count; ++i) png_write_row(s->png, rows + static_cast<std::size_t>(i) * stride);
  return true;
}

bool png_end(PngState* s) {
  if (setjmp(png_jmpbuf(s->png))) return false;
  png_write_end(s->png, nullptr);
  return true;
}

// Owns the libpng structures and the open file of one write.
class PngFile {
 public:
  PngFile(const std::filesystem::path& shown, const std::filesystem::path& temporary) : file_(shown, temporary) {
    state_.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &state_, png_failed, png_warned);
    if (state_.png != nullptr) state_.info = png_create_info_struct(state_.png);
    if (state_.info == nullptr) file_.fail("PNG", "out of memory");
  }
  ~PngFile() { png_destroy_write_struct(&state_.png, &state_.info); }
  PngFile(const PngFile&) = delete;
  PngFile& operator=(const PngFile&) = delete;

  void begin(int width, int height, double dpi, std::span<const ImageText> text) {
    // tEXt is Latin-1: UTF-8 beyond ASCII goes into an iTXt chunk instead.
    std::vector<png_text> chunks;
    for (const auto& t : text) {
      png_text chunk{};
      chunk.compression = ascii(t.text) ? PNG_TEXT_COMPRESSION_NONE : PNG_ITXT_COMPRESSION_NONE;
      chunk.key = const_cast<char*>(t.keyword.c_str());  // libpng copies; its API is not const
      chunk.text = const_cast<char*>(t.text.c_str());
      chunks.push_back(chunk);
    }
    if (!png_begin(&state_, file_.get(), width, height, dpi, chunks.data(), static_cast<int>(chunks.size())))
      file_.fail("PNG", state_.message);
  }
  void rows(const std::uint8_t* rows, int count, std::size_t stride) {
    if (!png_rows(&state_, rows, count, stride)) file_.fail("PNG", state_.message);
  }
  void end() {
    if (!png_end(&state_)) file_.fail("PNG", state_.message);
    file_.close();
  }

 private:
  EncoderFile file_;
  PngState state_;
};

}  // namespace

EncoderFile::EncoderFile(const std::filesystem::path& shown, const std::filesystem::path& temporary) : shown_(shown) {
  file_ = std::fopen(temporary.c_str(), "wb");
  if (file_ == nullptr) throw Error(shown_.string() + ": cannot write: " + std::strerror(errno));
}

EncoderFile::~EncoderFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void EncoderFile::close() {
  std::FILE* file = std::exchange(file_, nullptr);
  const bool flushed = std::fflush(file) == 0;
  const int code = errno;
  if (std::fclose(file) != 0 || !flushed) throw Error(shown_.string() + ": cannot write: " + std::strerror(code));
}

void EncoderFile::fail(const char* format, const char* why) const {
  // A failed fwrite inside the encoder leaves errno saying why (a full disk).
  const int code = errno;
  if (file_ != nullptr && std::ferror(file_) != 0 && code != 0)
    throw Error(shown_.string() + ": cannot write: " + std::strerror(code));
  throw Error(shown_.string() + ": cannot encode " + format + ": " + why);
}

void pass_rows(const std::filesystem::path& path, int height, const std::function<void(const RowSink&)>& produce,
               const RowSink& write) {
  int written = 0;
  produce([&](const std::uint8_t* rows, int count, std::size_t stride) {
    if (count <= 0 || written + count > height) throw Error(path.string() + ": more rows than the image has");
    write(rows, count, stride);
    written += count;
  });
  if (written != height) throw Error(path.string() + ": the image ended after " + std::to_string(written) + " rows");
}

void write_png_rows(const std::filesystem::path& path, int width, int height,
                    const std::function<void(const RowSink&)>& produce, std::optional<double> dpi,
                    std::span<const ImageText> text) {
  if (width <= 0 || height <= 0) throw Error(path.string() + ": cannot write an empty image");
  write_atomically(path, [&](const std::filesystem::path& temporary) {
    PngFile png(path, temporary);
    png.begin(width, height, dpi.value_or(0), text);
    pass_rows(path, height, produce,
              [&](const std::uint8_t* rows, int count, std::size_t stride) { png.rows(rows, count, stride); });
    png.end();
  });
}

void write_png(const std::filesystem::path& path, const Image& image, std::optional<double> dpi,
               std::span<const ImageText> text) {
  if (image.empty()) throw Error(path.string() + ": cannot write an empty image");
  write_png_rows(
      path, image.width(), image.height(),
      [&](const RowSink& sink) { sink(image.data(), image.height(), static_cast<std::size_t>(image.width()) * 4); },
      dpi, text);
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
