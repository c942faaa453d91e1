// Picking events under the cursor without scanning them all: a uniform grid over the
// events' projected positions, built once per projection and data load, queried in a
// radius of a few pixels (in map units). Candidates are checked against the time
// filter with the shaders' CPU reference, so only what the map shows is picked.
// Stacks (several events at one projected position) are found once at build time.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "geo/types.hpp"
#include "render/time_data.hpp"

namespace chronomap::render {

struct PickHit {
  std::uint32_t event;  // index into the EventSet
  double distance;      // map units from the query point
};

// A place where several events are drawn on top of each other, and how many of them
// the time filter shows.
struct StackCount {
  geo::XY at;
  std::uint32_t visible;
};

class PickIndex {
 public:
  PickIndex() = default;
  // `projected` holds one position per event in map units; non-finite ones (no image
  // in this projection) are never picked.
  explicit PickIndex(std::vector<geo::XY> projected);

  [[nodiscard]] std::size_t size() const { return points_.size(); }
  [[nodiscard]] const geo::XY& position(std::uint32_t event) const { return points_[event]; }

  // The events within `radius` of `at` that `filter` shows and that pass the filters
  // (`passes`, one byte per event as render::EventMask takes it; empty: all), nearest
  // first (ties in event order). The work is the events in the grid cells the circle
  // touches.
  [[nodiscard]] std::vector<PickHit> query(geo::XY at, double radius, const EventSet& events,
                                           const TimeFilter& filter, std::span<const std::uint8_t> passes = {}) const;

  // The stacks inside `view` with more than one event shown under `filter` and
  // `passes`. Empty when more than `max_stacks` stacks lie in view (too many counts to
  // read).
  [[nodiscard]] std::vector<StackCount> stack_counts(const geo::Extent& view, const EventSet& events,
                                                     const TimeFilter& filter, std::size_t max_stacks,
                                                     std::span<const std::uint8_t> passes = {}) const;
  [[nodiscard]] std::size_t stack_count() const { return stacks_.size(); }

 private:
  struct Stack {
    geo::XY at;
    std::uint32_t begin, end;  // into stack_members_
  };
  [[nodiscard]] std::size_t cell_of(double x, double y) const;

  std::vector<geo::XY> points_;
  geo::Extent extent_;
  double cell_size_ = 1;
  std::size_t columns_ = 0, rows_ = 0;
  std::vector<std::uint32_t> cell_start_;  // columns_ * rows_ + 1 offsets into items_
  std::vector<std::uint32_t> items_;       // event indices, grouped by cell
  std::vector<Stack> stacks_;
  std::vector<std::uint32_t> stack_members_;
};

}  // namespace chronomap::render
