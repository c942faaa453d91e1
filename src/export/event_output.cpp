// CSV quoting (RFC 4180), JSON string escaping, and numbers in their shortest exact
// form so coordinates survive an export and re-import bit for bit.
#include "export/event_output.hpp"

#include <charconv>
#include <string>

#include "core/error.hpp"

namespace chronomap::exporting {
namespace {

std::string number(double v) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return ec == std::errc() ? std::string(buffer, end) : std::string("0");
}

bool is_number(std::string_view s) {
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

std::string csv_field(std::string_view s, bool safe) {
  const bool formula = safe && !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos &&
                       !is_number(s);
  if (!formula && s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  if (formula) out += '\'';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + '"';
}

std::string day(const std::optional<DayNumber>& d) { return d ? format_iso(*d) : std::string(); }

void write_row(std::FILE* out, const std::vector<std::string>& fields, bool safe) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += csv_field(fields[i], safe);
  }
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), out);
}

void write_properties(std::FILE* out, const std::vector<std::string>& names, const std::vector<std::string>& values) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) text += ", ";
    text += json_string(names[i]) + ": " + json_string(values[i]);
  }
  std::fputs(text.c_str(), out);
}

const std::vector<std::string> kEventColumns = {"id",    "date",   "end_date", "date_precision", "category",
                                                "sub_category", "title", "notes", "actors", "place",
                                                "country", "lat",  "lon", "geo_precision", "fatalities",
                                                "source", "url", "involved_countries"};

std::vector<std::string> event_fields(const store::EventRecord& e) {
  return {e.source_id, format_iso(e.start_day), day(e.end_day), e.date_precision, e.category, e.sub_category,
          e.title, e.notes, e.actors, e.place, e.country, number(e.lat), number(e.lon), e.geo_precision,
          e.fatalities ? std::to_string(*e.fatalities) : std::string(), e.source, e.url, e.involved};
}

const std::vector<std::string> kLinkColumns = {"id", "from_type", "from", "from_lon", "from_lat", "to_type", "to", "to_lon",
                                               "to_lat", "kind", "start", "end", "label", "source", "url",
                                               "from_country", "to_country"};

std::vector<std::string> link_fields(const store::LinkRecord& l) {
  return {l.source_id, l.from_type, l.from, number(l.from_lon), number(l.from_lat), l.to_type, l.to,
          number(l.to_lon), number(l.to_lat), l.kind, format_iso(l.start_day), day(l.end_day), l.label, l.source,
          l.url, l.from_country, l.to_country};
}

// The length of the UTF-8 sequence at `s[i]` when it is a C1 control (U+0080..U+009F)
// or a bidirectional control (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069);
// 0 otherwise.
std::size_t bidi_or_c1(std::string_view s, std::size_t i, unsigned& code) {
  const auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  if (byte(0) == 0xC2 && byte(1) >= 0x80 && byte(1) <= 0x9F) {
    code = byte(1);
    return 2;
  }
  if (byte(0) == 0xD8 && byte(1) == 0x9C) {
    code = 0x061C;
    return 2;
  }
  if (byte(0) == 0xE2 && (byte(1) == 0x80 || byte(1) == 0x81)) {
    code = 0x2000u + ((byte(1) & 0x3Fu) << 6) + (byte(2) & 0x3Fu);
    if (code == 0x200E || code == 0x200F || (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069))
      return 3;
  }
  return 0;
}

}  // namespace

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    char escaped[12];
    unsigned code = 0;
    if (c < 0x20 || c == 0x7F) {
      std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
      out += escaped;
      ++i;
    } else if (const auto n = bidi_or_c1(s, i, code); n > 0) {
      std::snprintf(escaped, sizeof escaped, "\\u%04x", code);
      out += escaped;
      i += n;
    } else {
      out += s[i++];
    }
  }
  return out;
}

OutputFormat parse_output_format(std::string_view name) {
  if (name == "table") return OutputFormat::table;
  if (name == "csv") return OutputFormat::csv;
  if (name == "geojson") return OutputFormat::geojson;
  throw UsageError("--format: '" + std::string(name) + "' is not table, csv or geojson");
}

EventWriter::EventWriter(std::FILE* out, const OutputOptions& options) : out_(out), options_(options) {
  if (options_.format == OutputFormat::csv) write_row(out_, kEventColumns, false);
  if (options_.format == OutputFormat::geojson) std::fputs("{\"type\": \"FeatureCollection\", \"features\": [\n", out_);
}

void EventWriter::add(const store::EventRecord& e) {
  if (options_.format == OutputFormat::table) {
    // An event known to its month reads "2025-08", not as if it were on the 1st.
    const auto precision = parse_precision(e.date_precision).value_or(DatePrecision::day);
    const std::string dates = e.end_day ? format_iso(e.start_day) + ".." + format_iso(*e.end_day)
                                        : format_with_precision(e.start_day, precision);
    std::fprintf(out_, "%-22s %-11s %-4s %-22s %s\n", dates.c_str(), terminal_safe(e.category).c_str(),
                 terminal_safe(e.country).c_str(), terminal_safe(e.place).c_str(), terminal_safe(e.title).c_str());
  } else if (options_.format == OutputFormat::csv) {
    write_row(out_, event_fields(e), options_.csv_safe);
  } else {
    std::fprintf(out_, "%s{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [%s, %s]}, "
                       "\"properties\": {", count_ ? ",\n" : "", number(e.lon).c_str(), number(e.lat).c_str());
    write_properties(out_, kEventColumns, event_fields(e));
    std::fputs("}}", out_);
  }
  ++count_;
}

void EventWriter::finish() {
  if (options_.format == OutputFormat::table) std::fprintf(out_, "%zu event(s)\n", count_);
  if (options_.format == OutputFormat::geojson) std::fputs("\n]}\n", out_);
}

void write_events(std::FILE* out, const std::vector<store::EventRecord>& events, const OutputOptions& options) {
  EventWriter writer(out, options);
  for (const auto& e : events) writer.add(e);
  writer.finish();
}

void write_links(std::FILE* out, const std::vector<store::LinkRecord>& links, const OutputOptions& options) {
  const auto format = options.format;
  if (format == OutputFormat::table) {
    for (const auto& l : links) {
      const std::string dates = format_iso(l.start_day) + ".." + (l.end_day ? format_iso(*l.end_day) : "");
      std::fprintf(out, "%-22s %-20s %s -> %s  %s\n", dates.c_str(), terminal_safe(l.kind).c_str(),
                   terminal_safe(l.from).c_str(), terminal_safe(l.to).c_str(), terminal_safe(l.label).c_str());
    }
    std::fprintf(out, "%zu link(s)\n", links.size());
  } else if (format == OutputFormat::csv) {
    write_row(out, kLinkColumns, false);
    for (const auto& l : links) write_row(out, link_fields(l), options.csv_safe);
  } else {
    std::fputs("{\"type\": \"FeatureCollection\", \"features\": [\n", out);
    for (std::size_t i = 0; i < links.size(); ++i) {
      const auto& l = links[i];
      std::fprintf(out, "%s{\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": "
                        "[[%s, %s], [%s, %s]]}, \"properties\": {", i ? ",\n" : "", number(l.from_lon).c_str(),
                   number(l.from_lat).c_str(), number(l.to_lon).c_str(), number(l.to_lat).c_str());
      write_properties(out, kLinkColumns, link_fields(l));
      std::fputs("}}", out);
    }
    std::fputs("\n]}\n", out);
  }
}

}  // namespace chronomap::exporting
