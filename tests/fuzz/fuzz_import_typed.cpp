// libFuzzer target for the OGR import path with typed values: the fuzz input, a small
// line language, becomes a GeoJSON FeatureCollection whose properties are JSON numbers
// (huge, negative, fractional, exponents), booleans, nulls, strings that look like dates
// or numbers, arrays and objects, with point, empty, null or odd geometries. The file is
// imported into a fresh store, and then:
//   - the import stored rows or threw chronomap::Error, and a throw stored nothing;
//   - the store holds exactly the rows the import says it inserted;
//   - every stored event and link endpoint is finite and within -180..180, -90..90;
//   - a lat or lon (from_lon, from_lat, to_lon, to_lat in a links file) written as an
//     in-range JSON number comes back exactly, in the row it was written in. A view
//     kept into OGR's GetFieldAsString buffer once stored lat = lon.
//
// Input (seeds in corpus/import_typed/):
//   first line   flags: 'S' imports with --skip-invalid; 'M' declares the layer in
//                EPSG:3857 (a "crs" member); other bytes are ignored
//   each line    one feature: fields separated by '|', each KEY=VALUE or @GEOMETRY;
//                every feature gets "id":"#<n>" unless it sets id itself
//   VALUE        n<text>  a JSON number: <text> bent into JSON's number grammar
//                r<text>  <text> verbatim (1e400, NaN, 0x10: what the parser makes of it)
//                s<text>  a JSON string            t f z  true, false, null
//                [v,v]    an array                 {k:v,k:v}  an object
//   GEOMETRY     p<x>,<y>[,<z>]  a point      l<x>,<y>,...  a line string
//                e  an empty point   n  null   c  an empty collection   r<text> verbatim
#include <unistd.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "store/countries.hpp"
#include "store/event_store.hpp"
#include "store/gazetteer.hpp"
#include "store/import.hpp"

namespace {

namespace fs = std::filesystem;
using chronomap::store::EventStore;

constexpr int kMaxDepth = 6;

// The GeoJSON of the input being run, shown with a failure.
std::string current_geojson;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_import_typed: %s\nin this GeoJSON:\n%s", what.c_str(), current_geojson.c_str());
  std::abort();
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", u);
      out += escape;
    } else {
      out += c;  // bytes >= 0x80 as they are: invalid UTF-8 is input too
    }
  }
  out += '"';
}

// The longest prefix of `text` shaped like a JSON number, made valid: "-007.5e+3x" is
// "-7.5e+3", "" is "0", ".5" is "0.5".
std::string json_number(std::string_view text) {
  std::size_t i = 0;
  std::string out;
  auto digits = [&] {
    std::string d;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') d += text[i++];
    return d;
  };
  if (i < text.size() && text[i] == '-') out += text[i++];
  std::string whole = digits();
  const auto first = whole.find_first_not_of('0');
  whole = first == std::string::npos ? "0" : whole.substr(first);
  out += whole;
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (const auto fraction = digits(); !fraction.empty()) out += "." + fraction;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    std::string sign;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) sign = text[i++];
    if (const auto exponent = digits(); !exponent.empty()) out += "e" + sign + exponent;
  }
  return out;
}

// What a top-level property was written as: the exact checks need its kind and, for a
// number, the double any correct JSON reader makes of it.
struct Written {
  char kind = 'z';
  double number = 0;
};

// Reads one VALUE from `in` and appends its JSON to `out`. Text ends at '|' (the line
// is already cut at '|'), and inside an array or object also at ',', ']' and '}'.
Written parse_value(std::string_view& in, int depth, std::string& out) {
  auto take_text = [&] {
    std::size_t end = 0;
    while (end < in.size() && (depth == 0 || (in[end] != ',' && in[end] != ']' && in[end] != '}'))) ++end;
    const auto text = in.substr(0, end);
    in.remove_prefix(end);
    return text;
  };
  if (in.empty()) {
    out += "null";
    return {};
  }
  const char kind = in.front();
  in.remove_prefix(1);
  switch (kind) {
    case 'n': {
      const auto number = json_number(take_text());
      out += number;
      return {'n', std::strtod(number.c_str(), nullptr)};
    }
    case 'r': out += take_text(); return {'r'};
    case 's': append_json_string(out, take_text()); return {'s'};
    case 't': out += "true"; return {'t'};
    case 'f': out += "false"; return {'f'};
    case '[':
    case '{': {
      if (depth >= kMaxDepth) {
        out += "null";
        return {};
      }
      const bool object = kind == '{';
      const char close = object ? '}' : ']';
      out += kind;
      for (bool first = true; !in.empty() && in.front() != close; first = false) {
        if (!first) {
          if (in.front() != ',') break;
          in.remove_prefix(1);
          out += ',';
        }
        if (object) {
          const auto colon = in.find_first_of(":,}");
          append_json_string(out, in.substr(0, colon));
          in.remove_prefix(colon == std::string_view::npos ? in.size() : colon);
          if (!in.empty() && in.front() == ':') in.remove_prefix(1);
          out += ':';
        }
        parse_value(in, depth + 1, out);
      }
      if (!in.empty() && in.front() == close) in.remove_prefix(1);
      out += close;
      return {object ? 'o' : 'a'};
    }
    default: out += "null"; return {};
  }
}

