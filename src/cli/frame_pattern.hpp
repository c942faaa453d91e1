// Output names for frame series: "frames/frame_%04d.png" -> frames/frame_0001.png ...
#pragma once

#include <string>
#include <string_view>

namespace chronomap::cli {

// True when `pattern` holds exactly one %d conversion (with an optional zero-padded
// width, e.g. %04d) and no other % directive except %%.
bool is_frame_pattern(std::string_view pattern);

// The name of frame `index` (the pattern must be valid).
std::string frame_name(std::string_view pattern, int index);

}  // namespace chronomap::cli
