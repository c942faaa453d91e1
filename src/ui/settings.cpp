// Reading and writing settings.ini.
#include "ui/settings.hpp"

#include <array>
#include <charconv>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace chronomap::ui {
namespace {

template <typename T>
void read_number(const std::string& text, T& out) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc() && end == text.data() + text.size()) out = value;
}

// The on/off settings by their key in settings.ini, for reading and writing alike.
template <typename S>
auto flag_fields(S& s) {
  using Field = std::pair<const char*, decltype(&s.snapshot_project)>;
  return std::array<Field, 16>{{{"snapshot_date_stamp", &s.snapshot_layout.date_stamp},
                                {"snapshot_caption", &s.snapshot_layout.caption},
                                {"snapshot_legend", &s.snapshot_layout.legend},
                                {"snapshot_scale_bar", &s.snapshot_layout.scale_bar},
                                {"snapshot_miles", &s.snapshot_layout.miles},
                                {"snapshot_north_arrow", &s.snapshot_layout.north_arrow},
                                {"snapshot_inset", &s.snapshot_layout.inset},
                                {"snapshot_project", &s.snapshot_project},
                                {"layer_land", &s.layers.land},
                                {"layer_borders", &s.layers.borders},
                                {"layer_graticule", &s.layers.graticule},
                                {"layer_moscow", &s.layers.moscow},
                                {"layer_places", &s.layers.places},
                                {"layer_labels", &s.layers.labels},
                                {"layer_events", &s.layers.events},
                                {"layer_links", &s.layers.links}}};
}

}  // namespace

Settings Settings::load(const std::filesystem::path& file) {
  Settings s;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    const auto eq = line.find('=');
    if (eq == std::string::npos || line.starts_with('#')) continue;
    const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
    for (const auto& [name, target] : flag_fields(s))
      if (key == name) *target = value == "1";
    if (key == "window_width") read_number(value, s.window_width);
    if (key == "window_height") read_number(value, s.window_height);
    if (key == "window_x") read_number(value, s.window_x);
    if (key == "window_y") read_number(value, s.window_y);
    if (key == "projection" && !value.empty()) s.projection = value;
    if (key == "theme" && render::named_theme(value)) s.theme = value;
    if (key == "density") s.density = render::parse_density_mode(value).value_or(s.density);
    if (key == "snapshot_path" && !value.empty()) s.snapshot_path = value;
    if (key == "snapshot_width") read_number(value, s.snapshot_width);
    if (key == "snapshot_height") read_number(value, s.snapshot_height);
    if (key == "snapshot_scale") read_number(value, s.snapshot_scale);
    if (key == "snapshot_title") s.snapshot_layout.title = value;
    if (key == "snapshot_subtitle") s.snapshot_layout.subtitle = value;
    if (key == "recent_project" && !value.empty() && s.recent_projects.size() < 6) s.recent_projects.push_back(value);
    if (key == "time_cursor") s.time_cursor = value;
    if (key == "time_window_days") read_number(value, s.time_window_days);
    if (key == "time_mode" && (value == "window" || value == "cumulative" || value == "everything")) s.time_mode = value;
  }
  s.window_width = std::clamp(s.window_width, 320, 16384);
  s.window_height = std::clamp(s.window_height, 240, 16384);
  s.time_window_days = std::clamp(s.time_window_days, 1, 36600);
  return s;
}

std::string Settings::save(const std::filesystem::path& file) const {
  std::ostringstream out;
  out << "# chronomap GUI settings\n"
      << "window_width=" << window_width << "\nwindow_height=" << window_height << "\nwindow_x=" << window_x
      << "\nwindow_y=" << window_y << "\nprojection=" << projection << "\ntheme=" << theme << "\nsnapshot_path=" << snapshot_path
      << "\nsnapshot_width=" << snapshot_width << "\nsnapshot_height=" << snapshot_height
      << "\nsnapshot_scale=" << snapshot_scale << "\nsnapshot_title=" << snapshot_layout.title
      << "\nsnapshot_subtitle=" << snapshot_layout.subtitle << "\ndensity=" << render::density_mode_name(density)
      << "\ntime_cursor=" << time_cursor << "\ntime_window_days=" << time_window_days << "\ntime_mode=" << time_mode
      << "\n";
  for (const auto& [name, field] : flag_fields(*this)) out << name << "=" << (*field ? 1 : 0) << "\n";
  for (const auto& path : recent_projects) out << "recent_project=" << path << "\n";
  try {
    write_file_atomically(file, out.str());
  } catch (const Error& e) {
    return e.what();
  }
  return {};
}

}  // namespace chronomap::ui
