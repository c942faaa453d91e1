// FFmpeg's encoders and muxers behind AnimationWriter: GIF frames as PAL8 with a
// palette chosen from the map's colours (GifPalette), H.264 and VP9 as 4:2:0 YUV in
// BT.709 through swscale.
#include "export/animation_writer.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <cstring>
#include <string>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/gif_palette.hpp"

namespace chronomap::exporting {
namespace {

std::string av_error(int code) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, text, sizeof text);
  return text;
}

// The muxer, the encoders to try (the first found is used) and what they are called
// in messages.
struct Container {
  const char* muxer;
  const char* encoders[2];
  const char* codec_name;
};

Container container_for(ImageFormat format) {
  switch (format) {
    case ImageFormat::mp4:
      return {"mp4", {"libx264", nullptr}, "libx264 (H.264)"};
    case ImageFormat::webm:
      return {"webm", {"libvpx-vp9", "libvpx"}, "libvpx-vp9 (VP9) or libvpx (VP8)"};
    default:
      return {"gif", {"gif", nullptr}, "gif"};
  }
}

struct DictionaryGuard {
  AVDictionary* dictionary = nullptr;
  ~DictionaryGuard() { av_dict_free(&dictionary); }
  void set(const char* key, const std::string& value) { av_dict_set(&dictionary, key, value.c_str(), 0); }
};

}  // namespace

void check_animation_settings(const AnimationSettings& settings, const std::string& what) {
  if (!is_animation(settings.format)) throw UsageError(what + ": not an animation format (gif, mp4, webm)");
  if (settings.fps < kMinFps || settings.fps > kMaxFps) {
    throw UsageError("--fps: " + std::to_string(settings.fps) + " is not between " + std::to_string(kMinFps) +
                     " and " + std::to_string(kMaxFps));
  }
  if (settings.format == ImageFormat::gif && (settings.width > 65535 || settings.height > 65535))
    throw UsageError(what + ": a GIF is at most 65535 pixels a side");
  if (settings.format == ImageFormat::mp4 && (settings.width % 2 != 0 || settings.height % 2 != 0)) {
    throw UsageError(what + ": MP4 (H.264, 4:2:0) needs an even width and height, not " +
                     std::to_string(settings.width) + "x" + std::to_string(settings.height));
  }
}

// Everything FFmpeg hands out, freed in one place.
struct AnimationWriter::Codec {
  std::filesystem::path path;
  AnimationSettings settings;
  std::unique_ptr<AtomicOutput> output;
  AVFormatContext* format = nullptr;
  AVCodecContext* encoder = nullptr;
  AVStream* stream = nullptr;
  AVFrame* frame = nullptr;
  AVPacket* packet = nullptr;
  SwsContext* scaler = nullptr;
  bool header_written = false;

  ~Codec() {
    sws_freeContext(scaler);
    av_packet_free(&packet);
    av_frame_free(&frame);
    avcodec_free_context(&encoder);
    if (format != nullptr) {
      if (format->pb != nullptr) avio_closep(&format->pb);
      avformat_free_context(format);
    }
  }

  [[noreturn]] void fail(const std::string& doing, int code) const {
    throw Error(path.string() + ": " + doing + ": " + av_error(code));
  }
};

AnimationWriter::AnimationWriter() = default;
AnimationWriter::~AnimationWriter() { cancel(); }

bool AnimationWriter::is_open() const { return codec_ != nullptr; }

