// Migrations, oldest first. Never edit one that has shipped: add the next. Version 1
// held events, links and data sets with an R*Tree; version 2 adds actors and FTS5;
// version 3 the store's own gazetteer (places); version 4 replaces the R*Tree with a
// B-tree index on (lon, lat); version 5 the countries that take part in an event, and
// the country of each link endpoint; version 6 the name keys of actors and places;
// version 7 keys each distinct name once instead of each event's names.
#include "store/schema.hpp"

#include <array>
#include <string>

#include "core/error.hpp"
#include "store/involvement.hpp"
#include "store/name_keys.hpp"

namespace chronomap::store {
namespace {

constexpr const char* kVersion1 = R"sql(
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  format TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  row_count INTEGER NOT NULL DEFAULT 0);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  source_id TEXT,
  start_day INTEGER NOT NULL,
  end_day INTEGER,
  date_precision TEXT NOT NULL,
  category TEXT NOT NULL,
  sub_category TEXT,
  title TEXT NOT NULL,
  notes TEXT,
  actors TEXT,
  place TEXT,
  lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  geo_precision TEXT,
  country TEXT,
  fatalities INTEGER,
  source TEXT,
  url TEXT,
  dataset_id INTEGER REFERENCES datasets(id));
CREATE INDEX events_by_start ON events(start_day);
CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
CREATE TRIGGER events_rtree_insert AFTER INSERT ON events BEGIN
  INSERT INTO events_rtree VALUES (new.id, new.lon, new.lon, new.lat, new.lat);
END;
CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN
  DELETE FROM events_rtree WHERE id = old.id;
END;
CREATE TRIGGER events_rtree_update AFTER UPDATE OF lon, lat ON events BEGIN
  UPDATE events_rtree SET min_lon = new.lon, max_lon = new.lon, min_lat = new.lat,
    max_lat = new.lat WHERE id = new.id;
END;
CREATE TABLE links (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  source_id TEXT,
  from_type TEXT NOT NULL,
  from_name TEXT,
  from_lon REAL NOT NULL,
  from_lat REAL NOT NULL,
  to_type TEXT NOT NULL,
  to_name TEXT,
  to_lon REAL NOT NULL,
  to_lat REAL NOT NULL,
  kind TEXT NOT NULL,
  start_day INTEGER NOT NULL,
  end_day INTEGER,
  label TEXT,
  source TEXT,
  url TEXT,
  dataset_id INTEGER REFERENCES datasets(id));
)sql";

// FTS5 with diacritics folded, so "Keita" finds "Keïta"; external content keeps one
// copy of the texts. Actors get their own table for the GUI's actor filter.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE actors (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE event_actors (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actors(id),
  PRIMARY KEY (event_id, actor_id)) WITHOUT ROWID;
CREATE VIRTUAL TABLE events_fts USING fts5(title, notes, actors, place,
  content='events', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
  INSERT INTO events_fts(rowid, title, notes, actors, place)
    VALUES (new.id, new.title, new.notes, new.actors, new.place);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, title, notes, actors, place)
    VALUES ('delete', old.id, old.title, old.notes, old.actors, old.place);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF title, notes, actors, place ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, title, notes, actors, place)
    VALUES ('delete', old.id, old.title, old.notes, old.actors, old.place);
  INSERT INTO events_fts(rowid, title, notes, actors, place)
    VALUES (new.id, new.title, new.notes, new.actors, new.place);
END;
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
WITH RECURSIVE split(event_id, name, rest) AS (
  SELECT id, '', actors || ';' FROM events WHERE actors IS NOT NULL AND actors <> ''
  UNION ALL
  SELECT event_id, trim(substr(rest, 1, instr(rest, ';') - 1)), substr(rest, instr(rest, ';') + 1)
    FROM split WHERE rest <> '')
INSERT OR IGNORE INTO actors(name) SELECT DISTINCT name FROM split WHERE name <> '';
WITH RECURSIVE split(event_id, name, rest) AS (
  SELECT id, '', actors || ';' FROM events WHERE actors IS NOT NULL AND actors <> ''
  UNION ALL
  SELECT event_id, trim(substr(rest, 1, instr(rest, ';') - 1)), substr(rest, instr(rest, ';') + 1)
    FROM split WHERE rest <> '')
INSERT OR IGNORE INTO event_actors(event_id, actor_id)
  SELECT split.event_id, actors.id FROM split JOIN actors ON actors.name = split.name;
)sql";

// The store's own gazetteer: every place name an import saw with coordinates, and
// every place of a gazetteer file (`chronomap gazetteer import`). One row per
// distinct (folded name, country, admin1, point); `rows_seen` counts the rows that
// named it, `dataset_id` is the first file that taught it. Geocoding tries these
// before GeoNames. Self-contained: it only adds.
constexpr const char* kVersionPlaces = R"sql(
CREATE TABLE places (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT '',
  admin1 TEXT NOT NULL DEFAULT '',
  lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  dataset_id INTEGER REFERENCES datasets(id),
  rows_seen INTEGER NOT NULL DEFAULT 1 CHECK (rows_seen >= 1),
  UNIQUE (name_key, country, admin1, lon, lat));
)sql";

