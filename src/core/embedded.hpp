// Files compiled into the binary at build time (shaders, the label font); see
// cmake/embed.cmake. Each module that embeds files declares its own table here.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace chronomap {

struct EmbeddedFile {
  const char* name;
  const unsigned char* data;  // NUL-terminated, so text files can be used as C strings
  std::size_t size;           // without the terminating NUL

  [[nodiscard]] std::string_view text() const {
    return {reinterpret_cast<const char*>(data), size};
  }
};

std::span<const EmbeddedFile> embedded_shaders();
std::span<const EmbeddedFile> embedded_fonts();

// The file called `name` in `table`; throws chronomap::Error when it is missing,
// which is a build mistake, never a user's.
const EmbeddedFile& find_embedded(std::span<const EmbeddedFile> table, std::string_view name);

}  // namespace chronomap
