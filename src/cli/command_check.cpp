// `chronomap check`: the full verification of a store that opening skips to stay
// constant-time: every page, the spatial index and the search index.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "store/user_store.hpp"

namespace chronomap::cli {

int run_check(int argc, char** argv) {
  CLI::App app{"Check an event store completely: every page, the spatial index and the search index.",
               "chronomap check"};
  std::string data;
  app.add_option("--data", data, "event store (default: the user's)");
  return run_guarded(app, argc, argv, [&] {
    const auto path = data.empty() ? store::default_store_path() : std::filesystem::path(data);
    if (!std::filesystem::exists(path)) throw InputError(path.string() + ": no such event store");
    // Writable when possible: SQLite checks the search index only through a writer
    // (it writes nothing).
    auto store = [&] {
      try {
        return store::EventStore::open(path, store::EventStore::OpenMode::existing);
      } catch (const Error&) {
        return store::EventStore::open(path, store::EventStore::OpenMode::read_only);
      }
    }();
    std::vector<std::string> problems;
    try {
      problems = store.check();
    } catch (const Error& e) {
      problems.emplace_back(e.what());
    }
    bool damaged = false;
    for (const auto& problem : problems) {
      const bool note = problem.find("not checked") != std::string::npos;
      damaged = damaged || !note;
      std::fprintf(note ? stdout : stderr, "%s: %s\n", path.c_str(), problem.c_str());
    }
    if (damaged) {
      std::fprintf(stderr, "chronomap check: %s: damaged (%zu problem(s) above)\n", path.c_str(), problems.size());
      return 1;
    }
    std::printf("%s: ok (%lld events, %lld links; pages, spatial index and search index checked)\n", path.c_str(),
                static_cast<long long>(store.event_count()), static_cast<long long>(store.link_count()));
    return 0;
  });
}

}  // namespace chronomap::cli
