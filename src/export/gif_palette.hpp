// A 256-colour palette for GIF frames that keeps a map's colours: the flat colours
// that cover the map (sea, land, fills, text, the event and link colours) exactly,
// and the blends between them (anti-aliased edges, faded events) by median cut.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace chronomap::exporting {

// Colours are 0xRRGGBB; alpha is ignored (frames are opaque).
class GifPalette {
 public:
  static constexpr std::size_t kSize = 256;

  // Counts the colours of `pixels` RGBA pixels (samples of the frames to come).
  void add_sample(const std::uint8_t* rgba, std::size_t pixels);
  // Colours kept exactly whether or not the samples hold them.
  void require(std::uint32_t rgb);
  [[nodiscard]] bool sampled() const { return total_ > 0; }
  // Chooses the palette from what was added: the required colours, then every colour
  // that covers at least 1/2000 of the sampled pixels, most common first, up to a quarter
  // of the palette, then boxes of the rest split at their weighted median (the box
  // with the largest spread times the square root of its pixels first).
  void build();

  [[nodiscard]] const std::vector<std::uint32_t>& colours() const { return colours_; }
  // The index of the nearest colour (squared RGB distance), remembered per colour.
  std::uint8_t index_of(std::uint32_t rgb);
  // A row of RGBA pixels to indices.
  void map_row(const std::uint8_t* rgba, std::size_t pixels, std::uint8_t* indices);

 private:
  std::unordered_map<std::uint32_t, std::uint64_t> counts_;
  std::uint64_t total_ = 0;
  std::vector<std::uint32_t> required_;
  std::vector<std::uint32_t> colours_;
  // index_of's memory: 2^24 indices, and a bit per colour saying it is known.
  std::vector<std::uint8_t> index_;
  std::vector<std::uint64_t> known_;
};

}  // namespace chronomap::exporting
