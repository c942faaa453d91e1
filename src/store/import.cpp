// The import: read the file (our own CSV reader for text, OGR for the rest),
// recognise its layout, check every row, and write them all in one transaction, or
// nothing.
#include "store/import.hpp"

#include <sys/stat.h>

#include <optional>

#include "core/error.hpp"
#include "geo/gdal_init.hpp"
#include "store/countries.hpp"
#include "store/csv_reader.hpp"
#include "store/event_writer.hpp"
#include "store/gazetteer.hpp"
#include "store/ogr_rows.hpp"
#include "store/read_ahead.hpp"
#include "store/source_dates.hpp"
#include "store/row_mapping.hpp"
#include "store/store_gazetteer.hpp"
#include "store/text.hpp"

namespace chronomap::store {
namespace {

namespace fs = std::filesystem;

std::string lower_extension(const fs::path& file) {
  std::string ext = file.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext;
}

ImportFormat guess_format(const fs::path& file, bool regular) {
  const auto ext = lower_extension(file);
  if (!regular || ext == ".csv" || ext == ".tsv" || ext == ".txt") return ImportFormat::csv;
  if (ext == ".geojson" || ext == ".json") return ImportFormat::geojson;
  return ImportFormat::ogr;
}

const char* format_name(ImportFormat f) {
  switch (f) {
    case ImportFormat::acled: return "acled";
    case ImportFormat::csv: return "csv";
    case ImportFormat::geojson: return "geojson";
    case ImportFormat::ogr: return "ogr";
    case ImportFormat::automatic: break;
  }
  return "auto";
}

// A row teaches the store's places when it names a place and gives that place's own
// coordinates: not a geocoded row (those came from a gazetteer), nor one whose
// coordinates stand for a larger area (ACLED's geo_precision 3, UCDP's admin units,
// GDELT's country or state centroids), nor a line or area's representative point.
bool teaches(const EventRecord& e, bool representative) {
  static constexpr std::string_view kAreas[] = {"geocoded", "region", "country", "admin1", "admin2", "water"};
  if (e.place.empty() || representative) return false;
  for (auto area : kAreas)
    if (e.geo_precision == area) return false;
  return true;
}

bool same_inode(const fs::path& a, const fs::path& b) {
  struct stat sa {}, sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

// Either reader behind one interface: the columns, the next row, where it came from.
class Source {
 public:
  Source(const fs::path& file, bool csv, ImportFormat format, bool regular) : regular_(regular) {
    static const char* const kJsonDrivers[] = {"GeoJSON", "GeoJSONSeq", nullptr};
    if (csv) csv_.emplace(file, lower_extension(file) == ".tsv" ? '\t' : 0);
    else ogr_.emplace(file, format == ImportFormat::geojson ? kJsonDrivers : nullptr);
  }
  const std::vector<std::string>& columns() const { return csv_ ? csv_->header() : ogr_->columns(); }
  void replay_header() {
    if (csv_) csv_->replay_header();
  }
  bool has_geometry() const { return ogr_ && ogr_->has_geometry(); }
  // A CSV file is read on a second thread from here on (store/read_ahead.hpp); call
  // once the header is settled. Not a pipe: a thread blocked reading it could only be
  // stopped by its writer, so an import that gives up would wait for more input.
  void start_reading() {
    if (csv_ && regular_) ahead_.emplace(*csv_);
  }
  bool next(Row& row) { return ahead_ ? ahead_->next(row) : csv_ ? csv_->next(row) : ogr_->next(row); }
  std::int64_t bytes_read() const { return ahead_ ? ahead_->bytes_read() : csv_ ? csv_->bytes_read() : 0; }
  // The current row's line (CSV) or feature number; texts made from it only when
  // a row is rejected or previewed, not for every row.
  std::int64_t position() const { return ahead_ ? ahead_->line() : csv_ ? csv_->line() : ogr_->feature(); }
  // "FILE:12" for a CSV line, "FILE: feature 3" for a feature.
  std::string where(const std::string& name, std::int64_t at) const {
    return csv_ ? name + ":" + std::to_string(at) : name + ": feature " + std::to_string(at);
  }
  std::string short_where(std::int64_t at) const { return csv_ ? std::to_string(at) : "feature " + std::to_string(at); }
  std::string header_where(const std::string& name) const {
    return csv_ ? name + ":" + std::to_string(csv_->header_line()) : name;
  }
  std::optional<RowError> geometry_error() const {
    if (!ogr_ || ogr_->geometry_error().empty()) return std::nullopt;
    return RowError{"geometry", ogr_->geometry_error()};
  }
  // After the last row: read errors (OGR), and the fingerprint of what was read.
  std::string finish(const fs::path& file) {
    ahead_.reset();
    if (ogr_) {
      ogr_->check_read_errors();
      return sha256_file_hex(file);
    }
    return csv_->sha256_hex();
  }

 private:
  std::optional<CsvReader> csv_;
  std::optional<OgrRows> ogr_;
  std::optional<CsvReadAhead> ahead_;  // after csv_: stopped before it is closed
  bool regular_;
};

}  // namespace

ImportFormat parse_import_format(std::string_view name) {
  if (name == "auto") return ImportFormat::automatic;
  if (name == "acled") return ImportFormat::acled;
  if (name == "csv") return ImportFormat::csv;
  if (name == "geojson") return ImportFormat::geojson;
  if (name == "ogr") return ImportFormat::ogr;
  throw UsageError("--format: '" + std::string(name) + "' is not auto, acled, csv, geojson or ogr");
}

ImportResult import_file(EventStore& store, const fs::path& file, const ImportOptions& options) {
  const std::string name = file.string();
  geo::check_local_path(name);
  std::error_code ec;
  const auto status = fs::status(file, ec);
  if (!fs::exists(status)) throw InputError(name + ": no such file");
  const bool regular = fs::is_regular_file(status);
  if (fs::is_directory(status) && lower_extension(file) != ".gdb") throw InputError(name + ": is a directory");
  if (regular && fs::file_size(file, ec) == 0) throw InputError(name + ": is empty");
  if (same_inode(file, store.path())) throw InputError(name + ": is the event store itself, not a file to import");

  ImportFormat format = options.format == ImportFormat::automatic ? guess_format(file, regular) : options.format;
  const bool is_csv = format == ImportFormat::csv || format == ImportFormat::acled;
  if (!is_csv && !regular && !fs::is_directory(status))
    throw InputError(name + ": not a regular file; only CSV can be read from a pipe");
  Source source(file, is_csv, format, regular);
  auto columns = source.columns();
  for (const auto& column : columns)
    if (!is_valid_utf8(column)) throw InputError(source.header_where(name) + ": the header is not valid UTF-8");
  if (columns.empty()) throw InputError(name + ": no columns");
  const bool links = LinkMapping::recognises(columns);

  std::optional<Gazetteer> own_gazetteer;
  std::optional<Countries> own_countries;
  Lookups lookups{[&]() -> const Gazetteer& {
                    if (options.gazetteer) return *options.gazetteer;
                    if (!own_gazetteer) own_gazetteer = Gazetteer::load_shipped();
                    return *own_gazetteer;
                  },
                  [&]() -> const Countries& {
                    if (options.countries) return *options.countries;
                    if (!own_countries) own_countries = Countries::load_shipped();
                    return *own_countries;
                  },
                  {},
                  {}};

  std::optional<EventMapping> event_mapping;
  std::optional<LinkMapping> link_mapping;
  ImportResult result;
  if (links) {
    link_mapping.emplace(columns, name);
  } else {
    EventLayout layout = recognise_event_layout(columns, source.has_geometry());
    if (layout.header_is_data) {  // the first row was data: columns are numbered, and it is read again
      source.replay_header();
      for (std::size_t i = 0; i < columns.size(); ++i)
        columns[i] = i < layout.column_names.size() ? layout.column_names[i] : "column " + std::to_string(i + 1);
    }
    if (!options.column_map.empty()) apply_column_map(layout, options.column_map, columns);
    if (!options.date_format.empty()) {
      check_date_format(options.date_format);
      layout.date_format = options.date_format;
    }
    if (layout.name == "csv" || layout.name == "ogr") layout.name = format_name(format);  // generic: as read
    event_mapping.emplace(std::move(layout), columns, source.has_geometry(), name);
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      std::string names;
      for (int c : event_mapping->layout().columns[f]) names += (names.empty() ? "" : " + ") + columns[static_cast<std::size_t>(c)];
      if (!names.empty()) result.understood.emplace_back(std::string(kFieldNames[f]), names);
    }
  }
  result.kind = links ? "links" : "events";
  result.format = links ? format_name(format) : event_mapping->layout().name;
  if (!links && event_mapping->layout().countries == CountryCodes::fips) {
    lookups.fips = [&](std::string_view code) { return lookups.countries().iso3_from_fips(code); };
  }
  auto& db = store.database();
  std::optional<BulkJournal> journal;
  if (!links && options.defer_indexes && !options.dry_run) journal.emplace(db);
  WriteTransaction transaction(db);
  EventWriter writer(db);
  if (!links && options.defer_indexes)
    writer.defer_indexes(regular ? static_cast<std::int64_t>(fs::file_size(file, ec)) : 0, options.cache_kib);
  const auto dataset_id = writer.add_dataset({0, file.filename().string(), "", result.format, "", 0});
  // The store's own places answer before GeoNames, and learn from this file's rows.
  StoreGazetteer places(db);
  Geocoder geocoder(&places, lookups.gazetteer);
  lookups.geocode = [&](std::string_view place, std::string_view country, std::string_view admin1) {
    return geocoder.resolve(place, country, admin1);
  };
  // ACLED's monadic files give one row per actor of an event, one after another: the
  // rows of one id are gathered into one event carrying every actor, written when the
  // next event starts. A row of an id this import wrote before (out of order) joins the
  // stored event's actors.
  const bool merge = !links && event_mapping->layout().merge_same_id;
  struct Pending {
    EventRecord event;
    std::string uid;
    std::int64_t position = 0;
    bool representative = false;
    std::string admin1;
  };
  std::optional<Pending> pending;

