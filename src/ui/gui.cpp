// The GUI shell: window and context, ImGui set-up, input routing (ImGui first, then
// the map), the frame loop, and settings saved on exit. The loop sleeps until GLFW has
// something for it: it draws after input, a resize or an exposure (a few frames, for
// ImGui to settle), and continuously only while something moves (playing, the links'
// dashes for a while after the last input).
#include "ui/gui.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/date.hpp"
#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "export/time_source.hpp"
#include "ui/event_details.hpp"
#include "ui/explore.hpp"
#include "ui/frame_log.hpp"
#include "ui/panels.hpp"

namespace chronomap::ui {
namespace {

constexpr int kFramesAfterInput = 3;       // ImGui shows a click's effect a frame or two later
constexpr double kLinksIdleAfter = 10.0;  // seconds without input before the links' dashes stop

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

ImFont* set_up_imgui_fonts() {
  // DejaVu Sans, embedded, so the UI shows accents, Cyrillic and typographic marks.
  static const ImWchar ranges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2000, 0x206F,
                                   0x2190, 0x21FF, 0x2264, 0x2265, 0x25A0, 0x25FF, 0};  // ≤ ≥: the density legend
  const auto& font = find_embedded(embedded_fonts(), "DejaVuSans.ttf");
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  auto* fonts = ImGui::GetIO().Fonts;
  auto* bytes = const_cast<unsigned char*>(font.data);  // ImGui's API is not const; it only reads
  fonts->AddFontFromMemoryTTF(bytes, static_cast<int>(font.size), 15.0f, &config, ranges);
  const auto& bold = find_embedded(embedded_fonts(), "DejaVuSans-Bold.ttf");
  return fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(bold.data), static_cast<int>(bold.size), 26.0f,
                                     &config, ranges);  // the timeline's date
}

// Keys and drags are taken from GLFW's callbacks, not polled per frame: ImGui 1.86 has
// no input queue, so a press and release (or a quick drag) within one frame would be lost.
struct PendingInput {
  bool quit = false, snapshot = false, reset = false, play = false, table = false, filters = false, help = false;
  bool woke = false;               // any input, resize or exposure since the last frame
  int step = 0;
  bool dragging = false;           // the left button went down over the map
  bool clicked = false;            // pressed and released without moving: a pick
  double press_x = 0, press_y = 0, click_x = 0, click_y = 0;
  double last_x = 0, last_y = 0;   // window coordinates
  double drag_x = 0, drag_y = 0;   // accumulated since the last frame
};

// The mouse over the map: drag pans, the wheel zooms about the cursor, both only
// when ImGui does not want the mouse.
void on_mouse_button(GLFWwindow* window, int button, int action, int) {
  if (button != GLFW_MOUSE_BUTTON_LEFT || ImGui::GetCurrentContext() == nullptr) return;
  auto* pending = static_cast<PendingInput*>(glfwGetWindowUserPointer(window));
  pending->woke = true;
  // Whether ImGui owns this press is known only at the next frame; route_map_input
  // drops the movement then if it does.
  // The position is the last motion event's, not glfwGetCursorPos(): on X11 that asks
  // the server for where the pointer is now, past the motions still queued.
  pending->dragging = action == GLFW_PRESS;
  if (action == GLFW_PRESS) {
    pending->press_x = pending->last_x;
    pending->press_y = pending->last_y;
  } else if (std::hypot(pending->last_x - pending->press_x, pending->last_y - pending->press_y) < 4.0) {
    pending->clicked = true;
    pending->click_x = pending->last_x;
    pending->click_y = pending->last_y;
  }
}

void on_cursor(GLFWwindow* window, double x, double y) {
  auto* pending = static_cast<PendingInput*>(glfwGetWindowUserPointer(window));
  pending->woke = true;
  if (pending->dragging) {
    pending->drag_x += x - pending->last_x;
    pending->drag_y += y - pending->last_y;
  }
  pending->last_x = x;
  pending->last_y = y;
}