std::string geometry_json(std::string_view spec) {
  if (spec.empty()) return "null";
  const char kind = spec.front();
  spec.remove_prefix(1);
  std::string numbers;
  for (bool first = true; !spec.empty() || first; first = false) {
    const auto comma = spec.find(',');
    if (!first) numbers += ',';
    numbers += json_number(spec.substr(0, comma));
    spec.remove_prefix(comma == std::string_view::npos ? spec.size() : comma + 1);
  }
  switch (kind) {
    case 'p': return R"({"type":"Point","coordinates":[)" + numbers + "]}";
    case 'e': return R"({"type":"Point","coordinates":[]})";
    case 'c': return R"({"type":"GeometryCollection","geometries":[]})";
    case 'l': {
      // Pairs of the numbers; an odd one out stays on its own.
      std::string line = R"({"type":"LineString","coordinates":[)";
      std::string_view rest = numbers;
      for (bool first = true; !rest.empty(); first = false) {
        std::size_t cut = rest.find(',');
        if (cut != std::string_view::npos) cut = rest.find(',', cut + 1);
        if (!first) line += ',';
        line += "[" + std::string(rest.substr(0, cut)) + "]";
        rest.remove_prefix(cut == std::string_view::npos ? rest.size() : cut + 1);
      }
      return line + "]}";
    }
    default: return "null";
  }
}

// One feature as written: its properties' JSON (last one of a name wins, as in the
// JSON reader) and what each top-level value was.
struct Feature {
  std::string id;  // "#<n>", or empty when the line set its own id
  std::vector<std::pair<std::string, std::string>> properties;
  std::map<std::string, Written> written;
  std::string geometry = "null";
};

struct Document {
  bool skip_invalid = false;
  bool mercator = false;
  bool only_known_names = true;  // no column another name could be taken for
  std::vector<Feature> features;
};

bool known_name(std::string_view name) {
  for (std::string_view known : {"id", "date", "end_date", "lat", "lon", "fatalities", "title", "category", "country",
                                 "place", "from", "from_type", "to", "to_type", "from_lon", "from_lat", "to_lon", "to_lat", "kind", "start",
                                 "end", "verified"})
    if (name == known) return true;
  return false;
}

Document decode(std::string_view input) {
  Document doc;
  auto next_line = [&] {
    const auto end = input.find('\n');
    const auto line = input.substr(0, end);
    input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
    return line;
  };
  const auto flags = next_line();
  doc.skip_invalid = flags.find('S') != std::string_view::npos;
  doc.mercator = flags.find('M') != std::string_view::npos;
  while (!input.empty()) {
    std::string_view line = next_line();
    Feature feature;
    feature.id = "#" + std::to_string(doc.features.size());
    while (true) {
      const auto bar = line.find('|');
      std::string_view field = line.substr(0, bar);
      line.remove_prefix(bar == std::string_view::npos ? line.size() : bar + 1);
      if (!field.empty() && field.front() == '@') {
        feature.geometry = field.size() > 1 && field[1] == 'r' ? std::string(field.substr(2))
                                                                : geometry_json(field.substr(1));
      } else if (const auto equals = field.find('='); equals != std::string_view::npos) {
        const std::string name(field.substr(0, equals));
        std::string_view value = field.substr(equals + 1);
        std::string json;
        const auto written = parse_value(value, 0, json);
        if (name == "id") feature.id.clear();
        if (!known_name(name)) doc.only_known_names = false;
        feature.written[name] = written;
        bool replaced = false;
        for (auto& [key, text] : feature.properties)
          if (key == name) text = json, replaced = true;
        if (!replaced) feature.properties.emplace_back(name, std::move(json));
      }
      if (bar == std::string_view::npos) break;
    }
    doc.features.push_back(std::move(feature));
  }
  return doc;
}

std::string geojson(const Document& doc) {
  std::string out = R"({"type":"FeatureCollection",)";
  if (doc.mercator) out += R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},)";
  out += "\"features\":[\n";
  for (std::size_t i = 0; i < doc.features.size(); ++i) {
    const auto& f = doc.features[i];
    out += R"({"type":"Feature","geometry":)" + f.geometry + R"(,"properties":{)";
    bool first = true;
    if (!f.id.empty()) {
      out += R"("id":)";
      append_json_string(out, f.id);
      first = false;
    }
    for (const auto& [key, json] : f.properties) {
      if (!first) out += ',';
      first = false;
      append_json_string(out, key);
      out += ':' + json;
    }
    out += i + 1 < doc.features.size() ? "}},\n" : "}}\n";
  }
  return out + "]}\n";
}

