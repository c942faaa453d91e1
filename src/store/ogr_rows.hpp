// Rows from an OGR source (GeoJSON, GeoPackage, Shapefile, XLSX...): each feature's
// fields copied into a Row as text (numbers in their shortest exact form, dates as
// ISO days, booleans as true/false) and its geometry as one WGS 84 point, checked
// to lie on the Earth after the transformation.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "geo/types.hpp"
#include "store/row.hpp"

namespace chronomap::store {

// The point that stands for a WKT geometry: the point itself, a point on the surface
// of an area (inside it, unlike a centroid), the centroid of a line; `representative`
// is set when it is not a point. The reason on failure.
std::variant<geo::LonLat, std::string> point_of_wkt(std::string_view wkt, bool& representative);

class OgrRows {
 public:
  // Opens `path` with the safe drivers (only `drivers` when given); throws InputError
  // naming the file when it can't be read or has no layer.
  OgrRows(const std::filesystem::path& path, const char* const* drivers = nullptr);
  ~OgrRows();
  OgrRows(const OgrRows&) = delete;
  OgrRows& operator=(const OgrRows&) = delete;

  [[nodiscard]] const std::vector<std::string>& columns() const { return columns_; }
  [[nodiscard]] bool has_geometry() const { return has_geometry_; }
  // The next feature into `row`; false at the end. A geometry that is not a point on
  // the Earth leaves row.point empty and says why in geometry_error().
  bool next(Row& row);
  [[nodiscard]] std::int64_t feature() const { return index_; }
  [[nodiscard]] const std::string& geometry_error() const { return geometry_error_; }
  // Throws InputError when the driver reported a failure while reading (a truncated
  // file is found only at its end).
  void check_read_errors() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string name_;
  std::vector<std::string> columns_;
  bool has_geometry_ = false;
  std::int64_t index_ = 0;
  std::string geometry_error_;
};

}  // namespace chronomap::store
