// libjpeg reports errors by longjmp: as in the PNG writer, every libjpeg call is made
// from a function below that sets the jump point and holds no object with a
// destructor, and the compressor lives in a plain struct the C++ side owns.
#include "export/jpeg_writer.hpp"

#include <jpeglib.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace chronomap::exporting {
namespace {

struct JpegState {
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr errors{};
  std::jmp_buf jump{};
  bool created = false;
  char message[JMSG_LENGTH_MAX] = "";
};

[[noreturn]] void jpeg_failed(j_common_ptr cinfo) {
  auto* state = reinterpret_cast<JpegState*>(cinfo);  // cinfo is JpegState's first member
  (*cinfo->err->format_message)(cinfo, state->message);
  std::longjmp(state->jump, 1);
}

bool jpeg_begin(JpegState* s, std::FILE* file, int width, int height, int quality, double dpi,
                const char* comment, unsigned comment_size) {
  if (setjmp(s->jump)) return false;
  s->cinfo.err = jpeg_std_error(&s->errors);
  s->errors.error_exit = jpeg_failed;
  jpeg_create_compress(&s->cinfo);
  s->created = true;
  jpeg_stdio_dest(&s->cinfo, file);
  s->cinfo.image_width = static_cast<JDIMENSION>(width);
  s->cinfo.image_height = static_cast<JDIMENSION>(height);
  s->cinfo.input_components = 4;
  s->cinfo.in_color_space = JCS_EXT_RGBA;
  jpeg_set_defaults(&s->cinfo);
  jpeg_set_quality(&s->cinfo, quality, TRUE);
  if (dpi > 0 && dpi < 65535.5) {
    s->cinfo.write_JFIF_header = TRUE;
    s->cinfo.density_unit = 1;  // dots per inch
    s->cinfo.X_density = s->cinfo.Y_density = static_cast<UINT16>(std::lround(dpi));
  }
  jpeg_start_compress(&s->cinfo, TRUE);
  if (comment_size > 0)
    jpeg_write_marker(&s->cinfo, JPEG_COM, reinterpret_cast<const JOCTET*>(comment), comment_size);
  return true;
}

bool jpeg_rows(JpegState* s, JSAMPROW* rows, int count) {
  if (setjmp(s->jump)) return false;
  jpeg_write_scanlines(&s->cinfo, rows, static_cast<JDIMENSION>(count));
  return true;
}

bool jpeg_end(JpegState* s) {
  if (setjmp(s->jump)) return false;
  jpeg_finish_compress(&s->cinfo);
  return true;
}

// Owns the compressor and the open file of one write.
class JpegFile {
 public:
  JpegFile(const std::filesystem::path& shown, const std::filesystem::path& temporary)
      : file_(shown, temporary) {}
  ~JpegFile() {
    if (state_.created) jpeg_destroy_compress(&state_.cinfo);
  }
  JpegFile(const JpegFile&) = delete;
  JpegFile& operator=(const JpegFile&) = delete;

  void begin(int width, int height, int quality, double dpi, const std::string& comment) {
    // A comment marker holds at most 65533 bytes.
    const auto size = static_cast<unsigned>(std::min<std::size_t>(comment.size(), 65533));
    if (!jpeg_begin(&state_, file_.get(), width, height, quality, dpi, comment.data(), size))
      file_.fail("JPEG", state_.message);
  }
  void rows(const std::uint8_t* rows, int count, std::size_t stride) {
    pointers_.resize(static_cast<std::size_t>(count));
    // libjpeg reads the rows and never writes them, but its API is not const.
    for (int i = 0; i < count; ++i)
      pointers_[static_cast<std::size_t>(i)] =
          const_cast<JSAMPROW>(rows + static_cast<std::size_t>(i) * stride);
    if (!jpeg_rows(&state_, pointers_.data(), count)) file_.fail("JPEG", state_.message);
  }
  void end() {
    if (!jpeg_end(&state_)) file_.fail("JPEG", state_.message);
    file_.close();
  }

 private:
  EncoderFile file_;
  JpegState state_;
  std::vector<JSAMPROW> pointers_;
};

}  // namespace

void write_jpeg_rows(const std::filesystem::path& path, int width, int height,
                     const std::function<void(const RowSink&)>& produce, int quality,
                     std::optional<double> dpi, std::span<const ImageText> text) {
  if (width <= 0 || height <= 0) throw Error(path.string() + ": cannot write an empty image");
  if (width > JPEG_MAX_DIMENSION || height > JPEG_MAX_DIMENSION)
    throw UsageError(path.string() + ": JPEG holds at most " + std::to_string(JPEG_MAX_DIMENSION) +
                     " pixels a side");
  if (quality < 1 || quality > 100) throw UsageError("JPEG quality must be between 1 and 100");
  std::string comment;
  for (const auto& t : text) {
    comment += t.keyword;
    comment += ": ";
    comment += t.text;
    comment += '\n';
  }
  write_atomically(path, [&](const std::filesystem::path& temporary) {
    JpegFile jpeg(path, temporary);
    jpeg.begin(width, height, quality, dpi.value_or(0), comment);
    pass_rows(path, height, produce, [&](const std::uint8_t* rows, int count, std::size_t stride) {
      jpeg.rows(rows, count, stride);
    });
    jpeg.end();
  });
}

}  // namespace chronomap::exporting
