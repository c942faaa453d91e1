// The GIF palette: a map's flat colours and the required ones come out exactly, a
// frame with few colours is reproduced exactly, and blends land on a near colour.
#include "export/gif_palette.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace chronomap {
namespace {

using exporting::GifPalette;

std::vector<std::uint8_t> rgba(const std::vector<std::uint32_t>& colours) {
  std::vector<std::uint8_t> pixels;
  for (std::uint32_t c : colours)
    pixels.insert(pixels.end(), {std::uint8_t(c >> 16), std::uint8_t(c >> 8), std::uint8_t(c), 255});
  return pixels;
}

int distance(std::uint32_t a, std::uint32_t b) {
  int d = 0;
  for (int shift : {16, 8, 0}) d = std::max(d, std::abs(int((a >> shift) & 0xff) - int((b >> shift) & 0xff)));
  return d;
}

TEST(GifPalette, FewColoursAreKeptExactly) {
  const std::vector<std::uint32_t> image = {0xc9dde8, 0xc9dde8, 0xeeebe4, 0x3d3a35, 0xeeebe4, 0xc0392b};
  const auto pixels = rgba(image);
  GifPalette palette;
  palette.add_sample(pixels.data(), image.size());
  palette.build();
  EXPECT_EQ(palette.colours().size(), 4u);
  std::vector<std::uint8_t> indices(image.size());
  palette.map_row(pixels.data(), image.size(), indices.data());
  for (std::size_t i = 0; i < image.size(); ++i) EXPECT_EQ(palette.colours()[indices[i]], image[i]) << i;
}

TEST(GifPalette, FlatAndRequiredColoursSurviveAThousandBlends) {
  // Sea and land over most of the image, and a gradient of 4,096 blends between red
  // and blue (anti-aliased edges); a category colour that the sample lacks.
  std::vector<std::uint32_t> image(200000, 0xc9dde8);
  std::fill(image.begin(), image.begin() + 90000, 0xeeebe4);
  for (std::uint32_t i = 0; i < 4096; ++i)
    image[100000 + i] = ((i & 0xff) << 16) | ((i >> 4) & 0xff) << 0 | 0x4000;
  const auto pixels = rgba(image);
  GifPalette palette;
  palette.require(0x7b3294);
  palette.add_sample(pixels.data(), image.size());
  palette.build();
  const auto& colours = palette.colours();
  ASSERT_EQ(colours.size(), GifPalette::kSize);
  for (std::uint32_t exact : {0xc9dde8u, 0xeeebe4u, 0x7b3294u})
    EXPECT_NE(std::find(colours.begin(), colours.end(), exact), colours.end()) << std::hex << exact;
  // Every blend is within 12 levels (of 255) of its palette colour in each channel.
  int worst = 0;
  for (std::size_t i = 100000; i < 100000 + 4096; ++i)
    worst = std::max(worst, distance(colours[palette.index_of(image[i])], image[i]));
  EXPECT_LE(worst, 12);
}

}  // namespace
}  // namespace chronomap
