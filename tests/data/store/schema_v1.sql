-- A chronomap store as version 1 of the schema left it (no actors table, no FTS5),
-- with two events, for the migration test. Frozen: never edit.
PRAGMA application_id = 1128811856;
CREATE TABLE datasets (id INTEGER PRIMARY KEY, file_name TEXT NOT NULL, sha256 TEXT NOT NULL, format TEXT NOT NULL,
  imported_at TEXT NOT NULL, row_count INTEGER NOT NULL DEFAULT 0);
CREATE TABLE events (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, source_id TEXT, start_day INTEGER NOT NULL,
  end_day INTEGER, date_precision TEXT NOT NULL, category TEXT NOT NULL, sub_category TEXT, title TEXT NOT NULL,
  notes TEXT, actors TEXT, place TEXT, lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90), geo_precision TEXT, country TEXT, fatalities INTEGER,
  source TEXT, url TEXT, dataset_id INTEGER REFERENCES datasets(id));
CREATE INDEX events_by_start ON events(start_day);
CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
CREATE TRIGGER events_rtree_insert AFTER INSERT ON events BEGIN
  INSERT INTO events_rtree VALUES (new.id, new.lon, new.lon, new.lat, new.lat);
END;
CREATE TABLE links (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, source_id TEXT, from_type TEXT NOT NULL,
  from_name TEXT, from_lon REAL NOT NULL, from_lat REAL NOT NULL, to_type TEXT NOT NULL, to_name TEXT,
  to_lon REAL NOT NULL, to_lat REAL NOT NULL, kind TEXT NOT NULL, start_day INTEGER NOT NULL, end_day INTEGER,
  label TEXT, source TEXT, url TEXT, dataset_id INTEGER REFERENCES datasets(id));
INSERT INTO events (uid, start_day, date_precision, category, title, actors, place, lon, lat, country)
  VALUES ('id:old-1', 20314, 'day', 'meeting', 'Ministers meet in Moscow', 'Russia; Mali', 'Moscow', 37.6, 55.75, 'RUS'),
         ('id:old-2', 19616, 'day', 'agreement', 'Liptako-Gourma Charter signed', 'Mali;Niger', 'Bamako', -8.0, 12.6, 'MLI');
PRAGMA user_version = 1;
