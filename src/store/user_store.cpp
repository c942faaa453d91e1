// First-run set-up of the user's store.
#include "store/user_store.hpp"

#include "core/paths.hpp"
#include "store/import.hpp"

namespace chronomap::store {

std::filesystem::path default_store_path() { return user_data_dir() / "events.db"; }

EventStore open_user_store(const std::filesystem::path& path) {
  const auto target = path.empty() ? default_store_path() : path;
  if (std::filesystem::exists(target)) return EventStore::open(target, EventStore::OpenMode::existing);
  auto store = EventStore::open(target, EventStore::OpenMode::create_if_missing);
  try {
    import_file(store, geodata_file("events.csv"));
    import_file(store, geodata_file("links.csv"));
  } catch (...) {
    // Only a store made a moment ago is removed; an existing file is never touched.
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(target.string() + suffix, ec);
    throw;
  }
  return store;
}

}  // namespace chronomap::store
