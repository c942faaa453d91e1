// The store the GUI and the command line open: the user's own (or one named with
// --data), filled with the default AES data set the first time it is created.
#pragma once

#include <filesystem>

#include "store/event_store.hpp"

namespace chronomap::store {

// $XDG_DATA_HOME/chronomap/events.db.
std::filesystem::path default_store_path();

// Opens `path` (the default store when empty); when the file did not exist, creates it
// and imports geodata/events.csv and links.csv in the same step. If that import
// fails, the half-made store is removed so the next run tries again.
EventStore open_user_store(const std::filesystem::path& path = {});

}  // namespace chronomap::store
