// A project: everything that makes a view of the map, in one JSON file a user can keep,
// share and read — the data, projection and area shown, the time, layers and filters,
// the export settings of the composed figure, and named bookmarks. The window saves and
// opens it; `chronomap render --project FILE` draws exactly what the window showed.
// The format is documented in the README ("Projects").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "export/composer.hpp"
#include "geo/types.hpp"
#include "render/density.hpp"
#include "render/map_renderer.hpp"
#include "render/time_data.hpp"
#include "store/records.hpp"

namespace chronomap::exporting {

inline constexpr int kProjectVersion = 1;

// A named place and moment inside a project.
struct Bookmark {
  std::string name;
  std::string projection;          // the projection `extent` is in
  geo::Extent extent;              // projected
  std::optional<DayNumber> date;   // none: the date is left as it is
};

struct Project {
  std::string data;        // the event store ("": the user's)
  std::string boundaries;  // "": the shipped ones
  std::string layer;
  std::string projection = "laea-sahel";
  geo::Extent extent;      // projected: the area the map frame shows
  render::TimeState time;  // cursor, window, mode, size by fatalities
  render::LayerToggles layers;
  render::DensityMode density = render::DensityMode::automatic;
  store::EventFilter filter;                 // country, actor, text, fatalities, precision
  std::vector<std::string> hidden_categories;  // the legend's categories turned off
  // The figure: its size, resolution and furniture.
  int width = 1920, height = 1080;
  std::optional<double> dpi;  // none: 96 and no resolution written
  float scale = 1.0f;
  Layout layout;
  std::vector<Bookmark> bookmarks;
};

// Reads a project; InputError naming the file and the field for anything missing,
// mistyped or out of range. Fields left out take their defaults.
Project load_project(const std::filesystem::path& file);

// Writes the project atomically (a temporary file, then renamed).
void save_project(const Project& project, const std::filesystem::path& file);

// The event mask a project's filters give over `event_ids` (the store's ids of the
// events loaded, in order): the legend's hidden categories and the store filter,
// as the window applies them. Empty when nothing is filtered.
std::vector<std::uint8_t> project_mask(const Project& project, const render::EventSet& events,
                                       const std::vector<std::int64_t>& event_ids);

// "" when the store filter has no condition.
[[nodiscard]] bool filter_is_empty(const store::EventFilter& filter);

}  // namespace chronomap::exporting