  const auto reject = [&](const RowError& error, std::int64_t at) {
    std::string reason = "field '" + error.field + "': " + error.reason;
    if (!options.skip_invalid && !options.dry_run) throw InputError(source.where(name, at) + ": " + reason);
    result.rejected.push_back({source.short_where(at), std::move(reason)});
  };
  const auto count = [&](Written written) {
    ++(written == Written::inserted  ? result.inserted
       : written == Written::updated ? result.updated
                                     : result.already_stored);
  };
  const auto store_event = [&](Pending& p) {
    try {
      if (merge) {
        if (auto earlier = writer.actors_written_by(p.uid, dataset_id)) {
          p.event.actors = normalise_actors(*earlier + ";" + p.event.actors);
          for (const auto& iso3 : lookups.countries().named_in(*earlier)) add_involved(p.event, iso3);
          writer.insert(p.event, p.uid);
          ++result.merged;
          return;
        }
      }
      const auto written = writer.insert(p.event, p.uid);
      count(written);
      result.representative += p.representative;
      if (written != Written::unchanged && teaches(p.event, p.representative))
        places.learn(p.event.place, p.event.country, p.admin1, p.event.lon, p.event.lat, dataset_id);
    } catch (const Error& e) {
      reject(RowError{"row", std::string("cannot be stored: ") + e.what()}, p.position);
    }
  };

