// What an output path may be: the checks write_atomically makes before it writes, and
// which commands make up front, before work they would otherwise throw away.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace chronomap {
namespace {
namespace fs = std::filesystem;

// Linux gives up after 40 links (ELOOP); so do we, for the same reason.
constexpr int kMaxSymlinkHops = 40;

std::string errno_text(int code) { return std::strerror(code); }

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a plain file";
}

// "out.png" or "out.png (a link to /real/out.png)": the user sees the name they gave
// and, when it differs, the file that would really be written.
std::string describe(const fs::path& target, const fs::path& real) {
  if (real == target) return "'" + target.string() + "'";
  return "'" + target.string() + "' (a link to '" + real.string() + "')";
}

}  // namespace

fs::path resolve_output_target(const fs::path& target) {
  fs::path real = target;
  struct stat st {};
  for (int hops = 0;; ++hops) {
    if (::lstat(real.c_str(), &st) != 0) {
      const int code = errno;
      if (code != ENOENT) throw Error(target.string() + ": cannot write: " + errno_text(code));
      const fs::path dir = real.has_parent_path() ? real.parent_path() : fs::path(".");
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) {
        throw Error(target.string() + ": cannot write: directory '" + dir.string() + "' does not exist");
      }
      if (::access(dir.c_str(), W_OK | X_OK) != 0) {
        throw Error(target.string() + ": cannot write in directory '" + dir.string() + "': " + errno_text(errno));
      }
      return real;
    }
    if (!S_ISLNK(st.st_mode)) break;
    if (hops == kMaxSymlinkHops) throw Error(target.string() + ": cannot write: " + errno_text(ELOOP));
    std::error_code ec;
    const fs::path next = fs::read_symlink(real, ec);
    if (ec) throw Error(target.string() + ": cannot write: " + ec.message());
    // A relative link is relative to the directory holding the link.
    real = next.is_absolute() ? next : real.parent_path() / next;
  }
  if (!S_ISREG(st.st_mode)) {
    throw UsageError(describe(target, real) + " is " + kind_of(st.st_mode) +
                     ", not a regular file; chronomap writes outputs only as regular files");
  }
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0) {
    throw UsageError(describe(target, real) + " is read-only; make it writable or choose another name");
  }
  if (::access(real.c_str(), W_OK) != 0) {
    throw Error(target.string() + ": cannot write: " + errno_text(errno));
  }
  return real;
}

void check_output_target(const fs::path& target) { (void)resolve_output_target(target); }

bool same_file(const fs::path& a, const fs::path& b) {
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace chronomap
