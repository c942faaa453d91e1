// Lookup in the tables of files embedded at build time.
#include "core/embedded.hpp"

#include <string>

#include "core/error.hpp"

namespace chronomap {

const EmbeddedFile& find_embedded(std::span<const EmbeddedFile> table, std::string_view name) {
  for (const auto& file : table) {
    if (name == file.name) return file;
  }
  throw Error("embedded resource '" + std::string(name) + "' is missing from this build");
}

}  // namespace chronomap
