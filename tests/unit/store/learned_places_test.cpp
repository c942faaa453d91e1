// The store's own gazetteer: places learned from imported rows and from gazetteer
// files, asked before GeoNames; hints and ambiguity. Files in tests/data/gazetteer.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "store/gazetteer_import.hpp"
#include "store/store_gazetteer.hpp"
#include "unit/store/store_fixture.hpp"

namespace chronomap::store {
namespace {

class LearnedPlaces : public StoreFixture {
 protected:
  static std::filesystem::path file(const std::string& name) { return data("gazetteer/" + name); }

  std::int64_t places(EventStore& store) { return store.database().query_int("SELECT count(*) FROM places"); }

  EventRecord event(EventStore& store, const std::string& source_id) {
    for (const auto& e : store.query({}))
      if (e.source_id == source_id) return e;
    ADD_FAILURE() << "no event " << source_id;
    return {};
  }

  Geocode resolve(EventStore& store, std::string_view name, std::string_view country = {},
                  std::string_view admin1 = {}) {
    StoreGazetteer own(store.database());
    Geocoder geocoder(&own, [this]() -> const Gazetteer& { return *options().gazetteer; });
    return geocoder.resolve(name, country, admin1);
  }
};

// Rows with a place and coordinates teach; a later file naming the same places
// without coordinates lands on them, the row's country kept as a hint.
TEST_F(LearnedPlaces, RoundTrip) {
  auto store = open_store();
  const auto taught = import_file(store, file("learn_with_coordinates.csv"), options());
  EXPECT_EQ(taught.inserted, 8);
  // Six places: BONI is Boni seen again; "Hombori region" has a region's coordinates.
  EXPECT_EQ(taught.places_learned, 6);
  EXPECT_EQ(places(store), 6);
  EXPECT_EQ(store.database().query_int("SELECT rows_seen FROM places WHERE name_key = 'boni'"), 2);
  EXPECT_EQ(store.database().query_int("SELECT count(*) FROM places WHERE name_key = 'hombori region'"), 0);
  EXPECT_EQ(store.database().query_int(
                "SELECT count(*) FROM places p JOIN datasets d ON d.id = p.dataset_id "
                "WHERE d.file_name = 'learn_with_coordinates.csv' AND p.admin1 = 'Mopti' AND p.country = 'MLI'"),
            2);

  const auto used = import_file(store, file("learn_without_coordinates.csv"), options());
  EXPECT_EQ(used.inserted, 6);
  EXPECT_EQ(used.places_learned, 0);  // geocoded rows teach nothing
  struct Expected {
    const char* id;
    double lat, lon;
  };
  for (const auto& x : {Expected{"gz-11", 15.0667, -1.8}, Expected{"gz-12", 15.2833, -1.7},
                        Expected{"gz-13", 15.8167, -1.3}, Expected{"gz-14", 15.2167, -0.3},
                        Expected{"gz-15", 19.4614, 0.8589}, Expected{"gz-16", 13.12, -6.44}}) {
    SCOPED_TRACE(x.id);
    const auto e = event(store, x.id);
    EXPECT_DOUBLE_EQ(e.lat, x.lat);
    EXPECT_DOUBLE_EQ(e.lon, x.lon);
    EXPECT_EQ(e.country, "MLI");  // given, or the learned place's
    EXPECT_EQ(e.geo_precision, "geocoded");
  }

  // Importing the first file again adds nothing, and counts no row twice.
  const auto again = import_file(store, file("learn_with_coordinates.csv"), options());
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(store.database().query_int("SELECT rows_seen FROM places WHERE name_key = 'boni'"), 2);
}

// "Toula" in Mali must not become Tula, Russia: the row's country is a hint, and a
// name in several countries with no hint is an error listing the candidates.
TEST_F(LearnedPlaces, CountryHintAndAmbiguity) {
  const auto& shipped = *options().gazetteer;
  EXPECT_FALSE(shipped.resolve("Toula", "MLI").found());
  EXPECT_FALSE(shipped.lookup("Toula", "MLI").has_value());
  auto store = open_store();
  try {
    import_file(store, file("toula_mali.csv"), options());
    FAIL() << "imported";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("field 'place': 'Toula' is not in the gazetteer for MLI"), std::string::npos)
        << e.what();
  }

  const auto g = Gazetteer::load(file("toula_gazetteer.csv"));
  const auto none = g.resolve("Toula");
  ASSERT_TRUE(none.ambiguous());
  ASSERT_EQ(none.candidates.size(), 2u);  // own names beat Tula's exonym
  EXPECT_EQ(none.ambiguity("Toula"),
            "'Toula' is ambiguous: Toula (MLI, 13.12,-6.44), Toula (BFA, 12.70,-0.60); give the country or lat/lon");
  EXPECT_FALSE(g.lookup("Toula").has_value());
  const auto mali = g.resolve("Toula", "MLI");
  ASSERT_TRUE(mali.found());
  EXPECT_EQ(mali.place().country, "MLI");
  EXPECT_DOUBLE_EQ(mali.place().lat, 13.12);
  ASSERT_TRUE(g.resolve("Toula", "RUS").found());
  EXPECT_EQ(g.resolve("Toula", "RUS").place().name, "Tula");
  // A capital wins over a namesake elsewhere; namesakes in one country are not ambiguous.
  ASSERT_TRUE(g.resolve("Bamako").found());
  EXPECT_EQ(g.resolve("Bamako").place().country, "MLI");
  ASSERT_TRUE(g.resolve("Kouri").found());
  EXPECT_DOUBLE_EQ(g.resolve("Kouri").place().lat, 12.10);

