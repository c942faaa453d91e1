// `chronomap geocode NAME`: what a place name resolves to, from the store's own places
// (learned from imports and gazetteer files) first, then GeoNames; an ambiguous name
// lists its candidates.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "store/gazetteer.hpp"
#include "store/store_gazetteer.hpp"
#include "store/user_store.hpp"

namespace chronomap::cli {
namespace {

// NAME, COUNTRY, LAT, LON, POPULATION (GeoNames) or ROWS SEEN (store), SOURCE.
void print_candidate(const store::Candidate& c) {
  const bool from_store = c.source != "GeoNames";
  std::printf("%s\t%s\t%.5f\t%.5f\t%lld\t%s\n", c.name.c_str(), c.country.empty() ? "-" : c.country.c_str(), c.lat,
              c.lon, static_cast<long long>(from_store ? c.rows_seen : c.population), c.source.c_str());
}

}  // namespace

int run_geocode(int argc, char** argv) {
  CLI::App app{"Look a place name up (case and accents ignored): the store's own places, then GeoNames.",
               "chronomap geocode"};
  std::string name, country, data;
  app.add_option("NAME", name, "a place name, in any of the gazetteer's languages")->required();
  app.add_option("--country", country, "only places of this country (a code or a name, any case: MLI, mali)");
  app.add_option("--data", data, "event store whose places to ask first (default: the user's, when it exists)");
  return run_guarded(app, argc, argv, [&] {
    if (!country.empty()) country = parse_country(country, "--country");
    // A reading command: it never creates a store (the user's is asked only when it exists).
    std::optional<store::EventStore> event_store;
    if (!data.empty() || store::store_exists(store::default_store_path()))
      event_store.emplace(store::open_user_store(data, store::Access::read));
    std::optional<store::StoreGazetteer> places;
    if (event_store && store::StoreGazetteer::present(event_store->database())) places.emplace(event_store->database());
    std::optional<store::Gazetteer> geonames;
    store::Geocoder geocoder(places ? &*places : nullptr, [&]() -> const store::Gazetteer& {
      if (!geonames) geonames = store::Gazetteer::load_shipped();
      return *geonames;
    });
    const auto answer = geocoder.resolve(name, country);
    if (answer.ambiguous()) {
      for (const auto& c : answer.candidates) print_candidate(c);
      std::fprintf(stderr, "chronomap geocode: '%s' is ambiguous: %zu places in several countries; give --country\n",
                   name.c_str(), answer.candidates.size());
      return 1;
    }
    if (!answer.found()) {
      std::fprintf(stderr, "chronomap geocode: '%s': no match%s\n", name.c_str(),
                   country.empty() ? "" : (" in " + country).c_str());
      return 1;
    }
    print_candidate(answer.place());
    return 0;
  });
}

}  // namespace chronomap::cli
