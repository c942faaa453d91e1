// Atomic file replacement through a temporary file and rename(2), onto the file the
// target resolves to (output_target.cpp), so links stay links and devices are never
// replaced.
#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>

#include "core/error.hpp"

namespace chronomap {
namespace {
namespace fs = std::filesystem;

// Hidden, unique, in the same directory as the real target so rename() stays atomic.
// (Built with +=: GCC 12 warns falsely, -Wrestrict, on "literal" + std::string.)
fs::path temporary_beside(const fs::path& real) {
  std::random_device seed;
  std::string name(".");
  name += real.filename().string();
  name += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(seed() % 1000000u);
  return (real.has_parent_path() ? real.parent_path() : fs::path(".")) / name;
}

}  // namespace

AtomicOutput::AtomicOutput(const fs::path& target)
    : target_(target), real_(resolve_output_target(target)), temporary_(temporary_beside(real_)) {}

AtomicOutput::~AtomicOutput() { abandon(); }

void AtomicOutput::abandon() {
  if (!open_) return;
  open_ = false;
  std::error_code ec;
  fs::remove(temporary_, ec);
}

void AtomicOutput::commit() {
  if (!open_) throw Error(target_.string() + ": already written or abandoned");
  // The target may have changed while we wrote (another process, a slow render):
  // check again so a device or FIFO created meanwhile is still never replaced.
  if (resolve_output_target(target_) != real_) throw Error(target_.string() + ": changed while being written");
  struct stat old {};
  if (::stat(real_.c_str(), &old) == 0) ::chmod(temporary_.c_str(), old.st_mode & 07777);
  if (::rename(temporary_.c_str(), real_.c_str()) != 0) {
    const int code = errno;
    abandon();
    throw Error(target_.string() + ": cannot write: " + std::strerror(code));
  }
  open_ = false;
}

void write_atomically(const fs::path& target, const std::function<void(const fs::path&)>& write) {
  AtomicOutput output(target);
  write(output.temporary());
  output.commit();
}

void write_file_atomically(const fs::path& target, std::string_view bytes) {
  write_atomically(target, [&](const fs::path& temporary) {
    // POSIX calls rather than a stream: errno then says why a write failed.
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw Error(target.string() + ": cannot write: " + std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        const int code = n < 0 ? errno : EIO;
        ::close(fd);
        throw Error(target.string() + ": cannot write: " + std::strerror(code));
      }
      done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) throw Error(target.string() + ": cannot write: " + std::strerror(errno));
  });
}

}  // namespace chronomap
