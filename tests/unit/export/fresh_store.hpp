// A new event store of this test's own holding the AES data set: tests never touch
// the user's store, nor each other's.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/user_store.hpp"

namespace chronomap {

inline std::filesystem::path fresh_default_store(const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("chronomap-" + name + "-" + std::to_string(::getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  auto store = store::open_user_store(path);
  store::import_demo(store);
  return path;
}

}  // namespace chronomap