void AnimationWriter::open(const std::filesystem::path& path, const AnimationSettings& settings) {
  cancel();
  check_animation_settings(settings, path.string());
  auto codec = std::make_unique<Codec>();
  codec->path = path;
  codec->settings = settings;
  const Container container = container_for(settings.format);
  const AVCodec* found = nullptr;
  for (const char* name : container.encoders) {
    if (name != nullptr && found == nullptr) found = avcodec_find_encoder_by_name(name);
  }
  if (found == nullptr) {
    throw Error(path.string() + ": this FFmpeg has no " + container.codec_name + " encoder, needed for " +
                format_info(settings.format).name);
  }
  codec->output = std::make_unique<AtomicOutput>(path);
  const std::string temporary = codec->output->temporary().string();
  av_log_set_level(AV_LOG_ERROR);  // x264's statistics and the like are not for the user
  int rc = avformat_alloc_output_context2(&codec->format, nullptr, container.muxer, temporary.c_str());
  if (rc < 0 || codec->format == nullptr) codec->fail("cannot set up the container", rc);
  codec->encoder = avcodec_alloc_context3(found);
  codec->frame = av_frame_alloc();
  codec->packet = av_packet_alloc();
  if (codec->encoder == nullptr || codec->frame == nullptr || codec->packet == nullptr)
    codec->fail("cannot set up the encoder", AVERROR(ENOMEM));

  AVCodecContext* enc = codec->encoder;
  enc->width = settings.width;
  enc->height = settings.height;
  enc->time_base = AVRational{1, settings.fps};
  enc->framerate = AVRational{settings.fps, 1};
  enc->sample_aspect_ratio = AVRational{1, 1};
  DictionaryGuard options;
  if (settings.format == ImageFormat::gif) {
    enc->pix_fmt = AV_PIX_FMT_PAL8;
  } else {
    enc->pix_fmt = AV_PIX_FMT_YUV420P;
    enc->color_range = AVCOL_RANGE_MPEG;
    enc->colorspace = AVCOL_SPC_BT709;
    enc->color_primaries = AVCOL_PRI_BT709;
    enc->color_trc = AVCOL_TRC_BT709;
    enc->gop_size = settings.fps * 10;  // a key frame every 10 s of video
    if (std::strcmp(found->name, "libx264") == 0) {
      options.set("preset", "fast");
      options.set("crf", "20");
    } else {
      // VP9/VP8 in constant quality; "good" at cpu-used 5 keeps encoding near the
      // drawing's pace.
      enc->bit_rate = 0;
      options.set("crf", "30");
      options.set("deadline", "good");
      options.set("cpu-used", "5");
      options.set("row-mt", "1");
    }
  }
  if ((codec->format->oformat->flags & AVFMT_GLOBALHEADER) != 0) enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  rc = avcodec_open2(enc, found, &options.dictionary);
  if (rc < 0) codec->fail(std::string("cannot open the ") + found->name + " encoder", rc);

  codec->stream = avformat_new_stream(codec->format, nullptr);
  if (codec->stream == nullptr) codec->fail("cannot add the video stream", AVERROR(ENOMEM));
  codec->stream->time_base = enc->time_base;
  codec->stream->avg_frame_rate = enc->framerate;
  rc = avcodec_parameters_from_context(codec->stream->codecpar, enc);
  if (rc < 0) codec->fail("cannot set up the video stream", rc);
  if (!settings.title.empty()) av_dict_set(&codec->format->metadata, "title", settings.title.c_str(), 0);
  if (!settings.comment.empty())
    av_dict_set(&codec->format->metadata, "comment", settings.comment.c_str(), 0);

  codec->frame->format = enc->pix_fmt;
  codec->frame->width = enc->width;
  codec->frame->height = enc->height;
  rc = av_frame_get_buffer(codec->frame, 0);
  if (rc < 0) codec->fail("cannot allocate a frame", rc);
  if (settings.format != ImageFormat::gif) {
    codec->scaler = sws_getContext(enc->width, enc->height, AV_PIX_FMT_RGBA, enc->width, enc->height,
                                   enc->pix_fmt, SWS_BICUBIC | SWS_ACCURATE_RND, nullptr, nullptr, nullptr);
    if (codec->scaler == nullptr) codec->fail("cannot set up the colour conversion", AVERROR(EINVAL));
    // Full-range RGB to limited-range BT.709, as the stream says.
    const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
    sws_setColorspaceDetails(codec->scaler, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
  }

  rc = avio_open(&codec->format->pb, temporary.c_str(), AVIO_FLAG_WRITE);
  if (rc < 0) codec->fail("cannot write", rc);
  DictionaryGuard muxer_options;
  if (settings.format == ImageFormat::gif) muxer_options.set("loop", "0");  // forever
  if (settings.format == ImageFormat::mp4) muxer_options.set("movflags", "+faststart");
  rc = avformat_write_header(codec->format, &muxer_options.dictionary);
  if (rc < 0) codec->fail("cannot write the header", rc);
  codec->header_written = true;
  if (settings.format == ImageFormat::gif) palette_ = std::make_unique<GifPalette>();
  frame_ = Image(settings.width, settings.height);
  frames_ = 0;
  codec_ = std::move(codec);
}

void AnimationWriter::add_palette_sample(const Image& image) {
  if (!palette_ || frames_ > 0 || image.empty()) return;
  palette_->add_sample(image.data(),
                       static_cast<std::size_t>(image.width()) * static_cast<std::size_t>(image.height()));
}

void AnimationWriter::require_colour(std::uint32_t rgb) {
  if (palette_ && frames_ == 0) palette_->require(rgb);
}

void AnimationWriter::add_frame(const std::function<void(const RowSink&)>& produce) {
  if (!codec_) throw Error("animation: no file is open");
  const int width = codec_->settings.width, height = codec_->settings.height;
  const auto row_bytes = static_cast<std::size_t>(width) * 4;
  int next_row = 0;
  produce([&](const std::uint8_t* rows, int count, std::size_t stride) {
    for (int i = 0; i < count && next_row < height; ++i, ++next_row) {
      std::memcpy(frame_.data() + static_cast<std::size_t>(next_row) * row_bytes,
                  rows + static_cast<std::size_t>(i) * stride, row_bytes);
    }
  });
  if (next_row != height) throw Error(codec_->path.string() + ": a frame came short of rows");

  AVFrame* frame = codec_->frame;
  // The encoder may still hold the previous frame's buffers (GIF compares frames).
  int rc = av_frame_make_writable(frame);
  if (rc < 0) codec_->fail("cannot allocate a frame", rc);
  if (palette_) {
    if (frames_ == 0) {
      if (!palette_->sampled()) add_palette_sample(frame_);
      palette_->build();
    }
    auto* colours = reinterpret_cast<std::uint32_t*>(frame->data[1]);
    const auto& chosen = palette_->colours();
    for (std::size_t i = 0; i < GifPalette::kSize; ++i)
      colours[i] = 0xff000000u | (i < chosen.size() ? chosen[i] : 0u);
    for (int y = 0; y < height; ++y) {
      palette_->map_row(frame_.data() + static_cast<std::size_t>(y) * row_bytes,
                        static_cast<std::size_t>(width),
                        frame->data[0] + static_cast<std::ptrdiff_t>(y) * frame->linesize[0]);
    }
  } else {
    const std::uint8_t* source[1] = {frame_.data()};
    const int source_stride[1] = {static_cast<int>(row_bytes)};
    sws_scale(codec_->scaler, source, source_stride, 0, height, frame->data, frame->linesize);
  }
  frame->pts = frames_;
  rc = avcodec_send_frame(codec_->encoder, frame);
  if (rc < 0) codec_->fail("cannot encode frame " + std::to_string(frames_ + 1), rc);
  encode(false);
  ++frames_;
}

void AnimationWriter::add_frame(const Image& image) {
  add_frame([&](const RowSink& sink) {
    sink(image.data(), image.height(), static_cast<std::size_t>(image.width()) * 4);
  });
}

void AnimationWriter::encode(bool flush) {
  Codec& c = *codec_;
  for (;;) {
    int rc = avcodec_receive_packet(c.encoder, c.packet);
    if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return;
    if (rc < 0) c.fail(flush ? "cannot finish encoding" : "cannot encode", rc);
    // Each frame lasts 1/fps: the last one too, so the duration is frames / fps.
    if (c.packet->duration == 0) c.packet->duration = 1;
    av_packet_rescale_ts(c.packet, c.encoder->time_base, c.stream->time_base);
    c.packet->stream_index = c.stream->index;
    rc = av_interleaved_write_frame(c.format, c.packet);
    if (rc < 0) c.fail("cannot write", rc);
  }
}

void AnimationWriter::finish() {
  if (!codec_) throw Error("animation: no file is open");
  if (frames_ == 0) throw Error(codec_->path.string() + ": an animation needs at least one frame");
  int rc = avcodec_send_frame(codec_->encoder, nullptr);
  if (rc < 0) codec_->fail("cannot finish encoding", rc);
  encode(true);
  rc = av_write_trailer(codec_->format);
  if (rc < 0) codec_->fail("cannot finish the file", rc);
  rc = avio_closep(&codec_->format->pb);
  if (rc < 0) codec_->fail("cannot write", rc);
  codec_->output->commit();
  codec_.reset();
  palette_.reset();
  frame_ = Image();
}

void AnimationWriter::cancel() {
  // The FFmpeg contexts close the temporary file before AtomicOutput removes it.
  if (codec_) {
    auto output = std::move(codec_->output);
    codec_.reset();
  }
  palette_.reset();
  frame_ = Image();
}

}  // namespace chronomap::exporting
