// chronomap_bench_import FILE...: imports each file into a fresh event store and
// prints rows per second and peak memory, next to sqlite3's own `.import` of the same
// file into a plain table (no validation, no indexes) as the baseline ratio. Each
// import runs in a child process so its peak memory is its own.
// Generate files with chronomap_generate_acled; see bench/import.sh.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/event_store.hpp"
#include "store/import.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Run {
  double seconds = 0;
  long peak_mib = 0;
  long rows = 0;
  bool ok = false;
};

// Runs `work` in a child; returns its wall time and peak RSS.
template <typename Work>
Run in_child(Work work) {
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) std::_Exit(work());
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  return {std::chrono::duration<double>(Clock::now() - start).count(), usage.ru_maxrss / 1024, 0,
          WIFEXITED(status) && WEXITSTATUS(status) == 0};
}

long count_rows(const fs::path& csv) {
  std::FILE* f = std::fopen(csv.c_str(), "rb");
  long lines = 0;
  int quote = 0;
  for (int c; f != nullptr && (c = std::fgetc(f)) != EOF;) {
    if (c == '"') quote ^= 1;
    if (c == '\n' && quote == 0) ++lines;
  }
  if (f != nullptr) std::fclose(f);
  return lines > 0 ? lines - 1 : 0;  // the header
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: chronomap_bench_import FILE.csv...\n");
    return 2;
  }
  const fs::path scratch = fs::temp_directory_path() / ("chronomap-bench-import-" + std::to_string(getpid()));
  fs::create_directories(scratch);
  for (int i = 1; i < argc; ++i) {
    const fs::path file = argv[i];
    const long rows = count_rows(file);
    const fs::path db = scratch / "events.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    const Run ours = in_child([&] {
      try {
        auto store = chronomap::store::EventStore::open(db);
        const auto result = chronomap::store::import_file(store, file);
        return result.inserted == rows ? 0 : 3;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
      }
    });
    const fs::path baseline_db = scratch / "baseline.db";
    fs::remove(baseline_db);
    const std::string command = "sqlite3 '" + baseline_db.string() + "' -cmd '.mode csv' '.import " + file.string() +
                                " acled' >/dev/null";
    const Run baseline = in_child([&] { return std::system(command.c_str()) == 0 ? 0 : 1; });
    std::printf("%s: %ld rows\n", file.filename().c_str(), rows);
    std::printf("  chronomap import: %s %.2f s, %.0f rows/s, peak %ld MiB\n", ours.ok ? "" : "(FAILED)",
                ours.seconds, static_cast<double>(rows) / ours.seconds, ours.peak_mib);
    std::printf("  sqlite3 .import:  %s %.2f s, %.0f rows/s, peak %ld MiB\n", baseline.ok ? "" : "(FAILED)",
                baseline.seconds, static_cast<double>(rows) / baseline.seconds, baseline.peak_mib);
    std::printf("  ratio: chronomap takes %.1fx sqlite3's time\n", ours.seconds / baseline.seconds);
  }
  fs::remove_all(scratch);
  return 0;
}
