// The event table: the events the map shows (its time window; optionally only those
// in view), as indices into the map's EventSet, sorted by index, drawn through
// ImGuiListClipper so only the visible rows are laid out and fetched from the store.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/date.hpp"
#include "export/event_output.hpp"
#include "ui/event_details.hpp"
#include "ui/explore.hpp"
#include "ui/panels.hpp"

namespace chronomap::ui {
namespace {

enum Column { kDate, kCategory, kCountry, kPlace, kTitle, kFatalities, kGo };
constexpr const char* kTextColumns[] = {"", "", "country", "place", "title"};

}  // namespace

void EventTablePanel::rebuild_rows(AppState& state) {
  const auto& map = state.map;
  const auto& events = map.events();
  const auto filter = map.time_filter();
  const geo::Extent view = map.visible_extent();
  rows_.clear();
  for (std::uint32_t i = 0; i < events.size(); ++i) {
    if (!map.passes(i)) continue;
    if (!render::event_visible(filter, static_cast<float>(events.start_days[i]), static_cast<float>(events.end_days[i])))
      continue;
    if (only_in_view_) {
      const geo::XY at = map.pick_index().position(i);
      if (!view.contains(at.x, at.y)) continue;
    }
    rows_.push_back(i);
  }
  sorted_for_ = -1;
}

void EventTablePanel::sort_rows(AppState& state, int column, bool ascending) {
  const auto& events = state.map.events();
  if (column == kCountry || column == kPlace || column == kTitle) {
    // The column's text for the rows that lack it, kept while the column stays.
    if (text_column_ != column) {
      text_.assign(events.size(), {});
      text_loaded_.assign(events.size(), false);
      text_column_ = column;
    }
    std::vector<std::uint32_t> wanted;
    for (const auto row : rows_)
      if (!text_loaded_[row]) wanted.push_back(row);
    if (state.details != nullptr) state.details->column(kTextColumns[column], state.map.event_ids(), wanted, text_);
    for (const auto row : wanted) text_loaded_[row] = true;
  }
  auto less = [&](std::uint32_t a, std::uint32_t b) {
    switch (column) {
      case kCategory:
        return render::event_categories()[events.categories[a]] < render::event_categories()[events.categories[b]];
      case kCountry:
      case kPlace:
      case kTitle:
        return text_[a] < text_[b];
      case kFatalities:
        return events.fatalities[a] < events.fatalities[b];
      default:
        return events.start_days[a] < events.start_days[b];
    }
  };
  if (ascending) std::stable_sort(rows_.begin(), rows_.end(), less);
  else std::stable_sort(rows_.begin(), rows_.end(), [&](std::uint32_t a, std::uint32_t b) { return less(b, a); });
  sorted_for_ = column * 2 + (ascending ? 1 : 0);
}

void EventTablePanel::select(AppState& state, std::uint32_t event) {
  state.selected = event;
  if (std::find(state.pinned.begin(), state.pinned.end(), event) == state.pinned.end()) state.pinned = {event};
  state.map.centre_on(event);
}

std::string EventTablePanel::export_rows(AppState& state, exporting::OutputFormat format) {
  if (state.details == nullptr || !state.details->available()) return "no event store to export from";
  std::FILE* out = std::fopen(path_, "w");
  if (out == nullptr) return std::string(path_) + ": cannot be written";
  std::vector<std::int64_t> ids;
  ids.reserve(rows_.size());
  for (const auto row : rows_) ids.push_back(state.map.event_ids()[row]);
  exporting::EventWriter writer(out, {format, false});
  state.details->for_each(ids, [&](const store::EventRecord& e) { writer.add(e); });
  writer.finish();
  const bool failed = std::ferror(out) != 0;
  if (std::fclose(out) != 0 || failed) return std::string(path_) + ": writing failed";
  return std::to_string(writer.count()) + " events written to " + path_;
}

void EventTablePanel::draw(AppState& state) {
  if (!state.show_event_table) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  // Below the middle of the window, just above the timeline: the event a row centres
  // stays in sight.
  const float timeline_top = viewport->WorkSize.y - ImGui::GetFrameHeight() - TimelinePanel::kHeight;
  const float height = std::min(viewport->WorkSize.y * 0.26f, timeline_top * 0.45f);
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 10, viewport->WorkPos.y + timeline_top - height - 6.0f),
                          ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.7f, height), ImGuiCond_FirstUseEver);
  const bool shown = ImGui::Begin("Events", &state.show_event_table);
  keep_inside(TimelinePanel::bottom_panels(), true);
  if (!shown) {
    ImGui::End();
    return;
  }
  auto& map = state.map;
  if (path_[0] == '\0') std::snprintf(path_, sizeof path_, "%s", "events.csv");

  // The rows follow the map's time window (and the view, when asked), recomputed when
  // those change; at most four times a second while the map moves.
  const auto filter = map.time_filter();
  const auto& camera = map.view().camera;
  std::vector<double> key = {filter.cursor, filter.window_start, static_cast<double>(map.events().size()),
                             only_in_view_ ? 1.0 : 0.0, static_cast<double>(map.filter_generation())};
  if (only_in_view_) key.insert(key.end(), {camera.center.x, camera.center.y, camera.units_per_pixel_x});
  const double now = ImGui::GetTime();
  if (key != key_ && now - built_at_ > 0.25) {
    key_ = key;
    built_at_ = now;
    rebuild_rows(state);
  } else if (key != key_) {
    state.redraw_within(std::max(0.25 - (now - built_at_), 0.01));  // the rows catch up even if nothing else moves
  }

  ImGui::Text("%zu events shown", rows_.size());
  ImGui::SameLine();
  ImGui::Checkbox("Only in view", &only_in_view_);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(200);
  ImGui::InputText("##path", path_, sizeof path_);
  ImGui::SameLine();
  if (ImGui::Button("Export CSV")) state.report(export_rows(state, exporting::OutputFormat::csv), false);
  ImGui::SameLine();
  if (ImGui::Button("Export GeoJSON")) state.report(export_rows(state, exporting::OutputFormat::geojson), false);

  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                    ImGuiTableFlags_BordersOuter | ImGuiTableFlags_Resizable |
                                    ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##events", 7, flags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_DefaultSort, 1.2f);
    ImGui::TableSetupColumn("Category", 0, 1.0f);
    ImGui::TableSetupColumn("Country", 0, 0.6f);
    ImGui::TableSetupColumn("Place", 0, 1.2f);
    ImGui::TableSetupColumn("Title", 0, 4.0f);
    ImGui::TableSetupColumn("Fatalities", ImGuiTableColumnFlags_PreferSortDescending, 0.8f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_NoSort, 0.4f);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs != nullptr && specs->SpecsCount > 0) {
      const int column = specs->Specs[0].ColumnIndex;
      const bool ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
      if (specs->SpecsDirty || sorted_for_ != column * 2 + (ascending ? 1 : 0)) sort_rows(state, column, ascending);
      specs->SpecsDirty = false;
    }
    const float row_height = ImGui::GetFrameHeight();
    if (state.selection_moved && state.selected) {
      // A click on the map: its row scrolled into view.
      state.selection_moved = false;
      if (const auto it = std::find(rows_.begin(), rows_.end(), *state.selected); it != rows_.end())
        ImGui::SetScrollY(static_cast<float>(it - rows_.begin()) * row_height);
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows_.size()), row_height);
    while (clipper.Step()) {
      std::vector<std::int64_t> ids;
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
        ids.push_back(map.event_ids()[rows_[static_cast<std::size_t>(row)]]);
      if (state.details != nullptr) state.details->fetch(ids);
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        const std::uint32_t event = rows_[static_cast<std::size_t>(row)];
        const auto* e = state.details != nullptr ? state.details->get(ids[static_cast<std::size_t>(row - clipper.DisplayStart)])
                                                 : nullptr;
        ImGui::TableNextRow(0, row_height);
        ImGui::PushID(row);
        ImGui::TableSetColumnIndex(kDate);
        const std::string date = e != nullptr ? event_date_text(*e) : format_iso(map.events().start_days[event]);
        if (ImGui::Selectable(date.c_str(), state.selected == event,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                              ImVec2(0, row_height)))
          select(state, event);
        ImGui::TableSetColumnIndex(kCategory);
        ImGui::TextUnformatted(std::string(render::event_categories()[map.events().categories[event]]).c_str());
        if (e != nullptr) {
          ImGui::TableSetColumnIndex(kCountry);
          ImGui::TextUnformatted(e->country.c_str());
          ImGui::TableSetColumnIndex(kPlace);
          ImGui::TextUnformatted(e->place.c_str());
          ImGui::TableSetColumnIndex(kTitle);
          ImGui::TextUnformatted(e->title.c_str());
          ImGui::TableSetColumnIndex(kFatalities);
          if (e->fatalities) ImGui::Text("%lld", static_cast<long long>(*e->fatalities));
        }
        ImGui::TableSetColumnIndex(kGo);
        if (ImGui::SmallButton("Go")) {
          // The date cursor to the event's (first) day, and the map to its place.
          map.view().time.cursor = map.events().start_days[event];
          select(state, event);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Move the date cursor to this event");
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace chronomap::ui
