// Writing stored events and links as a table, CSV (the columns of geodata/events.csv
// and links.csv) or GeoJSON, so that what `chronomap events` prints imports back.
#pragma once

#include <cstdio>
#include <vector>

#include "store/records.hpp"

namespace chronomap::cli {

enum class OutputFormat { table, csv, geojson };
OutputFormat parse_output_format(std::string_view name);  // throws UsageError

void write_events(std::FILE* out, const std::vector<store::EventRecord>& events, OutputFormat format);
void write_links(std::FILE* out, const std::vector<store::LinkRecord>& links, OutputFormat format);

}  // namespace chronomap::cli
