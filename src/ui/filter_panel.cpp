// The Filters window: country (where it happened or who took part), actor with
// completion from the store's actors, a search (words, prefixes, phrases; a malformed
// one is a message under the field), the source, a fatality range and the date
// precision: the same store::EventFilter as `chronomap events` and `render`. Each
// change asks the store once for the ids that pass; the map, the histogram and picking
// then follow through the GPU mask (MapView::set_store_filter), and the links with an
// end in the country or from the source through MapView::set_link_filter.
#include <imgui.h>

#include <cstdio>
#include <string>

#include "core/error.hpp"
#include "store/countries.hpp"
#include "store/event_store.hpp"
#include "store/search.hpp"
#include "store/user_store.hpp"
#include "ui/panels.hpp"

namespace chronomap::ui {
namespace {

constexpr const char* kPrecisions[] = {"any", "day", "week", "month", "year"};

// Up to this many events the words apply at each key typed. A first letter as a
// prefix ("k*") took 0.25 s of CPU in the store alone with 1,000,000 events, more than
// a keystroke may cost; larger stores apply them on Enter.
constexpr std::size_t kLiveSearchEvents = 200'000;

}  // namespace

std::optional<store::EventFilter> FilterPanel::filter(AppState& state, bool typing) {
  store::EventFilter f;
  if (country_[0] != '\0') {
    if (!countries_) countries_ = store::Countries::load_shipped();
    const auto iso3 = countries_->iso3(country_);
    if (!iso3) {
      state.report(std::string("'") + country_ + "' is not a country code or name", true);
      return std::nullopt;
    }
    f.country = *iso3;
  }
  f.actor = actor_;
  search_error_.clear();
  if (text_[0] != '\0') {
    f.text = text_;
    try {
      // While typing, "bamak" finds Bamako: the last word is taken as a prefix.
      if (typing && store::parse_search(text_, true).back().prefix && f.text.back() != '*') f.text += '*';
      store::parse_search(f.text);
    } catch (const store::SearchError& e) {
      if (typing) return std::nullopt;  // "\"mutual def" is a phrase being typed
      // Shown under the field until the search is mended; the map keeps its filters.
      search_error_ = e.what();
      state.report(search_error_, true);
      return std::nullopt;
    }
  }
  f.source = source_;
  if (min_fatalities_ > 0) f.min_fatalities = min_fatalities_;
  if (precision_ > 0) f.date_precision = kPrecisions[precision_];
  return f;
}

void FilterPanel::set(AppState& state, const store::EventFilter& filter) {
  const auto copy = [](char* out, std::size_t size, const std::string& text) {
    std::snprintf(out, size, "%s", text.c_str());
  };
  copy(country_, sizeof country_, filter.country);
  copy(actor_, sizeof actor_, filter.actor);
  copy(text_, sizeof text_, filter.text);
  copy(source_, sizeof source_, filter.source);
  min_fatalities_ = filter.min_fatalities ? static_cast<int>(*filter.min_fatalities) : 0;
  precision_ = 0;
  for (int i = 1; i < 5; ++i)
    if (filter.date_precision == kPrecisions[i]) precision_ = i;
  apply(state);
}

void FilterPanel::apply(AppState& state, bool typing) {
  const auto f = filter(state, typing);
  if (!f) return;
  state.applied_filter = *f;
  const bool none = f->country.empty() && f->actor.empty() && f->text.empty() && !f->min_fatalities &&
                    f->date_precision.empty() && f->source.empty();
  if (none) {
    state.map.set_store_filter({});
    state.map.set_link_filter(std::nullopt);
    state.report("Filters cleared", false);
    return;
  }
  try {
    auto events = store::open_user_store(state.data, store::Access::read);
    const auto passing = events.ids(*f);
    state.map.set_store_filter(store::passes_by_id(state.map.event_ids(), passing));
    const auto link_filter = store::links_of(*f);
    if (link_filter.country.empty() && link_filter.source.empty()) {
      state.map.set_link_filter(std::nullopt);
    } else {
      std::vector<std::int64_t> link_ids;
      for (const auto& link : events.links(link_filter)) link_ids.push_back(link.id);
      state.map.set_link_filter(link_ids);
    }
    state.report(std::to_string(passing.size()) + " event(s) pass the filters", false);
  } catch (const Error& e) {
    state.report(std::string("The filters can't be applied: ") + e.what(), true);
  }
}

void FilterPanel::draw(AppState& state) {
  if (!state.show_filters) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 10, viewport->WorkPos.y + 10), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(280, 0), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowBgAlpha(0.9f);
  limit_next_size(TimelinePanel::bottom_panels());
  const bool open = ImGui::Begin("Filters", &state.show_filters, ImGuiWindowFlags_AlwaysAutoResize);
  keep_inside(TimelinePanel::bottom_panels(), false);
  if (!open) {
    ImGui::End();
    return;
  }
  bool changed = false;
  constexpr ImGuiInputTextFlags enter = ImGuiInputTextFlags_EnterReturnsTrue;
  ImGui::SetNextItemWidth(180);
  changed |= ImGui::InputTextWithHint("country", "Mali, MLI, ML...", country_, sizeof country_, enter);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Where it happened or who took part; Enter applies");
  ImGui::SetNextItemWidth(180);
  changed |= ImGui::InputTextWithHint("actor", "part of a name", actor_, sizeof actor_, enter);
  const bool actor_active = ImGui::IsItemActive();
  if (actor_active && actor_[0] != '\0' && completions_for_ != actor_) {
    completions_for_ = actor_;
    completions_.clear();
    try {
      auto events = store::open_user_store(state.data, store::Access::read);
      completions_ = events.actor_names(actor_, 8);
    } catch (const Error&) {
      // No completions; applying the filter reports what is wrong.
    }
  }
  if (actor_active && !completions_.empty() && actor_[0] != '\0') {
    ImGui::BeginTooltip();
    for (const auto& name : completions_) ImGui::TextUnformatted(name.c_str());
    ImGui::TextDisabled("(Tab takes the first)");
    ImGui::EndTooltip();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab))) {
      std::snprintf(actor_, sizeof actor_, "%s", completions_.front().c_str());
      changed = true;
    }
  }
  ImGui::SetNextItemWidth(180);
  const bool words_entered =
      ImGui::InputTextWithHint("words", "bamako, bamak*, \"mutual understanding\"", text_, sizeof text_, enter);
  changed |= words_entered;
  const bool typing = !words_entered && ImGui::IsItemEdited() && state.map.events().size() <= kLiveSearchEvents;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("All must occur: words, prefixes (bamak*), \"quoted phrases\"; in titles, notes, actors and\n"
                      "places, and in other spellings of names (Belooussov, Moscou); applied as you type\n"
                      "(up to 200,000 events; Enter applies)");
  if (!search_error_.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 260);
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", search_error_.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::SetNextItemWidth(180);
  changed |= ImGui::InputTextWithHint("source", "Reuters, ACLED, events.csv", source_, sizeof source_, enter);
  if (ImGui::IsItemHovered()) {
    std::string sets;
    for (const auto& name : state.map.sources()) sets += (sets.empty() ? "" : ", ") + name;
    ImGui::SetTooltip("The source named in an event or link, or the data set it came from (%s); Enter applies",
                      sets.c_str());
  }
  ImGui::SetNextItemWidth(180);
  if (ImGui::InputInt("min. fatalities", &min_fatalities_, 1, 10, enter)) {
    min_fatalities_ = std::max(min_fatalities_, 0);
    changed = true;
  }
  ImGui::SetNextItemWidth(180);
  changed |= ImGui::Combo("dated to", &precision_, kPrecisions, IM_ARRAYSIZE(kPrecisions));
  if (ImGui::Button("Apply")) changed = true;
  ImGui::SameLine();
  if (ImGui::Button("Clear")) {
    country_[0] = actor_[0] = text_[0] = source_[0] = '\0';
    min_fatalities_ = precision_ = 0;
    changed = true;
  }
  if (changed || typing) apply(state, !changed);
  ImGui::TextDisabled("Categories: click them in the legend");
  ImGui::End();
}

}  // namespace chronomap::ui
