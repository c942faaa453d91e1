// Project files as JSON (nlohmann::json): every field optional on reading, checked for
// its type and range, with errors that name the file and the field's path.
#include "export/project.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "store/event_store.hpp"
#include "store/user_store.hpp"

namespace chronomap::exporting {
namespace {

using nlohmann::json;

constexpr const char* kTimeModes[] = {"window", "cumulative", "everything"};

// Reading one object's fields, each error naming the file and the field.
class Reader {
 public:
  Reader(const std::filesystem::path& file, const json& object, std::string path)
      : file_(file), object_(object), path_(std::move(path)) {
    if (!object_.is_object()) fail("", "is not an object");
  }

  [[noreturn]] void fail(const std::string& field, const std::string& reason) const {
    std::string where = path_;
    if (!field.empty()) where += (where.empty() ? "" : ".") + field;
    throw InputError(file_.string() + ": " + (where.empty() ? "the file" : where) + " " + reason);
  }
  [[nodiscard]] const json* find(const char* field) const {
    const auto it = object_.find(field);
    return it == object_.end() || it->is_null() ? nullptr : &*it;
  }
  void text(const char* field, std::string& out) const {
    if (const json* v = find(field)) {
      if (!v->is_string()) fail(field, "must be a string");
      out = v->get<std::string>();
    }
  }
  void flag(const char* field, bool& out) const {
    if (const json* v = find(field)) {
      if (!v->is_boolean()) fail(field, "must be true or false");
      out = v->get<bool>();
    }
  }
  template <typename Number>
  void number(const char* field, Number& out, double low, double high) const {
    if (const json* v = find(field)) {
      if (!v->is_number()) fail(field, "must be a number");
      const double value = v->get<double>();
      if (!std::isfinite(value) || value < low || value > high) {
        std::ostringstream range;
        range << "must be between " << low << " and " << high;
        fail(field, range.str());
      }
      out = static_cast<Number>(value);
    }
  }
  void optional_integer(const char* field, std::optional<std::int64_t>& out) const {
    if (const json* v = find(field)) {
      if (!v->is_number_integer()) fail(field, "must be a whole number");
      out = v->get<std::int64_t>();
    }
  }
  void date(const char* field, std::optional<DayNumber>& out) const {
    if (const json* v = find(field)) {
      if (!v->is_string()) fail(field, "must be a date as a string (YYYY-MM-DD)");
      const auto parsed = parse_date(v->get<std::string>());
      if (!parsed) fail(field, "'" + v->get<std::string>() + "' is not a date (YYYY-MM-DD)");
      out = to_day_number(*parsed);
    }
  }
  void extent(const char* field, geo::Extent& out) const {
    if (const json* v = find(field)) {
      if (!v->is_array() || v->size() != 4 ||
          !std::all_of(v->begin(), v->end(), [](const json& n) { return n.is_number(); }))
        fail(field, "must be [min_x, min_y, max_x, max_y]");
      geo::Extent e;
      e.add((*v)[0].get<double>(), (*v)[1].get<double>());
      e.add((*v)[2].get<double>(), (*v)[3].get<double>());
      if (!(e.width() > 0 && e.height() > 0 && std::isfinite(e.width()) && std::isfinite(e.height())))
        fail(field, "must have a width and a height");
      out = e;
    }
  }
  [[nodiscard]] std::optional<Reader> object(const char* field) const {
    if (const json* v = find(field)) return Reader(file_, *v, path_.empty() ? field : path_ + "." + field);
    return std::nullopt;
  }

