// Outputs are written to a temporary file beside the target and renamed into place,
// so a crash or a full disk never leaves a half-written file under the final name.
// Outputs are only ever regular files: a device, FIFO, directory or socket under the
// target's name is refused, never replaced, and a symlink is written through.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace chronomap {

// Checks, before any expensive work, that `target` may be written as an output:
//  - missing: its directory must exist and be writable (chronomap::Error otherwise);
//  - a symlink: checked as the file it finally points to (which is what gets written);
//  - a regular file with no write bit in its mode: UsageError "is read-only" (the
//    mode is what counts: root passes access(W_OK) on anything);
//  - a directory, device, FIFO or socket: UsageError "is a ..., not a regular file".
// Errors that come from the system name the errno reason.
void check_output_target(const std::filesystem::path& target);

// The path that writing `target` replaces: `target` itself, or the final file its
// symlink chain points to. Performs check_output_target's checks and throws the same.
std::filesystem::path resolve_output_target(const std::filesystem::path& target);

// Whether `a` and `b` name the same existing file (same device and inode, so hard
// links and symlinks count); false when either does not exist.
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

// Checks `target` (check_output_target), then calls `write` with a temporary path
// beside the file it resolves to; when `write` returns normally the temporary file is
// renamed over it (keeping an existing file's permission bits), when it throws the
// temporary is removed and the exception goes on. Throws chronomap::Error naming the
// file on I/O failure.
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path& temporary)>& write);

// The same for output written over time (frames of an animation, drawn between a
// window's frames): the target is checked and the temporary name chosen on
// construction; commit() renames the temporary file over the target as
// write_atomically does; destruction without commit() removes the temporary file.
class AtomicOutput {
 public:
  explicit AtomicOutput(const std::filesystem::path& target);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  [[nodiscard]] const std::filesystem::path& temporary() const { return temporary_; }
  void commit();
  // Removes the temporary file now (what destruction does anyway).
  void abandon();

 private:
  std::filesystem::path target_, real_, temporary_;
  bool open_ = true;
};

// Writes `bytes` to `target` atomically.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

}  // namespace chronomap