  Row row;
  EventRecord event;
  LinkRecord link;
  source.start_reading();
  while (source.next(row)) {
    ++result.rows;
    if (options.progress && result.rows % 1024 == 0) options.progress(result.rows, source.bytes_read());
    std::optional<RowError> error;
    for (std::size_t i = 0; i < columns.size() && !error; ++i) {
      if (auto text = row.value(static_cast<int>(i)); text && !is_valid_utf8(*text))
        error = RowError{columns[i], "not valid UTF-8"};
    }
    if (!error) error = source.geometry_error();
    bool representative = false;
    if (!error) error = links ? link_mapping->map(row, lookups, link) : event_mapping->map(row, lookups, event, representative);
    if (error && error->unplaced && event_mapping && event_mapping->layout().skip_unplaced) {
      ++result.unplaced;
      continue;
    }
    if (options.dry_run && result.preview.size() < options.dry_run_rows) {
      PreviewRow preview{source.short_where(source.position()), {}, {}, {}};
      if (error) preview.error = "field '" + error->field + "': " + error->reason;
      else if (links) preview.link = link;
      else preview.event = event;
      result.preview.push_back(std::move(preview));
    }
    if (error) {
      reject(*error, source.position());
      continue;
    }
    if (links) {
      link.dataset_id = dataset_id;
      try {
        count(writer.insert(link, link_uid(link)));
      } catch (const Error& e) {
        reject(RowError{"row", std::string("cannot be stored: ") + e.what()}, source.position());
      }
      continue;
    }
    event.dataset_id = dataset_id;
    auto uid = event_mapping->uid(event);
    if (merge && pending && !event.source_id.empty() && pending->uid == uid) {
      pending->event.actors = normalise_actors(pending->event.actors + ";" + event.actors);
      for (std::size_t at = 0; at + 3 <= event.involved.size(); at += 4)
        add_involved(pending->event, std::string_view(event.involved).substr(at, 3));
      ++result.merged;
      continue;
    }
    Pending next{std::move(event), std::move(uid), source.position(), representative,
                 std::string(event_mapping->admin1(row))};
    if (pending) store_event(*pending);
    if (merge) pending = std::move(next);
    else store_event(next);
  }
  if (pending) store_event(*pending);
  const auto sha256 = source.finish(file);
  if (result.rows == 0) throw InputError(name + ": no rows (a header only?)");
  if (options.dry_run) return result;
  if (result.inserted + result.updated + result.already_stored + result.merged == 0) {
    if (result.unplaced > 0 && result.rejected.empty())
      throw InputError(name + ": none of its " + std::to_string(result.rows) + " rows has a location");
    return result;  // all rejected: nothing written
  }
  result.places_learned = places.flush().added;
  writer.finish_indexes();
  writer.finish_dataset(dataset_id, sha256, result.inserted + result.updated);
  transaction.commit();
  result.committed = true;
  return result;
}

}  // namespace chronomap::store
