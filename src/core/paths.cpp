// Shipped-data and per-user directory lookup.
#include "core/paths.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <system_error>

#include "core/error.hpp"

namespace chronomap {
namespace fs = std::filesystem;
namespace {

fs::path executable_dir() {
  std::error_code ec;
  auto self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self.parent_path();
}

fs::path xdg_dir(const char* variable, const char* fallback_below_home) {
  fs::path base;
  if (const char* value = std::getenv(variable); value != nullptr && *value != '\0') {
    base = value;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    base = fs::path(home) / fallback_below_home;
  } else {
    throw Error(std::string("neither ") + variable + " nor HOME is set: cannot place user files");
  }
  fs::path dir = base / "chronomap";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(dir.string() + ": cannot create directory: " + ec.message());
  return dir;
}

}  // namespace

fs::path geodata_dir() {
  if (const char* env = std::getenv("CHRONOMAP_GEODATA"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  if (auto exe = executable_dir(); !exe.empty()) {
    for (const auto& candidate : {exe / "geodata", exe / ".." / "share" / "chronomap" / "geodata"}) {
      if (fs::is_regular_file(candidate / "boundaries.gpkg", ec)) return candidate;
    }
  }
  return CHRONOMAP_SOURCE_GEODATA;
}

fs::path geodata_file(const char* name) { return geodata_dir() / name; }

fs::path user_data_dir() { return xdg_dir("XDG_DATA_HOME", ".local/share"); }
fs::path user_config_dir() { return xdg_dir("XDG_CONFIG_HOME", ".config"); }

}  // namespace chronomap
