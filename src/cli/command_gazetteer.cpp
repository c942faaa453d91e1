// `chronomap gazetteer import FILE`: a user's gazetteer (settlements, admin
// boundaries: any OGR source with a name and a point or polygon) into the store's own
// places, which `geocode` and every import ask before GeoNames.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "store/gazetteer_import.hpp"
#include "store/user_store.hpp"

namespace chronomap::cli {
namespace {

int run_gazetteer_import(int argc, char** argv) {
  CLI::App app{"Add a gazetteer file (points, or polygons by a point inside each) to the store's own places.",
               "chronomap gazetteer import"};
  std::string file, data, name_field, country;
  app.add_option("FILE", file, "GeoJSON, GeoPackage, Shapefile, FlatGeobuf, KML, CSV with lat/lon...")->required();
  app.add_option("--data", data, "event store (default: the user's); a new one starts empty");
  app.add_option("--name-field", name_field, "the field holding the place names (default: name, shapeName, ...)");
  app.add_option("--country", country, "the country of every place (a code or a name, any case: MLI, mali)");
  return run_guarded(app, argc, argv, [&] {
    store::GazetteerImportOptions options;
    options.name_field = name_field;
    if (!country.empty()) options.country = parse_country(country, "--country");
    const auto store_path = data.empty() ? store::default_store_path() : std::filesystem::path(data);
    CreatedStore created{store_path, !data.empty() && !store::store_exists(store_path)};
    auto store = store::open_user_store(data);
    const auto result = store::import_gazetteer(store, file, options);
    created.armed = false;
    if (result.already_imported) {
      std::printf("%s: already imported; nothing added\n", file.c_str());
      return 0;
    }
    std::printf("%s: %lld places added to the store's gazetteer, %lld known already, %lld features skipped "
                "(no name or no point); names from '%s'%s%s\n",
                file.c_str(), static_cast<long long>(result.added), static_cast<long long>(result.seen_again),
                static_cast<long long>(result.unnamed), result.name_field.c_str(),
                result.country_field.empty() ? "" : ", countries from '",
                result.country_field.empty() ? "" : (result.country_field + "'").c_str());
    return 0;
  });
}

}  // namespace

int run_gazetteer(int argc, char** argv) {
  const std::string_view action = argc > 1 ? argv[1] : "";
  if (action == "import") return run_gazetteer_import(argc - 1, argv + 1);
  if (action == "--help" || action == "-h" || action == "help") {
    std::printf("Usage: chronomap gazetteer import FILE [--data DB] [--name-field F] [--country C]\n"
                "  adds the named places of FILE to the store's own gazetteer; `chronomap geocode` and\n"
                "  every import look names up there before GeoNames (see chronomap gazetteer import --help)\n");
    return 0;
  }
  std::fprintf(stderr, "chronomap gazetteer: %s (usage: chronomap gazetteer import FILE ...)\n",
               action.empty() ? "what to do? 'import' is the one action" : ("unknown action '" + std::string(action) + "'").c_str());
  return 2;
}

}  // namespace chronomap::cli
