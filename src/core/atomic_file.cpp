// Atomic file replacement through a temporary file and rename(2).
#include "core/atomic_file.hpp"

#include <unistd.h>

#include <fstream>
#include <random>
#include <string>

#include "core/error.hpp"

namespace chronomap {

void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path&)>& write) {
  namespace fs = std::filesystem;
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw Error(target.string() + ": cannot write: directory '" + dir.string() + "' does not exist");
  }
  std::random_device seed;
  // Hidden, unique, in the same directory so rename() stays atomic. (Built with +=:
  // GCC 12 warns falsely, -Wrestrict, on "literal" + std::string.)
  std::string name(".");
  name += target.filename().string();
  name += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(seed() % 1000000u);
  const fs::path temporary = dir / name;
  try {
    write(temporary);
  } catch (...) {
    fs::remove(temporary, ec);
    throw;
  }
  fs::rename(temporary, target, ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw Error(target.string() + ": cannot write: " + ec.message());
  }
}

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
  write_atomically(target, [&](const std::filesystem::path& temporary) {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) throw Error(target.string() + ": cannot write (disk full or no permission?)");
  });
}

}  // namespace chronomap
