// A new event store of this test's own, which the store fills with the default AES
// data set on first open: tests never touch the user's store, nor each other's.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace chronomap {

inline std::filesystem::path fresh_default_store(const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("chronomap-" + name + "-" + std::to_string(::getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path;
}

}  // namespace chronomap
