// chronomap's entry point: a subcommand runs the command line; otherwise the window
// opens (`chronomap [--projection P] [--boundaries PATH] [--data DB]`), or, built
// without it (CHRONOMAP_BUILD_GUI=OFF), says so.
#include <CLI/CLI.hpp>

#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "ui/gui.hpp"

namespace {

int open_window([[maybe_unused]] const chronomap::ui::GuiOptions& options) {
#ifdef CHRONOMAP_BUILD_GUI
  return chronomap::ui::run_gui(options);
#else
  throw chronomap::Error("this chronomap is built without the map window (CHRONOMAP_BUILD_GUI=OFF); "
                         "its commands: chronomap --help");
#endif
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && chronomap::cli::handles(argv[1])) return chronomap::cli::run(argc, argv);
  chronomap::ui::GuiOptions options;
  CLI::App app{"chronomap: a map of dated, geocoded regional events. Commands: chronomap --help.", "chronomap"};
  app.add_option("--projection", options.projection, "projection to open with (a name or any CRS PROJ accepts)");
  app.add_option("--boundaries", options.boundaries, "country boundaries from any OGR vector source");
  app.add_option("--layer", options.layer, "the layer of --boundaries to draw");
  app.add_option("--data", options.data, "event store to open (default: the user's)");
  app.add_option("--date", options.date, "the date to open on, YYYY-MM-DD (default: the last date of the data)");
  app.add_option("--window", options.window_days, "the time window in days to open with (0: all time)")
      ->check(CLI::Range(0, 100000));
  app.add_option("--report-frames", options.report_frames,
                 "for benchmarks: print on stderr when each frame is presented (ms since the process started) "
                 "and close after N frames (0: report every frame, never close)")
      ->check(CLI::Range(0, 1000000000));
  // The same edge as every command: help exits 0, bad options 2, errors one line.
  return chronomap::cli::run_guarded(app, argc, argv, [&] { return open_window(options); });
}