// The number a coordinate property was written as, when it is one within `limit`.
std::optional<double> written_coordinate(const Feature& f, const std::string& name, double limit) {
  const auto it = f.written.find(name);
  if (it == f.written.end() || it->second.kind != 'n') return std::nullopt;
  const double v = it->second.number;
  if (!std::isfinite(v) || std::fabs(v) > limit) return std::nullopt;
  return v;
}

void check_point(const char* what, const std::string& id, double lon, double lat) {
  if (!std::isfinite(lon) || !std::isfinite(lat) || std::fabs(lon) > 180 || std::fabs(lat) > 90) {
    char text[128];
    std::snprintf(text, sizeof text, "%s '%s' stored at lon %.17g, lat %.17g", what, id.c_str(), lon, lat);
    fail(text);
  }
}

void check_exact(const Feature& f, const char* name, double limit, double stored) {
  if (const auto expected = written_coordinate(f, name, limit); expected && *expected != stored) {
    char text[160];
    std::snprintf(text, sizeof text, "feature '%s': %s written as %.17g, stored as %.17g", f.id.c_str(), name,
                  *expected, stored);
    fail(text);
  }
}

struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("chronomap-fuzz-typed-" + std::to_string(::getpid()));
  fs::path empty_store = dir / "empty.db";
  chronomap::store::Gazetteer gazetteer = chronomap::store::Gazetteer::load_shipped();
  chronomap::store::Countries countries = chronomap::store::Countries::load_shipped();
  Scratch() {
    fs::create_directories(dir);
    EventStore::open(empty_store);  // closed at once: the file alone is the whole store
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  // A store with nothing in it, so what it holds afterwards is what one import wrote.
  // Copied from an empty one: quicker than creating the schema for every input.
  EventStore fresh_store() const {
    const auto path = dir / "events.db";
    std::error_code ec;
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(path.string() + suffix, ec);
    fs::copy_file(empty_store, path, fs::copy_options::overwrite_existing);
    return EventStore::open(path, EventStore::OpenMode::existing);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Scratch scratch;
  const Document doc = decode(std::string_view(reinterpret_cast<const char*>(data), size));
  const auto input = scratch.dir / "input.geojson";
  current_geojson = geojson(doc);
  {
    std::ofstream out(input, std::ios::binary | std::ios::trunc);
    out.write(current_geojson.data(), static_cast<std::streamsize>(current_geojson.size()));
  }

  auto store = scratch.fresh_store();
  chronomap::store::ImportOptions options;
  options.skip_invalid = doc.skip_invalid;
  options.gazetteer = &scratch.gazetteer;
  options.countries = &scratch.countries;
  std::optional<chronomap::store::ImportResult> result;
  try {
    result = chronomap::store::import_file(store, input, options);
  } catch (const chronomap::Error&) {
    // A clear refusal is a correct answer to bad input; it must have written nothing.
  }

  const auto events = store.query({});
  const auto links = store.links();
  const std::int64_t inserted = result && result->committed ? result->inserted : 0;
  const bool as_links = result && result->kind == "links";
  if (static_cast<std::int64_t>(events.size()) != (as_links ? 0 : inserted) ||
      static_cast<std::int64_t>(links.size()) != (as_links ? inserted : 0))
    fail("the store holds " + std::to_string(events.size()) + " events and " + std::to_string(links.size()) +
         " links; the import reported " + std::to_string(inserted) + " inserted");

  // Rows by the id they were written with, when no column could be mistaken for
  // another and every id is ours (an id of the input's own could repeat one).
  std::map<std::string, const Feature*> by_id;
  bool ids_ours = doc.only_known_names;
  for (const auto& f : doc.features) ids_ours = ids_ours && !f.id.empty();
  if (ids_ours)
    for (const auto& f : doc.features) by_id.emplace(f.id, &f);
  auto feature = [&](const std::string& id) -> const Feature* {
    const auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : it->second;
  };

  for (const auto& e : events) {
    check_point("event", e.source_id, e.lon, e.lat);
    if (const Feature* f = feature(e.source_id)) {
      check_exact(*f, "lat", 90, e.lat);
      check_exact(*f, "lon", 180, e.lon);
    }
  }
  for (const auto& l : links) {
    check_point("link start", l.source_id, l.from_lon, l.from_lat);
    check_point("link end", l.source_id, l.to_lon, l.to_lat);
    if (const Feature* f = feature(l.source_id)) {
      check_exact(*f, "from_lat", 90, l.from_lat);
      check_exact(*f, "from_lon", 180, l.from_lon);
      check_exact(*f, "to_lat", 90, l.to_lat);
      check_exact(*f, "to_lon", 180, l.to_lon);
    }
  }
  return 0;
}