void route_map_input(AppState& state, PendingInput& pending, double fb_scale_x, double fb_scale_y) {
  const double drag_x = std::exchange(pending.drag_x, 0.0), drag_y = std::exchange(pending.drag_y, 0.0);
  const bool clicked = std::exchange(pending.clicked, false);
  const ImGuiIO& io = ImGui::GetIO();
  const double mx = static_cast<double>(io.MousePos.x) * fb_scale_x;
  const double my = static_cast<double>(io.MousePos.y) * fb_scale_y;
  if (io.WantCaptureMouse) {
    state.map.clear_hover();  // the cursor is over a panel, not the map
    return;
  }
  state.map.pan(drag_x * fb_scale_x, drag_y * fb_scale_y);
  if (io.MouseWheel != 0.0f) state.map.zoom_at(std::pow(1.25, static_cast<double>(io.MouseWheel)), mx, my);
  if (ImGui::IsMousePosValid()) state.map.update_hover(mx, my);
  if (clicked) pin_events_at(state, pending.click_x * fb_scale_x, pending.click_y * fb_scale_y);
}

// Whatever else wakes the window: the wheel, typed text, focus, the pointer entering
// or leaving, a resize, an exposure. ImGui's backend chains to the first four.
void wake(GLFWwindow* window) { static_cast<PendingInput*>(glfwGetWindowUserPointer(window))->woke = true; }
void on_scroll(GLFWwindow* window, double, double) { wake(window); }
void on_char(GLFWwindow* window, unsigned int) { wake(window); }
void on_focus(GLFWwindow* window, int) { wake(window); }
void on_enter(GLFWwindow* window, int) { wake(window); }
void on_resize(GLFWwindow* window, int, int) { wake(window); }

void on_key(GLFWwindow* window, int key, int, int action, int mods) {
  wake(window);
  const bool repeatable = key == GLFW_KEY_LEFT || key == GLFW_KEY_RIGHT;
  if ((action != GLFW_PRESS && !(repeatable && action == GLFW_REPEAT)) || ImGui::GetCurrentContext() == nullptr || ImGui::GetIO().WantCaptureKeyboard) return;
  auto* pending = static_cast<PendingInput*>(glfwGetWindowUserPointer(window));
  const bool ctrl = (mods & GLFW_MOD_CONTROL) != 0;
  if (ctrl && key == GLFW_KEY_Q) pending->quit = true;
  if (ctrl && key == GLFW_KEY_S) pending->snapshot = true;
  if (ctrl && key == GLFW_KEY_T) pending->table = true;
  if (ctrl && key == GLFW_KEY_F) pending->filters = true;
  if (key == GLFW_KEY_F1) pending->help = true;
  if (key == GLFW_KEY_HOME) pending->reset = true;
  if (key == GLFW_KEY_SPACE) pending->play = true;
  if (key == GLFW_KEY_LEFT) pending->step -= 1;
  if (key == GLFW_KEY_RIGHT) pending->step += 1;
}

void route_keys(AppState& state, PendingInput& pending) {
  if (std::exchange(pending.quit, false)) state.quit = true;
  if (std::exchange(pending.snapshot, false)) state.open_snapshot = true;
  if (std::exchange(pending.table, false)) state.show_event_table = !state.show_event_table;
  if (std::exchange(pending.filters, false)) state.show_filters = !state.show_filters;
  if (std::exchange(pending.help, false)) state.show_shortcuts = !state.show_shortcuts;
  if (std::exchange(pending.play, false)) state.toggle_play = true;
  state.step += std::exchange(pending.step, 0);
  if (std::exchange(pending.reset, false)) state.map.fit_default(state.framebuffer_width, state.framebuffer_height, state.map.bottom_inset());
}

// The date and time window come back as they were left.
void restore_time(const Settings& settings, render::TimeState& time) {
  if (const auto date = parse_date(settings.time_cursor)) time.cursor = to_day_number(*date);
  time.window_days = settings.time_window_days;
  time.mode = settings.time_mode == "cumulative"   ? render::TimeMode::cumulative
              : settings.time_mode == "everything" ? render::TimeMode::everything
                                                   : render::TimeMode::window;
}

