// The store the GUI and the command line open: the user's own (or one named with
// --data), filled with the default AES data set the first time it is created.
#pragma once

#include <filesystem>

#include "store/event_store.hpp"

namespace chronomap::store {

// $XDG_DATA_HOME/chronomap/events.db.
std::filesystem::path default_store_path();

enum class Access { read, write };

// Opens `path` (the default store when empty), for reading (nothing written, works
// on a read-only store) or writing. A store that does not exist yet, or is an empty
// file (a first run killed before SQLite wrote a byte), is first created whole: built
// beside the target with the AES data set, then renamed into place, under a lock so
// that concurrent first runs build it once and all see the complete store. A killed
// first run leaves no store at all, and the next run starts over.
EventStore open_user_store(const std::filesystem::path& path = {}, Access access = Access::write);

}  // namespace chronomap::store
