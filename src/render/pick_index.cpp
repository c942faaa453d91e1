// The pick grid: events bucketed by cell (counting sort), about two per cell on
// average, and stacks found by sorting each cell's events by position.
#include "render/pick_index.hpp"

#include <algorithm>
#include <cmath>

namespace chronomap::render {

PickIndex::PickIndex(std::vector<geo::XY> projected) : points_(std::move(projected)) {
  std::size_t finite = 0;
  for (const auto& p : points_) {
    if (std::isfinite(p.x) && std::isfinite(p.y)) {
      extent_.add(p.x, p.y);
      ++finite;
    }
  }
  if (finite == 0) return;
  // Square cells, about finite / 2 of them, at most 4096 a side.
  const double w = std::max(extent_.width(), 1e-9), h = std::max(extent_.height(), 1e-9);
  cell_size_ = std::max(std::sqrt(w * h / std::max<double>(static_cast<double>(finite) / 2.0, 1.0)),
                        std::max(w, h) / 4096.0);
  columns_ = static_cast<std::size_t>(w / cell_size_) + 1;
  rows_ = static_cast<std::size_t>(h / cell_size_) + 1;
  cell_start_.assign(columns_ * rows_ + 1, 0);
  for (const auto& p : points_)
    if (std::isfinite(p.x) && std::isfinite(p.y)) ++cell_start_[cell_of(p.x, p.y) + 1];
  for (std::size_t c = 1; c < cell_start_.size(); ++c) cell_start_[c] += cell_start_[c - 1];
  items_.resize(finite);
  std::vector<std::uint32_t> fill(cell_start_.begin(), cell_start_.end() - 1);
  for (std::uint32_t i = 0; i < points_.size(); ++i) {
    const auto& p = points_[i];
    if (std::isfinite(p.x) && std::isfinite(p.y)) items_[fill[cell_of(p.x, p.y)]++] = i;
  }
  // Stacks: within each cell, events sorted by position; equal runs of two or more.
  for (std::size_t c = 0; c + 1 < cell_start_.size(); ++c) {
    auto first = items_.begin() + cell_start_[c], last = items_.begin() + cell_start_[c + 1];
    if (last - first < 2) continue;
    std::sort(first, last, [&](std::uint32_t a, std::uint32_t b) {
      const auto &pa = points_[a], &pb = points_[b];
      return pa.x != pb.x ? pa.x < pb.x : pa.y != pb.y ? pa.y < pb.y : a < b;
    });
    for (auto run = first; run != last;) {
      auto end = run + 1;
      while (end != last && points_[*end].x == points_[*run].x && points_[*end].y == points_[*run].y) ++end;
      if (end - run > 1) {
        const auto begin = static_cast<std::uint32_t>(stack_members_.size());
        stack_members_.insert(stack_members_.end(), run, end);
        stacks_.push_back({points_[*run], begin, static_cast<std::uint32_t>(stack_members_.size())});
      }
      run = end;
    }
  }
}

std::size_t PickIndex::cell_of(double x, double y) const {
  const auto column = std::min(static_cast<std::size_t>(std::max(0.0, (x - extent_.min_x) / cell_size_)), columns_ - 1);
  const auto row = std::min(static_cast<std::size_t>(std::max(0.0, (y - extent_.min_y) / cell_size_)), rows_ - 1);
  return row * columns_ + column;
}

namespace {

// What the map draws of event i: in the time window, and passing the filters.
bool shown(const EventSet& events, const TimeFilter& filter, std::span<const std::uint8_t> passes, std::uint32_t i) {
  return i < events.size() && (passes.empty() || (i < passes.size() && passes[i] != 0)) &&
         event_visible(filter, static_cast<float>(events.start_days[i]), static_cast<float>(events.end_days[i]));
}

}  // namespace

std::vector<PickHit> PickIndex::query(geo::XY at, double radius, const EventSet& events, const TimeFilter& filter,
                                      std::span<const std::uint8_t> passes) const {
  std::vector<PickHit> hits;
  if (items_.empty() || !(radius >= 0) || !std::isfinite(at.x) || !std::isfinite(at.y)) return hits;
  if (at.x + radius < extent_.min_x || at.x - radius > extent_.max_x || at.y + radius < extent_.min_y ||
      at.y - radius > extent_.max_y)
    return hits;
  const std::size_t c0 = cell_of(at.x - radius, at.y - radius), c1 = cell_of(at.x + radius, at.y + radius);
  const std::size_t col0 = c0 % columns_, row0 = c0 / columns_, col1 = c1 % columns_, row1 = c1 / columns_;
  for (std::size_t row = row0; row <= row1; ++row) {
    for (std::size_t col = col0; col <= col1; ++col) {
      const std::size_t c = row * columns_ + col;
      for (std::uint32_t k = cell_start_[c]; k < cell_start_[c + 1]; ++k) {
        const std::uint32_t i = items_[k];
        const double d = std::hypot(points_[i].x - at.x, points_[i].y - at.y);
        if (d <= radius && shown(events, filter, passes, i)) hits.push_back({i, d});
      }
    }
  }
  std::sort(hits.begin(), hits.end(), [](const PickHit& a, const PickHit& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.event < b.event;
  });
  return hits;
}

std::vector<StackCount> PickIndex::stack_counts(const geo::Extent& view, const EventSet& events,
                                                const TimeFilter& filter, std::size_t max_stacks,
                                                std::span<const std::uint8_t> passes) const {
  std::vector<const Stack*> in_view;
  for (const auto& stack : stacks_) {
    if (!view.contains(stack.at.x, stack.at.y)) continue;
    if (in_view.size() == max_stacks) return {};
    in_view.push_back(&stack);
  }
  std::vector<StackCount> out;
  for (const Stack* stack : in_view) {
    std::uint32_t visible = 0;
    for (std::uint32_t k = stack->begin; k < stack->end; ++k) {
      const std::uint32_t i = stack_members_[k];
      if (shown(events, filter, passes, i)) ++visible;
    }
    if (visible > 1) out.push_back({stack->at, visible});
  }
  return out;
}

}  // namespace chronomap::render
