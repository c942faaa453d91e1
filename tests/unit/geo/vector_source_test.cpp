// Boundary loading: every bad input is an InputError that names the file and says
// why (never a crash), and good polygons keep their holes and parts.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "core/error.hpp"
#include "geo/hit_test.hpp"
#include "geo/vector_source.hpp"

namespace chronomap::geo {
namespace {

const std::string kData = std::string(CHRONOMAP_TEST_DATA) + "/boundaries/";
const std::string kShipped = std::string(CHRONOMAP_SOURCE_DIR) + "/geodata/boundaries.gpkg";

// The message of the InputError read_vector_layer throws, or a failure.
std::string input_error(const std::string& path, const std::string& layer = {}) {
  try {
    read_vector_layer(path, layer);
  } catch (const InputError& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << path << ": threw something other than InputError: " << e.what();
    return {};
  }
  ADD_FAILURE() << path << ": was read without an error";
  return {};
}

void expect_message(const std::string& message, const std::string& path, const std::string& reason) {
  EXPECT_NE(message.find(path), std::string::npos) << "the message does not name the file: " << message;
  EXPECT_NE(message.find(reason), std::string::npos) << "the message does not say '" << reason << "': " << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << "not one line: " << message;
}

// Each bad input and the reason its message must give.
struct BadInput {
  const char* file;
  const char* reason;
};

TEST(VectorSource, BadInputsAreInputErrorsNamingTheFile) {
  const BadInput cases[] = {
      {"no_such_file.gpkg", "no such file"},
      {"not_vector.txt", "cannot open as vector data"},
      {"truncated.geojson", "cannot open as vector data"},
      {"corrupt.gpkg", "cannot open as vector data"},
      {"empty.geojson", "has no features"},
  };
  for (const auto& bad : cases) {
    SCOPED_TRACE(bad.file);
    const std::string path = kData + bad.file;
    expect_message(input_error(path), path, bad.reason);
  }
}

TEST(VectorSource, DirectoryIsNotVectorData) {
  const auto dir = std::filesystem::temp_directory_path() / "chronomap_empty_dir_test";
  std::filesystem::create_directories(dir);
  expect_message(input_error(dir.string()), dir.string(), "not vector data");
  std::filesystem::remove(dir);
}

TEST(VectorSource, UnknownLayerListsTheLayersThereAre) {
  const std::string message = input_error(kShipped, "provinces");
  expect_message(message, kShipped, "no layer 'provinces'");
  EXPECT_NE(message.find("countries"), std::string::npos) << message;
  EXPECT_NE(message.find("admin1"), std::string::npos) << message;
}

TEST(VectorSource, ListsTheShippedLayers) {
  const auto layers = list_vector_layers(kShipped);
  EXPECT_NE(std::find(layers.begin(), layers.end(), "countries"), layers.end());
  EXPECT_NE(std::find(layers.begin(), layers.end(), "admin1"), layers.end());
  EXPECT_THROW(list_vector_layers(kData + "not_vector.txt"), InputError);
}

TEST(VectorSource, PolygonWithHoleAndMultiPolygon) {
  const VectorLayer layer = read_vector_layer(kData + "shapes.geojson");
  ASSERT_EQ(layer.features.size(), 2u);
  const Feature& donut = layer.features[0];
  EXPECT_EQ(donut.name, "Donut");
  EXPECT_EQ(donut.iso_a3, "DNT");
  ASSERT_EQ(donut.polygons.size(), 1u);
  ASSERT_EQ(donut.polygons[0].rings.size(), 2u) << "the hole was lost";
  EXPECT_EQ(donut.polygons[0].rings[0].size(), 5u);
  const Feature& islands = layer.features[1];
  ASSERT_EQ(islands.polygons.size(), 2u) << "a multipolygon keeps each part";
  EXPECT_EQ(islands.polygons[0].rings.size(), 1u);
  EXPECT_DOUBLE_EQ(layer.extent.min_x, 10);
  EXPECT_DOUBLE_EQ(layer.extent.max_x, 45);
  EXPECT_DOUBLE_EQ(layer.extent.min_y, -10);
  EXPECT_DOUBLE_EQ(layer.extent.max_y, 10);

  // What a hover in the GUI finds: the ring, not the hole; each island.
  EXPECT_TRUE(polygon_contains(donut.polygons[0], {12, 0}));
  EXPECT_FALSE(polygon_contains(donut.polygons[0], {20, 0}));
  EXPECT_EQ(feature_at(layer, {20, 0}), nullptr);
  EXPECT_EQ(feature_at(layer, {40, 5}), &islands);
  EXPECT_EQ(feature_at(layer, {40, 0}), nullptr);
}

TEST(VectorSource, ShippedBoundariesHoldTheFocusCountriesAndMoscow) {
  const VectorLayer countries = read_vector_layer(kShipped, "countries");
  int focus = 0;
  for (const auto& f : countries.features) {
    if (f.focus) {
      ++focus;
      EXPECT_TRUE(f.iso_a3 == "MLI" || f.iso_a3 == "BFA" || f.iso_a3 == "NER") << f.iso_a3;
    }
  }
  EXPECT_EQ(focus, 3);
  const Feature* at_bamako = feature_at(countries, {-8.0029, 12.6392});
  ASSERT_NE(at_bamako, nullptr);
  EXPECT_EQ(at_bamako->iso_a3, "MLI");
  const Feature* at_niamey = feature_at(countries, {2.1098, 13.5137});
  ASSERT_NE(at_niamey, nullptr);
  EXPECT_EQ(at_niamey->iso_a3, "NER");

  const VectorLayer admin1 = read_vector_layer(kShipped, "admin1");
  EXPECT_NE(feature_at(admin1, {37.6173, 55.7558}), nullptr) << "Moscow's centre is outside its polygon";
  EXPECT_EQ(feature_at(admin1, {30.3, 59.9}), nullptr) << "Saint Petersburg is not Moscow";
}

}  // namespace
}  // namespace chronomap::geo
