// `chronomap geocode NAME`: what the offline gazetteer makes of a place name.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "store/gazetteer.hpp"

namespace chronomap::cli {

int run_geocode(int argc, char** argv) {
  CLI::App app{"Look a place name up in the offline gazetteer (case and accents ignored).", "chronomap geocode"};
  std::string name, country;
  app.add_option("NAME", name, "a place name, in any of the gazetteer's languages")->required();
  app.add_option("--country", country, "only places of this country (a code or a name, any case: MLI, mali)");
  return run_guarded(app, argc, argv, [&] {
    if (!country.empty()) country = parse_country(country, "--country");
    const auto gazetteer = store::Gazetteer::load_shipped();
    const auto place = gazetteer.lookup(name, country);
    if (!place) {
      std::fprintf(stderr, "chronomap geocode: '%s': no match%s\n", name.c_str(),
                   country.empty() ? "" : (" in " + country).c_str());
      return 1;
    }
    std::printf("%s\t%s\t%.5f\t%.5f\t%lld\n", place->name.c_str(), place->country_a3.c_str(), place->lat, place->lon,
                static_cast<long long>(place->population));
    return 0;
  });
}

}  // namespace chronomap::cli