// Events are points, so a bounding-box query is two ranges, which a B-tree index on
// (lon, lat) answers: a range scan on lon with lat checked in the index before any
// row is read. Unlike the R*Tree it needs no trigger (no virtual-table savepoint per
// row), SQLite keeps it in step with the table by itself, and a bulk import can build
// it once from sorted keys. It also compares the stored doubles exactly, where the
// R*Tree held 32-bit floats rounded outwards.
constexpr const char* kVersionPosition = R"sql(
DROP TRIGGER IF EXISTS events_rtree_insert;
DROP TRIGGER IF EXISTS events_rtree_delete;
DROP TRIGGER IF EXISTS events_rtree_update;
DROP TABLE IF EXISTS events_rtree;
CREATE INDEX events_by_position ON events(lon, lat);
)sql";

// "Country" means where it happened or who took part: the 14 August 2025 meeting is in
// Moscow (RUS) and involves Mali, Burkina Faso and Niger. `involved` holds the others,
// ';'-joined ISO3; a link endpoint's country is its own code, or the country of its
// city. Stores made before fill both from what they hold (involvement_backfill).
constexpr const char* kVersionInvolved = R"sql(
ALTER TABLE events ADD COLUMN involved TEXT;
ALTER TABLE links ADD COLUMN from_country TEXT;
ALTER TABLE links ADD COLUMN to_country TEXT;
UPDATE links SET from_country = from_name WHERE from_type = 'country';
UPDATE links SET to_country = to_name WHERE to_type = 'country';
)sql";

// Other spellings: each event's actors and place (and the gazetteer's other names for
// the place) as name keys (store/name_keys.hpp), searched beside the texts so that
// "Belooussov" finds Belousov and Белоусов. The keys are computed by chronomap, not
// by SQL: the writer fills the table, and the migration fills it for older stores
// (index_name_keys); deleting an event deletes its keys. No column sizes: nothing
// ranks by them, and they would cost a row per event.
constexpr const char* kVersionNames = R"sql(
CREATE VIRTUAL TABLE event_names USING fts5(keys, columnsize=0, tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER event_names_delete AFTER DELETE ON events BEGIN
  DELETE FROM event_names WHERE rowid = old.id;
END;
)sql";

// The name keys of version 6 were one row per event, with its actors' and place's keys
// and a stored copy of them: at a million events a third of the import's time and
// 150 MB of the store, for a few thousand distinct names. Each distinct actor, and
// each distinct place of a country, is keyed once here instead; a search finds the
// names by their keys, then the events by those names in the text index (search.hpp).
// Filled by chronomap (index_all_names), as version 6's table was.
constexpr const char* kVersionNameIndex = R"sql(
DROP TRIGGER IF EXISTS event_names_delete;
DROP TABLE IF EXISTS event_names;
CREATE TABLE search_names (
  id INTEGER PRIMARY KEY,
  is_place INTEGER NOT NULL CHECK (is_place IN (0, 1)),
  name TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT '',
  keys TEXT NOT NULL,
  UNIQUE (is_place, name, country));
CREATE VIRTUAL TABLE search_names_fts USING fts5(keys, content='search_names', content_rowid='id', columnsize=0,
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER search_names_insert AFTER INSERT ON search_names BEGIN
  INSERT INTO search_names_fts(rowid, keys) VALUES (new.id, new.keys);
END;
CREATE TRIGGER search_names_delete AFTER DELETE ON search_names BEGIN
  INSERT INTO search_names_fts(search_names_fts, rowid, keys) VALUES ('delete', old.id, old.keys);
END;
)sql";

constexpr std::array kMigrations = {kVersion1,        kVersion2,        kVersionPlaces,   kVersionPosition,
                                    kVersionInvolved, kVersionNames,    kVersionNameIndex};
static_assert(kMigrations.size() == kSchemaVersion);

}  // namespace

void migrate(Database& db) {
  const auto version = db.query_int("PRAGMA user_version");
  if (version > kSchemaVersion)
    throw Error(db.path().string() + ": made by a newer chronomap (schema version " + std::to_string(version) +
                ", this one knows up to " + std::to_string(kSchemaVersion) + "); left untouched");
  if (version == kSchemaVersion) return;
  db.exec("BEGIN IMMEDIATE");
  try {
    for (auto v = version; v < kSchemaVersion; ++v) db.exec(kMigrations[static_cast<std::size_t>(v)]);
    if (version > 0 && version < 5) backfill_involvement(db);
    if (version > 0 && version < 7) index_all_names(db);
    // PRAGMAs take no bound parameters; these are compile-time constants.
    db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
    db.exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
    db.exec("COMMIT");
  } catch (...) {
    db.exec("ROLLBACK");
    throw;
  }
}

}  // namespace chronomap::store