 private:
  const std::filesystem::path& file_;
  const json& object_;
  std::string path_;
};

json extent_json(const geo::Extent& e) { return json::array({e.min_x, e.min_y, e.max_x, e.max_y}); }

}  // namespace

bool filter_is_empty(const store::EventFilter& f) {
  return f.country.empty() && f.category.empty() && f.text.empty() && f.actor.empty() && !f.min_fatalities &&
         !f.max_fatalities && f.date_precision.empty() && f.source.empty();
}

Project load_project(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(file.string() + ": cannot open the project file");
  json document;
  try {
    document = json::parse(in);
  } catch (const json::parse_error& e) {
    // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." -> the part after "parse error".
    std::string what = e.what();
    if (const auto at = what.find("parse error"); at != std::string::npos) what.erase(0, at);
    throw InputError(file.string() + ": not a JSON project file: " + what);
  }
  const Reader top(file, document, "");
  int version = 0;
  if (!top.find("chronomap_project")) top.fail("chronomap_project", "is missing: not a chronomap project file");
  top.number("chronomap_project", version, 1, 1'000'000);
  if (version > kProjectVersion) {
    top.fail("chronomap_project", "is version " + std::to_string(version) + "; this chronomap reads up to version " +
                                      std::to_string(kProjectVersion));
  }
  Project p;
  top.text("data", p.data);
  top.text("boundaries", p.boundaries);
  top.text("layer", p.layer);
  top.text("projection", p.projection);
  if (p.projection.empty()) top.fail("projection", "is empty");
  if (const auto view = top.object("view")) view->extent("extent", p.extent);
  if (const auto time = top.object("time")) {
    std::optional<DayNumber> date;
    time->date("date", date);
    if (date) p.time.cursor = *date;
    time->number("window_days", p.time.window_days, 1, 36600);
    std::string mode = "window";
    time->text("mode", mode);
    const auto* found = std::find(std::begin(kTimeModes), std::end(kTimeModes), mode);
    if (found == std::end(kTimeModes)) time->fail("mode", "'" + mode + "' is not window, cumulative or everything");
    p.time.mode = static_cast<render::TimeMode>(found - std::begin(kTimeModes));
    time->flag("size_by_fatalities", p.time.size_by_fatalities);
  }
  if (const auto layers = top.object("layers")) {
    auto& l = p.layers;
    layers->flag("land", l.land);
    layers->flag("borders", l.borders);
    layers->flag("graticule", l.graticule);
    layers->flag("moscow", l.moscow);
    layers->flag("places", l.places);
    layers->flag("labels", l.labels);
    layers->flag("events", l.events);
    layers->flag("links", l.links);
  }
  std::string density = std::string(render::density_mode_name(p.density));
  top.text("density", density);
  const auto mode = render::parse_density_mode(density);
  if (!mode) top.fail("density", "'" + density + "' is not auto, points, heatmap or hexagons");
  p.density = *mode;
  if (const auto filters = top.object("filters")) {
    filters->text("country", p.filter.country);
    filters->text("category", p.filter.category);
    filters->text("actor", p.filter.actor);
    filters->text("text", p.filter.text);
    filters->optional_integer("min_fatalities", p.filter.min_fatalities);
    filters->optional_integer("max_fatalities", p.filter.max_fatalities);
    filters->text("precision", p.filter.date_precision);
    filters->text("source", p.filter.source);  // absent from projects saved before it existed
    if (!p.filter.date_precision.empty() && !parse_precision(p.filter.date_precision))
      filters->fail("precision", "'" + p.filter.date_precision + "' is not day, week, month or year");
    if (const json* hidden = filters->find("hidden_categories")) {
      if (!hidden->is_array()) filters->fail("hidden_categories", "must be a list of category names");
      for (const auto& name : *hidden) {
        if (!name.is_string()) filters->fail("hidden_categories", "must be a list of category names");
        p.hidden_categories.push_back(name.get<std::string>());
      }
    }
  }
  if (const auto figure = top.object("export")) {
    figure->number("width", p.width, 1, 32768);
    figure->number("height", p.height, 1, 32768);
    double dpi = 0;
    figure->number("dpi", dpi, 0, 2400);
    if (dpi > 0) p.dpi = dpi;
    figure->number("scale", p.scale, 0.05, 100);
    auto& l = p.layout;
    figure->text("title", l.title);
    figure->text("subtitle", l.subtitle);
    figure->flag("date_stamp", l.date_stamp);
    figure->flag("caption", l.caption);
    figure->flag("legend", l.legend);
    figure->flag("scale_bar", l.scale_bar);
    figure->flag("miles", l.miles);
    figure->flag("north_arrow", l.north_arrow);
    figure->flag("inset", l.inset);
    figure->flag("plain", l.plain);
  }
  if (const json* marks = top.find("bookmarks")) {
    if (!marks->is_array()) top.fail("bookmarks", "must be a list");
    for (std::size_t i = 0; i < marks->size(); ++i) {
      const Reader mark(file, (*marks)[i], "bookmarks[" + std::to_string(i) + "]");
      Bookmark b;
      mark.text("name", b.name);
      if (b.name.empty()) mark.fail("name", "is missing");
      b.projection = p.projection;
      mark.text("projection", b.projection);
      if (!mark.find("extent")) mark.fail("extent", "is missing");
      mark.extent("extent", b.extent);
      mark.date("date", b.date);
      p.bookmarks.push_back(std::move(b));
    }
  }
  return p;
}

void save_project(const Project& p, const std::filesystem::path& file) {
  json document;
  document["chronomap_project"] = kProjectVersion;
  document["data"] = p.data;
  document["boundaries"] = p.boundaries;
  document["layer"] = p.layer;
  document["projection"] = p.projection;
  document["view"] = {{"extent", extent_json(p.extent)}};
  document["time"] = {{"date", format_iso(p.time.cursor)},
                      {"window_days", p.time.window_days},
                      {"mode", kTimeModes[static_cast<int>(p.time.mode)]},
                      {"size_by_fatalities", p.time.size_by_fatalities}};
  const auto& l = p.layers;
  document["layers"] = {{"land", l.land},     {"borders", l.borders}, {"graticule", l.graticule},
                        {"moscow", l.moscow}, {"places", l.places},   {"labels", l.labels},
                        {"events", l.events}, {"links", l.links}};
  document["density"] = std::string(render::density_mode_name(p.density));
  json filters = {{"country", p.filter.country},
                  {"category", p.filter.category},
                  {"actor", p.filter.actor},
                  {"text", p.filter.text},
                  {"precision", p.filter.date_precision},
                  {"source", p.filter.source},
                  {"hidden_categories", p.hidden_categories}};
  filters["min_fatalities"] = p.filter.min_fatalities ? json(*p.filter.min_fatalities) : json(nullptr);
  filters["max_fatalities"] = p.filter.max_fatalities ? json(*p.filter.max_fatalities) : json(nullptr);
  document["filters"] = filters;
  const auto& f = p.layout;
  document["export"] = {{"width", p.width},
                        {"height", p.height},
                        {"dpi", p.dpi.value_or(0.0)},
                        {"scale", p.scale},
                        {"title", f.title},
                        {"subtitle", f.subtitle},
                        {"date_stamp", f.date_stamp},
                        {"caption", f.caption},
                        {"legend", f.legend},
                        {"scale_bar", f.scale_bar},
                        {"miles", f.miles},
                        {"north_arrow", f.north_arrow},
                        {"inset", f.inset},
                        {"plain", f.plain}};
  json marks = json::array();
  for (const auto& b : p.bookmarks) {
    json mark = {{"name", b.name}, {"projection", b.projection}, {"extent", extent_json(b.extent)}};
    mark["date"] = b.date ? json(format_iso(*b.date)) : json(nullptr);
    marks.push_back(mark);
  }
  document["bookmarks"] = marks;
  // Doubles are written with 17 significant digits: the extent reads back exactly,
  // so a rendered project is the window's view to the pixel.
  write_file_atomically(file, document.dump(2) + "\n");
}

std::vector<std::uint8_t> project_mask(const Project& project, const render::EventSet& events,
                                       const std::vector<std::int64_t>& event_ids) {
  std::vector<bool> hidden(render::event_categories().size(), false);
  bool any_hidden = false;
  for (const auto& name : project.hidden_categories) {
    const auto c = render::category_index(name);
    if (render::event_categories()[c] != name) continue;  // not a category: nothing to hide
    hidden[c] = true;
    any_hidden = true;
  }
  std::vector<std::uint8_t> store_passes;
  if (!filter_is_empty(project.filter)) {
    auto store = store::open_user_store(project.data, store::Access::read);
    store_passes = store::passes_by_id(event_ids, store.ids(project.filter));
  }
  if (!any_hidden && store_passes.empty()) return {};
  std::vector<std::uint8_t> mask(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    mask[i] = static_cast<std::uint8_t>(!hidden[events.categories[i]] && (store_passes.empty() || store_passes[i] != 0));
  }
  return mask;
}

}  // namespace chronomap::exporting
