// First-run set-up of the user's store: atomic (build beside, then rename) and
// race-safe (an flock(2) on a lock file beside the store).
#include "store/user_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "store/import.hpp"

namespace chronomap::store {
namespace {

namespace fs = std::filesystem;

}  // namespace

// SQLite itself treats an empty file as an empty database.
bool store_exists(const fs::path& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) return false;
  return !fs::is_regular_file(status) || fs::file_size(path, ec) > 0;
}

namespace {

class FileLock {
 public:
  explicit FileLock(const fs::path& path) : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ < 0) throw Error(path.parent_path().string() + ": cannot create the store here: " + std::strerror(errno));
    while (::flock(fd_, LOCK_EX) != 0) {
      if (errno != EINTR) throw Error(path.string() + ": cannot lock: " + std::strerror(errno));
    }
  }
  ~FileLock() { ::close(fd_); }  // closing releases the lock
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

void sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void remove_with_journals(const fs::path& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix, ec);
}

void create_store(const fs::path& target, bool with_demo) {
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::string hidden(".");  // (+= rather than "." + ...: GCC 12 warns falsely, -Wrestrict)
  hidden += target.filename().string();
  FileLock lock(dir / (hidden + ".lock"));
  if (store_exists(target)) return;  // another process made it while this one waited

  // Only the lock holder makes temporaries, so any found now are from killed runs.
  const std::string prefix = hidden + ".new-";
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().filename().string().rfind(prefix, 0) == 0) fs::remove(entry.path(), ec);

  const fs::path temporary = dir / (prefix + std::to_string(::getpid()));
  try {
    {
      auto store = EventStore::open(temporary, EventStore::OpenMode::create_if_missing);
      if (with_demo) import_demo(store);
      // Everything into the one file, so the rename moves the whole store.
      store.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
      store.database().exec("PRAGMA journal_mode = DELETE");
    }
    sync_path(temporary, O_RDONLY);
    remove_with_journals(target);  // an empty file and whatever a killed run left beside it
    fs::rename(temporary, target);
    sync_path(dir, O_RDONLY | O_DIRECTORY);
  } catch (...) {
    remove_with_journals(temporary);
    throw;
  }
}

}  // namespace

fs::path default_store_path() { return user_data_dir() / "events.db"; }

std::pair<ImportResult, ImportResult> import_demo(EventStore& store) {
  return {import_file(store, geodata_file("events.csv")), import_file(store, geodata_file("links.csv"))};
}

EventStore open_user_store(const fs::path& path, Access access) {
  const auto target = path.empty() ? default_store_path() : path;
  if (!store_exists(target)) {
    if (!path.empty() && access == Access::read)
      throw InputError(target.string() +
                       ": no such event store (import a file into it first, or 'chronomap import --demo --data " +
                       target.string() + "' for the AES data set)");
    create_store(target, path.empty());
  }
  return EventStore::open(target,
                          access == Access::read ? EventStore::OpenMode::read_only : EventStore::OpenMode::existing);
}

}  // namespace chronomap::store
