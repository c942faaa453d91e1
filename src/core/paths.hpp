// Where chronomap finds its shipped data and keeps the user's files.
#pragma once

#include <filesystem>

namespace chronomap {

// The folder with the shipped boundaries, gazetteer and default data set: the
// CHRONOMAP_GEODATA environment variable if set, else `geodata/` beside the
// executable or in ../share/chronomap/, else the source tree the binary was built from.
std::filesystem::path geodata_dir();

// A file in geodata_dir(), e.g. geodata_file("boundaries.gpkg").
std::filesystem::path geodata_file(const char* name);

// $XDG_DATA_HOME/chronomap (default ~/.local/share/chronomap), created on demand.
std::filesystem::path user_data_dir();
// $XDG_CONFIG_HOME/chronomap (default ~/.config/chronomap), created on demand.
std::filesystem::path user_config_dir();

}  // namespace chronomap
