// Palette choice and pixel mapping for GIF frames (see gif_palette.hpp).
#include "export/gif_palette.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chronomap::exporting {
namespace {

struct Weighted {
  std::uint32_t rgb;
  std::uint64_t count;
};

int channel(std::uint32_t rgb, int c) { return static_cast<int>((rgb >> (16 - 8 * c)) & 0xffu); }

// A box of colours for median cut: a range of `entries`.
struct ColourBox {
  std::size_t begin, end;
  std::uint64_t weight = 0;
  int longest = 0;  // the channel with the widest range
  int range = 0;
};

ColourBox measure(const std::vector<Weighted>& entries, std::size_t begin, std::size_t end) {
  ColourBox box{begin, end};
  int low[3] = {255, 255, 255}, high[3] = {0, 0, 0};
  for (std::size_t i = begin; i < end; ++i) {
    box.weight += entries[i].count;
    for (int c = 0; c < 3; ++c) {
      low[c] = std::min(low[c], channel(entries[i].rgb, c));
      high[c] = std::max(high[c], channel(entries[i].rgb, c));
    }
  }
  for (int c = 0; c < 3; ++c) {
    if (high[c] - low[c] > box.range) {
      box.range = high[c] - low[c];
      box.longest = c;
    }
  }
  return box;
}

std::uint32_t mean_colour(const std::vector<Weighted>& entries, const ColourBox& box) {
  double sum[3] = {0, 0, 0};
  for (std::size_t i = box.begin; i < box.end; ++i) {
    for (int c = 0; c < 3; ++c)
      sum[c] += static_cast<double>(channel(entries[i].rgb, c)) * static_cast<double>(entries[i].count);
  }
  std::uint32_t rgb = 0;
  for (int c = 0; c < 3; ++c) {
    const auto value = static_cast<std::uint32_t>(sum[c] / static_cast<double>(box.weight) + 0.5);
    rgb |= std::min(value, 255u) << (16 - 8 * c);
  }
  return rgb;
}

// Splits boxes of `entries` until `slots` colours or nothing left to split; appends
// each box's weighted mean to `out`.
void median_cut(std::vector<Weighted>& entries, std::size_t slots, std::vector<std::uint32_t>& out) {
  if (entries.empty() || slots == 0) return;
  std::vector<ColourBox> boxes{measure(entries, 0, entries.size())};
  while (boxes.size() < slots) {
    // The box with the most pixels times spread: where one colour would be most wrong.
    auto worst = boxes.end();
    double worst_score = 0;
    for (auto it = boxes.begin(); it != boxes.end(); ++it) {
      const double score = std::sqrt(static_cast<double>(it->weight)) * it->range;
      if (it->end - it->begin > 1 && score > worst_score) {
        worst_score = score;
        worst = it;
      }
    }
    if (worst == boxes.end()) break;
    const ColourBox box = *worst;
    const int c = box.longest;
    std::sort(entries.begin() + static_cast<std::ptrdiff_t>(box.begin),
              entries.begin() + static_cast<std::ptrdiff_t>(box.end),
              [c](const Weighted& a, const Weighted& b) { return channel(a.rgb, c) < channel(b.rgb, c); });
    // The weighted median, leaving at least one entry on each side.
    std::uint64_t seen = 0;
    std::size_t split = box.begin + 1;
    for (std::size_t i = box.begin; i + 1 < box.end; ++i) {
      seen += entries[i].count;
      split = i + 1;
      if (seen * 2 >= box.weight) break;
    }
    *worst = measure(entries, box.begin, split);
    boxes.push_back(measure(entries, split, box.end));
  }
  for (const ColourBox& box : boxes) out.push_back(mean_colour(entries, box));
}

}  // namespace

void GifPalette::add_sample(const std::uint8_t* rgba, std::size_t pixels) {
  // Maps are mostly runs of one colour: count runs, not pixels, in the hash map.
  std::size_t i = 0;
  while (i < pixels) {
    const std::uint8_t* p = rgba + i * 4;
    const std::uint32_t rgb = (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
    std::size_t run = 1;
    while (i + run < pixels && rgba[(i + run) * 4] == p[0] && rgba[(i + run) * 4 + 1] == p[1] &&
           rgba[(i + run) * 4 + 2] == p[2])
      ++run;
    counts_[rgb] += run;
    total_ += run;
    i += run;
  }
}

void GifPalette::require(std::uint32_t rgb) {
  rgb &= 0xffffffu;
  if (std::find(required_.begin(), required_.end(), rgb) == required_.end()) required_.push_back(rgb);
}

void GifPalette::build() {
  colours_.clear();
  index_.clear();
  known_.clear();
  auto kept = [&](std::uint32_t rgb) {
    return std::find(colours_.begin(), colours_.end(), rgb) != colours_.end();
  };
  for (std::uint32_t rgb : required_) {
    if (colours_.size() < kSize / 2 && !kept(rgb)) colours_.push_back(rgb);
  }
  std::vector<Weighted> entries;
  entries.reserve(counts_.size());
  for (const auto& [rgb, count] : counts_) entries.push_back({rgb, count});
  std::sort(entries.begin(), entries.end(), [](const Weighted& a, const Weighted& b) {
    return a.count != b.count ? a.count > b.count : a.rgb < b.rgb;
  });
  // Few colours: all of them, exactly.
  if (entries.size() + colours_.size() <= kSize) {
    for (const auto& e : entries) {
      if (!kept(e.rgb)) colours_.push_back(e.rgb);
    }
  } else {
    const std::uint64_t common = std::max<std::uint64_t>(total_ / 2000, 1);
    std::vector<Weighted> rest;
    for (const auto& e : entries) {
      if (kept(e.rgb)) continue;
      if (e.count >= common && colours_.size() < kSize / 4)
        colours_.push_back(e.rgb);
      else
        rest.push_back(e);
    }
    median_cut(rest, kSize - colours_.size(), colours_);
  }
  if (colours_.empty()) colours_.push_back(0);
}

std::uint8_t GifPalette::index_of(std::uint32_t rgb) {
  if (index_.empty()) {
    index_.assign(std::size_t{1} << 24, 0);
    known_.assign((std::size_t{1} << 24) / 64, 0);
  }
  std::uint64_t& word = known_[rgb >> 6];
  const std::uint64_t bit = std::uint64_t{1} << (rgb & 63u);
  if ((word & bit) != 0) return index_[rgb];
  int best = 0;
  int best_distance = std::numeric_limits<int>::max();
  for (std::size_t i = 0; i < colours_.size(); ++i) {
    int distance = 0;
    for (int c = 0; c < 3; ++c) {
      const int d = channel(rgb, c) - channel(colours_[i], c);
      distance += d * d;
    }
    if (distance < best_distance) {
      best_distance = distance;
      best = static_cast<int>(i);
    }
  }
  word |= bit;
  index_[rgb] = static_cast<std::uint8_t>(best);
  return static_cast<std::uint8_t>(best);
}

void GifPalette::map_row(const std::uint8_t* rgba, std::size_t pixels, std::uint8_t* indices) {
  for (std::size_t i = 0; i < pixels; ++i) {
    const std::uint8_t* p = rgba + i * 4;
    indices[i] = index_of((std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2]);
  }
}

}  // namespace chronomap::exporting
