// GeoTIFF through GDAL: created band-interleaved by pixel (the RGBA rows as they
// come), strips deflated with the horizontal predictor, closed before the rename.
#include "export/geotiff_writer.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <memory>
#include <string>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "geo/gdal_init.hpp"

namespace chronomap::exporting {
namespace {

struct CloseDataset {
  void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};

std::string last_gdal_error(const char* fallback) {
  const char* message = CPLGetLastErrorMsg();
  return message != nullptr && *message != '\0' ? message : fallback;
}

// "2025-08-14T10:20:30Z" (ISO 8601, as the writers' Creation Time) as TIFF's
// "2025:08:14 10:20:30"; nullopt for any other form.
std::optional<std::string> tiff_date_time(const std::string& iso) {
  if (iso.size() < 19 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T') return std::nullopt;
  std::string tiff = iso.substr(0, 19);
  tiff[4] = tiff[7] = ':';
  tiff[10] = ' ';
  return tiff;
}

void set_text(GDALDataset& dataset, const ImageText& t) {
  std::string key;
  if (t.keyword == "Title") {
    key = "TIFFTAG_DOCUMENTNAME";
  } else if (t.keyword == "Description") {
    key = "TIFFTAG_IMAGEDESCRIPTION";
  } else if (t.keyword == "Software") {
    key = "TIFFTAG_SOFTWARE";
  } else if (const auto tiff = tiff_date_time(t.text); t.keyword == "Creation Time" && tiff) {
    dataset.SetMetadataItem("TIFFTAG_DATETIME", tiff->c_str());
    return;
  } else {
    for (const char c : t.keyword) key += c == ' ' ? '_' : c;
  }
  dataset.SetMetadataItem(key.c_str(), t.text.c_str());
}

}  // namespace

Georeference georeference(const render::Camera& camera, int width, int height,
                          const geo::Projection& projection) {
  Georeference g;
  g.wkt = projection.wkt();
  if (g.wkt.empty()) {
    throw UsageError("projection '" + projection.spec() +
                     "' has no WKT definition: a GeoTIFF of it could not be placed (write a PNG or JPEG)");
  }
  const geo::Extent shown = camera.visible_extent(width, height);
  g.geotransform = {shown.min_x, camera.units_per_pixel_x, 0.0, shown.max_y, 0.0, -camera.units_per_pixel_y};
  return g;
}

void write_geotiff_rows(const std::filesystem::path& path, int width, int height,
                        const std::function<void(const RowSink&)>& produce, const Georeference& georeference,
                        std::optional<double> dpi, std::span<const ImageText> text) {
  if (width <= 0 || height <= 0) throw Error(path.string() + ": cannot write an empty image");
  geo::ensure_gdal_registered();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (driver == nullptr) throw Error(path.string() + ": GDAL has no GTiff driver");
  OGRSpatialReference crs;
  if (crs.importFromWkt(georeference.wkt.c_str()) != OGRERR_NONE)
    throw Error(path.string() + ": GDAL cannot read the map's CRS");
  crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);  // x east, y north, as the geotransform

  write_atomically(path, [&](const std::filesystem::path& temporary) {
    const geo::QuietGdalErrors quiet;
    const char* const options[] = {
        "COMPRESS=DEFLATE", "PREDICTOR=2", "PHOTOMETRIC=RGB", "ALPHA=YES", "INTERLEAVE=PIXEL",
        "BIGTIFF=IF_SAFER", nullptr};
    std::unique_ptr<GDALDataset, CloseDataset> dataset(
        driver->Create(temporary.c_str(), width, height, 4, GDT_Byte,
                       const_cast<char**>(options)));  // GDAL's API is not const
    if (!dataset) throw Error(path.string() + ": cannot write: " + last_gdal_error("GTiff refused the file"));
    auto geotransform = georeference.geotransform;
    if (dataset->SetSpatialRef(&crs) != CE_None || dataset->SetGeoTransform(geotransform.data()) != CE_None)
      throw Error(path.string() + ": cannot georeference: " + last_gdal_error("GTiff refused the CRS"));
    if (dpi && *dpi > 0) {
      const std::string resolution = std::to_string(*dpi);
      dataset->SetMetadataItem("TIFFTAG_XRESOLUTION", resolution.c_str());
      dataset->SetMetadataItem("TIFFTAG_YRESOLUTION", resolution.c_str());
      dataset->SetMetadataItem("TIFFTAG_RESOLUTIONUNIT", "2");  // inches
    }
    for (const auto& t : text) set_text(*dataset, t);
    int row = 0;
    pass_rows(path, height, produce, [&](const std::uint8_t* rows, int count, std::size_t stride) {
      // RasterIO writes; the buffer is only read.
      void* data = const_cast<std::uint8_t*>(rows);
      if (dataset->RasterIO(GF_Write, 0, row, width, count, data, width, count, GDT_Byte, 4, nullptr, 4,
                            static_cast<GSpacing>(stride), 1, nullptr) != CE_None)
        throw Error(path.string() + ": cannot write: " + last_gdal_error("GTiff failed"));
      row += count;
    });
    CPLErrorReset();
    dataset.reset();  // flushes and closes: a full disk shows here
    if (CPLGetLastErrorType() >= CE_Failure)
      throw Error(path.string() + ": cannot write: " + last_gdal_error("GTiff failed to close"));
  });
}

}  // namespace chronomap::exporting
