// Outputs are written to a temporary file beside the target and renamed into place,
// so a crash or a full disk never leaves a half-written file under the final name.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace chronomap {

// Calls `write` with a temporary path in the target's directory; when it returns
// normally the temporary file is renamed to `target`, when it throws it is removed
// and the exception goes on. Throws chronomap::Error naming the file on I/O failure.
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path& temporary)>& write);

// Writes `bytes` to `target` atomically.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

}  // namespace chronomap
