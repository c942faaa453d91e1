// The store the GUI and the command line open: the user's own (or one named with
// --data), filled with the default AES data set the first time it is created.
#pragma once

#include <filesystem>

#include <utility>

#include "store/event_store.hpp"
#include "store/import.hpp"

namespace chronomap::store {

// $XDG_DATA_HOME/chronomap/events.db.
std::filesystem::path default_store_path();

enum class Access { read, write };

// Whether `path` holds a store to open: a missing or empty (0-byte) file is a store
// not yet created.
bool store_exists(const std::filesystem::path& path);

// Opens `path` (the default store when empty), for reading (nothing written, works
// on a read-only store) or writing.
// - The default store is created on first use with the shipped AES data set.
// - A store named with --data that does not exist yet is created empty when opened
//   for writing, and refused ("no such event store") when opened for reading.
// A store is created whole: built beside the target, then renamed into place, under
// a lock, so that concurrent first runs build it once and all see the complete
// store, and a killed first run leaves no store at all.
EventStore open_user_store(const std::filesystem::path& path = {}, Access access = Access::write);

// Imports the shipped AES data set (geodata/events.csv and links.csv) into `store`;
// rows it holds already are left as they are. Returns the events' and links' results.
std::pair<ImportResult, ImportResult> import_demo(EventStore& store);

}  // namespace chronomap::store
