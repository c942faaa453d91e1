// Link endpoints' countries and the schema-5 backfill.
#include "store/involvement.hpp"

#include <limits>
#include <vector>

#include "store/countries.hpp"

namespace chronomap::store {

std::string endpoint_country(std::string_view type, std::string_view name, double lon, double lat,
                             const Geocode& candidates) {
  if (type == "country") return std::string(name);
  if (type != "city" || candidates.candidates.empty()) return {};
  const Candidate* nearest = nullptr;
  double best = std::numeric_limits<double>::infinity();
  for (const auto& c : candidates.candidates) {
    const double km = distance_km(lat, lon, c.lat, c.lon);
    if (km < best) best = km, nearest = &c;
  }
  return nearest != nullptr && best <= kEndpointKm ? nearest->country : std::string();
}

void backfill_involvement(Database& db) {
  struct Update {
    std::int64_t id;
    std::string value;
  };
  if (db.query_int("SELECT EXISTS (SELECT 1 FROM events WHERE actors IS NOT NULL AND actors <> '')") != 0) {
    const Countries countries = Countries::load_shipped();
    std::vector<Update> updates;
    auto rows = db.prepare("SELECT id, coalesce(country, ''), actors FROM events WHERE actors IS NOT NULL AND actors <> ''");
    while (rows.step()) {
      const std::string_view own = rows.column_text(1);
      std::string involved;
      for (const auto& iso3 : countries.named_in(rows.column_text(2))) {
        if (iso3 == own) continue;
        if (!involved.empty()) involved += ';';
        involved += iso3;
      }
      if (!involved.empty()) updates.push_back({rows.column_int(0), std::move(involved)});
    }
    auto write = db.prepare("UPDATE events SET involved = ? WHERE id = ?");
    for (const auto& u : updates) {
      write.bind(1, std::string_view(u.value)).bind(2, u.id);
      write.run();
    }
  }
  if (db.query_int("SELECT EXISTS (SELECT 1 FROM links WHERE from_type = 'city' OR to_type = 'city')") != 0) {
    const Gazetteer gazetteer = Gazetteer::load_shipped();
    for (const char* end : {"from", "to"}) {
      const std::string e = end;
      auto rows = db.prepare("SELECT id, " + e + "_name, " + e + "_lon, " + e + "_lat FROM links WHERE " + e +
                             "_type = 'city'");
      std::vector<Update> updates;
      while (rows.step()) {
        const std::string_view name = rows.column_text(1);
        std::string country = endpoint_country("city", name, rows.column_double(2), rows.column_double(3),
                                               gazetteer.resolve(name));
        if (!country.empty()) updates.push_back({rows.column_int(0), std::move(country)});
      }
      auto write = db.prepare("UPDATE links SET " + e + "_country = ? WHERE id = ?");
      for (const auto& u : updates) {
        write.bind(1, std::string_view(u.value)).bind(2, u.id);
        write.run();
      }
    }
  }
}

}  // namespace chronomap::store