void remember_time(const render::TimeState& time, Settings& settings) {
  settings.time_cursor = format_iso(time.cursor);
  settings.time_window_days = time.window_days;
  settings.time_mode = time.mode == render::TimeMode::cumulative   ? "cumulative"
                       : time.mode == render::TimeMode::everything ? "everything"
                                                                   : "window";
}

}  // namespace

int run_gui(const GuiOptions& options) {
  glfwSetErrorCallback([](int, const char* description) { std::fprintf(stderr, "chronomap: GLFW: %s\n", description); });
  if (glfwInit() == GLFW_FALSE) {
    std::fprintf(stderr,
                 "chronomap: no display to open a window on; use `chronomap render --out map.png` to render without one\n");
    return 1;
  }
  const auto config_dir = user_config_dir();
  const auto settings_file = config_dir / "settings.ini";
  const std::string imgui_ini = (config_dir / "imgui.ini").string();
  Settings settings = Settings::load(settings_file);
  if (!options.projection.empty()) settings.projection = options.projection;

  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(settings.window_width, settings.window_height, "chronomap", nullptr, nullptr);
  if (window == nullptr) {
    std::fprintf(stderr, "chronomap: cannot open an OpenGL 3.3 core window on this display\n");
    glfwTerminate();
    return 1;
  }
  if (settings.window_x >= 0 && settings.window_y >= 0) glfwSetWindowPos(window, settings.window_x, settings.window_y);
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  PendingInput pending_keys;
  glfwSetWindowUserPointer(window, &pending_keys);
  // Installed before ImGui's backend, which chains to them.
  glfwSetKeyCallback(window, on_key);
  glfwSetMouseButtonCallback(window, on_mouse_button);
  glfwSetCursorPosCallback(window, on_cursor);
  glfwSetScrollCallback(window, on_scroll);
  glfwSetCharCallback(window, on_char);
  glfwSetWindowFocusCallback(window, on_focus);
  glfwSetCursorEnterCallback(window, on_enter);
  glfwSetFramebufferSizeCallback(window, on_resize);
  glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { wake(w); });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = imgui_ini.c_str();
  // A blinking text cursor would need frames while nothing else changes.
  ImGui::GetIO().ConfigInputTextCursorBlink = false;
  ImGui::StyleColorsDark();
  ImFont* large_font = set_up_imgui_fonts();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  int status = 0;
  try {
    render::BaseMap base = render::load_base_map(options.boundaries, options.layer);
    std::unique_ptr<MapView> map;
    std::string startup_message;
    try {
      map = std::make_unique<MapView>(std::move(base), settings.projection);
    } catch (const UsageError& e) {  // a projection remembered from a newer build, say
      startup_message = e.what();
      settings.projection = std::string(geo::kDefaultProjection);
      map = std::make_unique<MapView>(render::load_base_map(options.boundaries, options.layer), settings.projection);
    }
    map->view().layers = settings.layers;
    map->view().density = settings.density;
    map->set_theme(render::named_theme(settings.theme).value_or(render::light_theme()));
    {
      map->set_time_data(exporting::load_time_data(options.data));
    }
    // The date and window of the last session, unless the command line gives them.
    restore_time(settings, map->view().time);
    if (!options.date.empty()) map->view().time.cursor = parse_day_number(options.date, "--date");
    if (options.window_days == 0) map->view().time.mode = render::TimeMode::everything;
    if (options.window_days > 0) {
      map->view().time.mode = render::TimeMode::window;
      map->view().time.window_days = options.window_days;
    }
    EventDetails details(options.data);
    AppState state(settings, *map);
    state.details = &details;
    state.data = options.data;
    state.boundaries = options.boundaries;
    state.boundaries_layer = options.layer;
    state.attribution = read_text(geodata_file("ATTRIBUTION.md"));
    state.large_font = large_font;
    if (!startup_message.empty()) state.report(startup_message, true);
    MenuBar menu;
    SnapshotDialog snapshot;
    AnimationDialog animation;
    AboutDialog about;
    StatusBar status_bar;
    TimelinePanel timeline;
    LegendPanel legend;
    EventCard card;
    InspectorPanel inspector;
    MapOverlay overlay;
    EventTablePanel table;
    FilterPanel filters;
    ShortcutsWindow shortcuts;
    ProjectPanel projects;
    double last_time = glfwGetTime();
    double last_input = last_time;
    int frames_due = kFramesAfterInput;  // the first frames
    FrameLog frame_log(options.report_frames);

    while (!glfwWindowShouldClose(window) && !state.quit) {
      // Continuously only while something moves: playing, an animation's frames being
      // exported, or the links' dashes while the user is about (they stop after
      // kLinksIdleAfter seconds without input and go on from where they stopped).
      // Frame reports (benchmarks) draw every frame.
      const bool visible = glfwGetWindowAttrib(window, GLFW_ICONIFIED) == GLFW_FALSE;
      const bool links_moving = visible && map->view().time.animate_links && map->view().layers.links &&
                                map->links_shown() && glfwGetTime() - last_input < kLinksIdleAfter;
      const bool moving = animation.running() || (visible && (timeline.playing() || links_moving));
      if (moving || frame_log.enabled()) {
        glfwWaitEventsTimeout(1.0 / 60.0);
      } else if (frames_due > 0) {
        glfwPollEvents();
      } else if (state.redraw_in > 0) {
        glfwWaitEventsTimeout(state.redraw_in);  // a panel asked to look again then
        frames_due = 1;
      } else {
        glfwWaitEvents();
      }
      state.redraw_in = 0;
      if (std::exchange(pending_keys.woke, false)) {
        frames_due = kFramesAfterInput;
        last_input = glfwGetTime();
      }
      if (!moving && !frame_log.enabled() && frames_due == 0) continue;  // nothing changed
      // While moving, one frame more is kept due: the one that shows it stopped.
      frames_due = moving ? 1 : std::max(frames_due - 1, 0);
      frame_log.frame_started();
      const double now = glfwGetTime();
      // A long sleep is not a step of play: the cursor moves by at most a tenth of a second's worth.
      const double dt = std::min(now - last_time, 0.1);
      last_time = now;
      if (links_moving) map->view().time.animation_phase = static_cast<float>(
          std::fmod(static_cast<double>(map->view().time.animation_phase) + dt * 0.8, 1000.0));
      int fw = 0, fh = 0, ww = 0, wh = 0;
      glfwGetFramebufferSize(window, &fw, &fh);
      glfwGetWindowSize(window, &ww, &wh);
      state.framebuffer_width = fw;
      state.framebuffer_height = fh;
      const double fb_scale_y = wh > 0 ? static_cast<double>(fh) / wh : 1.0;
      map->set_bottom_inset(static_cast<int>((static_cast<double>(TimelinePanel::kHeight) + 40.0) * fb_scale_y));
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      route_map_input(state, pending_keys, ww > 0 ? static_cast<double>(fw) / ww : 1.0, wh > 0 ? static_cast<double>(fh) / wh : 1.0);
      route_keys(state, pending_keys);
      menu.draw(state);
      snapshot.draw(state);
      animation.draw(state);
      about.draw(state);
      timeline.draw(state, dt);
      if (map->view().layers.events || map->view().layers.links) legend.draw(state);
      status_bar.draw(state);
      overlay.draw(state, static_cast<float>(fb_scale_y));
      table.draw(state);
      filters.draw(state);
      projects.draw(state, filters);
      inspector.draw(state);
      card.draw(state);
      shortcuts.draw(state);
      ImGui::Render();
      map->draw(fw, fh);
      glViewport(0, 0, fw, fh);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      glfwSwapBuffers(window);
      if (frame_log.frame_presented()) state.quit = true;
    }
    remember_time(map->view().time, settings);
    glfwGetWindowSize(window, &settings.window_width, &settings.window_height);
    glfwGetWindowPos(window, &settings.window_x, &settings.window_y);
    if (auto problem = settings.save(settings_file); !problem.empty()) std::fprintf(stderr, "chronomap: %s\n", problem.c_str());
  } catch (const Error& e) {
    std::fprintf(stderr, "chronomap: %s\n", e.what());
    status = 2;
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}

}  // namespace chronomap::ui
