// The GUI's panels, one file each, each drawn every frame by the shell.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <cstdint>
#include <vector>

#include "export/composer.hpp"
#include "export/animation.hpp"
#include "render/gl.hpp"
#include "store/countries.hpp"
#include "store/records.hpp"
#include "ui/app_state.hpp"
#include "ui/markdown.hpp"
#include "ui/window_fit.hpp"

namespace chronomap::ui {

// File (Save snapshot…, Export animation…, Quit), View (projection, layers, reset),
// Help (About).
struct MenuBar {
  void draw(AppState& state);
};

// Size, resolution, format and path of an image of the current view, rendered by the
// export path.
// The caption's words for a snapshot of the window: its filters, sources and attribution.
exporting::MapContent snapshot_words(const AppState& state);
// The names of the categories the legend has turned off.
std::vector<std::string> hidden_categories(const AppState& state);

// A thumbnail of the snapshot's composed page for the dialog: drawn by the same
// composer and renderer as the saved image, again only when the size, the furniture or
// the map's view has changed and then stayed for a moment with no field being edited
// (not at every key typed).
class SnapshotPreview {
 public:
  void draw(AppState& state, int width, int height, float scale, const exporting::Layout& layout);

 private:
  render::GlTexture texture_;
  std::string drawn_for_;  // the settings the texture shows
  std::string pending_;    // the settings since `pending_since_`, not drawn yet
  double pending_since_ = 0;
  int width_ = 0, height_ = 0;
};

// "Save snapshot…": file (with a folder browser) and format (PNG, JPEG, GeoTIFF, PDF,
// SVG), paper and orientation or a size in pixels, resolution, the furniture, and a
// preview of the page.
struct SnapshotDialog {
  void draw(AppState& state);
  char path[1024] = {};
  std::string folder;  // the one the browser shows
  bool initialised = false;
  int dpi = 96;
  int quality = 90;  // JPEG
  int paper = 0;     // 0: a size in pixels; else exporting::papers()[paper - 1]
  bool landscape = true;
  SnapshotPreview preview;
};

// A GIF, MP4 or WebM of the current view over a range of dates: file, format, dates,
// step, frames per second, size and scale. Frames are drawn and encoded a few per
// window frame through the same AnimationExport as `chronomap render`, with a
// progress bar and Cancel (which leaves no file).
struct AnimationDialog {
  void draw(AppState& state);
  // Whether frames are being drawn: the window then redraws without waiting.
  [[nodiscard]] bool running() const { return export_ != nullptr; }

 private:
  void start(AppState& state);
  void advance(AppState& state);
  char path_[1024] = "chronomap-animation.gif";
  std::string folder_;  // the one the browser shows
  char from_[32] = {}, to_[32] = {};
  int step_days_ = 30, fps_ = 4, width_ = 1280, height_ = 720;
  float scale_ = 1.0f;
  bool initialised_ = false;
  std::unique_ptr<exporting::AnimationExport> export_;
};

// Version, renderer, data attribution (formatted from its Markdown).
struct AboutDialog {
  void draw(AppState& state);

 private:
  std::vector<MarkdownBlock> blocks_;
  std::size_t parsed_for_ = static_cast<std::size_t>(-1);
};

// Help > Keyboard shortcuts (F1): every key and mouse gesture the window answers.
struct ShortcutsWindow {
  void draw(AppState& state);
};

// The bottom timeline: a histogram of events with a date axis, zoomable and pannable
// in time; the links' lifespans as bars under it; the cursor slider; window length or
// cumulative mode; play/pause with a speed; steps by the window in calendar terms;
// jumps to the previous or next event; a field to type a date; the date in large type.
// Its range runs from the first event to today (or the last event, if later).
struct TimelinePanel {
  void draw(AppState& state, double seconds_since_last_frame);
  [[nodiscard]] bool playing() const { return playing_; }
  static constexpr float kHeight = 172.0f;
  // The timeline and the status bar under it: what floating panels keep above.
  static float bottom_panels() { return kHeight + ImGui::GetFrameHeight(); }

 private:
  void rebuild(const render::EventSet& events, const std::vector<render::Link>& links);
  void move_cursor(AppState& state, DayNumber day);
  void go_to_typed_date(AppState& state);
  struct LinkBar {
    std::size_t link;  // index into the map's links
    int lane;          // one lane per link kind present
  };
  bool playing_ = false;
  int speed_ = 1;  // index into the speeds
  double carry_ = 0;
  std::size_t built_for_ = static_cast<std::size_t>(-1);
  DayNumber first_ = 0, last_ = 0;            // the whole range
  DayNumber data_last_ = 0;                   // the last day of an event or link
  DayNumber view_first_ = 0, view_last_ = 0;  // the days the histogram shows
  std::vector<std::size_t> by_start_;  // event indices by start day
  std::vector<DayNumber> start_days_;  // sorted starts of the events that pass the filters
  std::uint64_t filters_built_for_ = static_cast<std::uint64_t>(-1);
  std::vector<DayNumber> event_days_;  // sorted, unique: starts of events and links
  std::vector<LinkBar> link_bars_;
  int lanes_ = 0;
  char date_text_[64] = {};
};

// The legend: event categories (colour and shape) and link kinds (colour and dash), as
// the map draws them, and the symbols for an uncertain date or place. A normal
// window: it can be moved and folded, and ImGui keeps where it was between runs.
struct LegendPanel {
  void draw(AppState& state);

 private:
  const void* built_for_ = nullptr;
  std::size_t built_size_ = 0;
  std::vector<bool> present_;  // by category index
  bool date_imprecise_ = false;   // some event is dated only to its week, month or year
  bool place_imprecise_ = false;  // some event is placed at a region's or country's centroid
};

// Filters beyond categories (which the legend toggles): country (where or who took
// part), actor with completion, words, source, a fatality minimum, date precision. The same
// store::EventFilter as the command line; applied through MapView::set_store_filter.
struct FilterPanel {
  void draw(AppState& state);
  // Fills the fields from `filter` (a project's) and applies them.
  void set(AppState& state, const store::EventFilter& filter);

 private:
  // `typing`: the words are being typed; their last word counts as a prefix, and a
  // search not yet whole (an open quote) leaves the filters as they were, unreported.
  std::optional<store::EventFilter> filter(AppState& state, bool typing);
  void apply(AppState& state, bool typing = false);
  char country_[64] = {}, actor_[128] = {}, text_[256] = {}, source_[128] = {};
  std::string search_error_;  // what is wrong with the words, shown under them
  int min_fatalities_ = 0;
  int precision_ = 0;  // any, day, week, month, year
  std::optional<store::Countries> countries_;  // loaded on first use
  std::string completions_for_;
  std::vector<std::string> completions_;
};

// File > Open project… / Save project… / recent projects, and the Bookmarks window:
// a project (export/project.hpp) holds the whole view, `chronomap render --project`
// draws it.
struct ProjectPanel {
  void draw(AppState& state, FilterPanel& filters);
  // Opens a project file into the window; false (and a message) when it cannot.
  bool open(AppState& state, FilterPanel& filters, const std::string& path);

 private:
  char path_[1024] = {};
  char bookmark_name_[128] = {};
};

// The window's view as a project (its export settings: the snapshot dialog's).
exporting::Project current_project(const AppState& state);

// Cursor position, country under it, last message.
struct StatusBar {
  void draw(AppState& state);
};

}  // namespace chronomap::ui
