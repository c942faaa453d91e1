// The store's schema as a numbered list of migrations: a new store runs them all, an
// older one runs those it lacks, in one transaction, so a store is always at a version
// some chronomap wrote.
#pragma once

#include <cstdint>

#include "store/sqlite.hpp"

namespace chronomap::store {

// Written in the SQLite header (PRAGMA application_id) so a chronomap store is known
// before a single page is read: "CHMP".
inline constexpr std::int32_t kApplicationId = 0x43484d50;
inline constexpr int kSchemaVersion = 7;

// Brings `db` from its user_version up to kSchemaVersion. Throws Error when the file
// comes from a newer chronomap.
void migrate(Database& db);

}  // namespace chronomap::store