  // The shipped gazetteer: Koro is a place in Mali and one in Côte d'Ivoire.
  try {
    import_file(store, file("koro_no_country.csv"), options());
    FAIL() << "imported";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("field 'place': 'Koro' is ambiguous: Koro ("), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("give the country or lat/lon"), std::string::npos) << e.what();
  }
  EXPECT_EQ(store.event_count(), 0);
}

// A gazetteer file of points and a polygon; geocoding answers from it first.
TEST_F(LearnedPlaces, GazetteerImportThenGeocode) {
  auto store = open_store();
  const auto result = import_gazetteer(store, file("places.geojson"));
  EXPECT_EQ(result.features, 5);
  EXPECT_EQ(result.added, 4);
  EXPECT_EQ(result.unnamed, 1);
  EXPECT_EQ(result.name_field, "name");
  EXPECT_EQ(result.country_field, "country");

  const auto crescent = resolve(store, "gourma crescent");
  ASSERT_TRUE(crescent.found());
  EXPECT_EQ(crescent.place().source, "store: places.geojson");
  EXPECT_EQ(crescent.place().country, "MLI");
  // A point inside the C-shaped polygon, not its centroid (-0.82, 16.0), which lies in the gap.
  const auto& p = crescent.place();
  const bool in_gap = p.lon < -0.4 && p.lat > 15.4 && p.lat < 16.6;
  EXPECT_FALSE(in_gap) << p.lon << "," << p.lat;
  EXPECT_TRUE(p.lon >= -2 && p.lon <= 0 && p.lat >= 15 && p.lat <= 17) << p.lon << "," << p.lat;

  ASSERT_TRUE(resolve(store, "Boni", "MLI", "mopti").found());
  EXPECT_EQ(resolve(store, "Boni", "MLI").place().admin1, "Mopti");
  // The store's Toula (Burkina Faso) answers before GeoNames' Tula...
  ASSERT_TRUE(resolve(store, "Toula").found());
  EXPECT_EQ(resolve(store, "Toula").place().country, "BFA");
  // ...but not for Mali, and GeoNames has no Toula there either.
  EXPECT_EQ(resolve(store, "Toula", "MLI").outcome, Geocode::Outcome::unknown);
  // GeoNames answers what the store doesn't know.
  ASSERT_TRUE(resolve(store, "Tombouctou").found());
  EXPECT_EQ(resolve(store, "Tombouctou").place().source, "GeoNames");

  // An event import then lands on the file's places.
  import_file(store, file("learn_without_coordinates.csv"), options(/*skip_invalid=*/true));
  EXPECT_DOUBLE_EQ(event(store, "gz-13").lat, 15.8167);

  EXPECT_TRUE(import_gazetteer(store, file("places.geojson")).already_imported);
  EXPECT_EQ(places(store), 4);

  // A CSV of names and lat/lon, the name field given.
  GazetteerImportOptions named;
  named.name_field = "label";
  named.country = "MLI";
  const auto csv = import_gazetteer(store, file("settlements.csv"), named);
  EXPECT_EQ(csv.added, 2);
  ASSERT_TRUE(resolve(store, "Hombori", "MLI").found());
  EXPECT_DOUBLE_EQ(resolve(store, "Hombori", "MLI").place().lat, 15.2833);
}

TEST_F(LearnedPlaces, GazetteerWithoutNameField) {
  auto store = open_store();
  try {
    import_gazetteer(store, file("no_name_field.geojson"));
    FAIL() << "imported";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no name field (fields: label, iso3); give --name-field"), std::string::npos)
        << e.what();
  }
}

// A refused import, of events or of a gazetteer, teaches nothing.
// Places are written sorted by their key, but keep the order they were learned in:
// with equal counts of rows, the first learned comes first.
TEST_F(LearnedPlaces, EqualCountsKeepTheOrderLearned) {
  auto store = open_store();
  auto& db = store.database();
  WriteTransaction transaction(db);
  StoreGazetteer own(db);
  own.learn("Zarmaganda", "NER", "", 3.5, 14.0, 0);  // east of the next: sorts after it
  own.learn("Zarmaganda", "NER", "", 1.5, 14.0, 0);
  own.learn("Abala", "NER", "", 3.2, 14.9, 0);
  EXPECT_EQ(own.flush().added, 3);
  transaction.commit();
  const auto found = own.resolve("Zarmaganda", "NER");
  ASSERT_EQ(found.candidates.size(), 2u);
  EXPECT_EQ(found.candidates[0].lon, 3.5);
  EXPECT_EQ(found.candidates[1].lon, 1.5);
  EXPECT_EQ(db.query_int("SELECT id FROM places WHERE name = 'Abala'"), 3);
}

TEST_F(LearnedPlaces, RefusedImportTeachesNothing) {
  auto store = open_store();
  EXPECT_THROW(import_file(store, file("refused_after_learning.csv"), options()), InputError);
  EXPECT_EQ(places(store), 0);
  EXPECT_FALSE(resolve(store, "Boni", "MLI").found());

  EXPECT_THROW(import_gazetteer(store, file("bad_country.geojson")), InputError);
  EXPECT_EQ(places(store), 0);
  EXPECT_EQ(store.database().query_int("SELECT count(*) FROM datasets"), 0);

  // --skip-invalid keeps the good row, and learns from it alone.
  const auto kept = import_file(store, file("refused_after_learning.csv"), options(/*skip_invalid=*/true));
  EXPECT_EQ(kept.inserted, 1);
  EXPECT_EQ(places(store), 1);
  EXPECT_TRUE(resolve(store, "Boni", "MLI").found());
  EXPECT_FALSE(resolve(store, "Gossi", "MLI").found());
}

}  // namespace
}  // namespace chronomap::store
