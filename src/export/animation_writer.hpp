// Animated GIF, MP4 (H.264) and WebM (VP9) through FFmpeg's libraries, a frame at a
// time: each frame is converted and encoded as it is handed over, so an animation of
// any length holds one frame in memory (and the encoder's few). The file is written
// beside the target under a temporary name and renamed when finished; cancelled or
// failed, nothing is left.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/image.hpp"
#include "export/image_format.hpp"

namespace chronomap::exporting {

class GifPalette;

struct AnimationSettings {
  ImageFormat format = ImageFormat::gif;  // gif, mp4 or webm
  int width = 0, height = 0;
  int fps = 4;
  std::string title, comment;  // container metadata, where the format holds it
};

// Frames per second accepted.
inline constexpr int kMinFps = 1, kMaxFps = 60;

// Throws UsageError when `settings` cannot be encoded (not an animation format, fps
// out of range, odd sizes for H.264's 4:2:0), before any drawing.
void check_animation_settings(const AnimationSettings& settings, const std::string& what);

class AnimationWriter {
 public:
  AnimationWriter();
  ~AnimationWriter();  // cancels an unfinished file
  AnimationWriter(const AnimationWriter&) = delete;
  AnimationWriter& operator=(const AnimationWriter&) = delete;

  // Checks the target and the settings, finds the encoder (Error naming it when this
  // FFmpeg lacks it) and writes the container's header to the temporary file.
  void open(const std::filesystem::path& path, const AnimationSettings& settings);
  // GIF only, before the first frame: images whose colours the palette is chosen
  // from (the first frame is used when none is given), and colours it keeps exactly.
  void add_palette_sample(const Image& image);
  void require_colour(std::uint32_t rgb);
  // One frame, handed over as rows top first (RGBA), width×height.
  void add_frame(const std::function<void(const RowSink&)>& produce);
  void add_frame(const Image& image);
  // Flushes the encoder, writes the trailer and renames the file into place.
  void finish();
  // Stops and removes the temporary file; the target is untouched.
  void cancel();

  [[nodiscard]] bool is_open() const;
  [[nodiscard]] int frames() const { return frames_; }

 private:
  struct Codec;
  void encode(bool flush);
  std::unique_ptr<Codec> codec_;
  std::unique_ptr<GifPalette> palette_;
  Image frame_;  // the frame being handed over, RGBA
  int frames_ = 0;
};

}  // namespace chronomap::exporting
