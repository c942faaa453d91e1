// Reads the default data set's events.csv and links.csv through GDAL's CSV driver.
#include "export/time_source.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "geo/gdal_init.hpp"

namespace chronomap::exporting {
namespace {

struct Closer {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};

template <typename Row>
void for_each_row(const std::filesystem::path& path, Row row) {
  geo::ensure_gdal_registered();
  const char* options[] = {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=YES", nullptr};
  std::unique_ptr<GDALDataset, Closer> dataset(GDALDataset::Open(
      path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options, nullptr));
  if (!dataset) throw InputError(path.string() + ": cannot read: " + CPLGetLastErrorMsg());
  OGRLayer* layer = dataset->GetLayer(0);
  int line = 1;
  for (auto& feature : *layer) {
    ++line;
    row(*feature, line);
  }
}

DayNumber day(const OGRFeature& f, const char* field, const std::filesystem::path& path, int line, DayNumber open) {
  const int i = f.GetFieldIndex(field);
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return open;
  const auto date = parse_date(f.GetFieldAsString(i));
  if (!date) {
    throw InputError(path.string() + ":" + std::to_string(line) + ": field '" + field + "': '" +
                     f.GetFieldAsString(i) + "' is not a date that exists");
  }
  return to_day_number(*date);
}

double number(const OGRFeature& f, const char* field) {
  const int i = f.GetFieldIndex(field);
  return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsDouble(i) : 0.0;
}

std::string text(const OGRFeature& f, const char* field) {
  const int i = f.GetFieldIndex(field);
  return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

}  // namespace

TimeData load_time_data(const std::string& data) {
  const std::filesystem::path dir = data.empty() ? geodata_dir() : std::filesystem::path(data);
  TimeData out;
  for_each_row(dir / "events.csv", [&](const OGRFeature& f, int line) {
    const DayNumber start = day(f, "date", dir / "events.csv", line, 0);
    const DayNumber end = day(f, "end_date", dir / "events.csv", line, start);
    out.events.add({number(f, "lon"), number(f, "lat")}, start, end, render::category_index(text(f, "category")),
                   static_cast<float>(number(f, "fatalities")));
  });
  for_each_row(dir / "links.csv", [&](const OGRFeature& f, int line) {
    render::Link link;
    link.from = {number(f, "from_lon"), number(f, "from_lat")};
    link.to = {number(f, "to_lon"), number(f, "to_lat")};
    link.start = day(f, "start", dir / "links.csv", line, render::kOpenStart);
    link.end = day(f, "end", dir / "links.csv", line, render::kOpenEnd);
    link.kind = render::link_kind_index(text(f, "kind"));
    link.label = text(f, "label");
    out.links.push_back(std::move(link));
  });
  return out;
}

}  // namespace chronomap::exporting
