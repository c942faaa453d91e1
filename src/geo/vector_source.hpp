// Reading any OGR vector source (GeoPackage, GeoJSON, TopoJSON, Shapefile, KML, GMT,
// FlatGeobuf...) into plain lon/lat features.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "geo/types.hpp"

namespace chronomap::geo {

struct Feature {
  std::string name;    // from a name/NAME/admin/name_en field when there is one
  std::string iso_a3;  // from iso_a3/ISO_A3/adm0_a3 when there is one
  bool focus = false;  // from an integer `focus` field
  std::vector<Polygon> polygons;              // areas, in lon/lat (WGS 84)
  std::vector<std::vector<LonLat>> lines;     // line strings, in lon/lat
  std::vector<LonLat> points;                 // points, in lon/lat
  std::map<std::string, std::string> fields;  // every attribute, as text
};

struct VectorLayer {
  std::string source;  // the path it was read from
  std::string name;    // the layer's name
  std::vector<Feature> features;
  Extent extent;       // lon/lat extent of every coordinate read
};

// Reads one layer of a vector source, reprojected to lon/lat WGS 84 when the source
// has another CRS. `layer` empty means the first layer. Throws InputError with the
// path and the reason: missing file, not vector data, truncated or corrupt, no such
// layer (listing the ones there are), a layer with no features.
VectorLayer read_vector_layer(const std::string& path, const std::string& layer = {});

// The names of the layers of a vector source (same errors as above).
std::vector<std::string> list_vector_layers(const std::string& path);

}  // namespace chronomap::geo
