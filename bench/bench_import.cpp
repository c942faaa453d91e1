// chronomap_bench_import [--rounds N] FILE...: imports each file into a fresh event
// store and prints rows per second and peak memory, next to sqlite3's own `.import` of
// the same file into a plain table (no validation, no indexes) as the baseline ratio,
// and `ogr2ogr -f SQLite` of it when gdal-bin is installed. For an ACLED file it also
// times sqlite3 building what makes chronomap's store searchable, after its `.import`:
// the unique id index, the date and position indexes and an FTS5 index of the same
// four texts (title, notes, actors, place), the least SQLite itself takes to hold the
// same rows searchable. Each import runs in a
// child process so its peak memory is its own; with --rounds the three run in turn,
// round after round, so a neighbour's load falls on all of them alike.
// Generate files with chronomap_generate_acled; see bench/import.sh.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
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
  double cpu_seconds = 0;  // user + system: less shaken than wall time by a busy neighbour
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
  const auto cpu = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return {std::chrono::duration<double>(Clock::now() - start).count(), cpu(usage.ru_utime) + cpu(usage.ru_stime),
          usage.ru_maxrss / 1024, 0, WIFEXITED(status) && WEXITSTATUS(status) == 0};
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

bool is_acled(const fs::path& csv) {
  std::FILE* f = std::fopen(csv.c_str(), "rb");
  char header[1024] = {};
  const bool read = f != nullptr && std::fgets(header, sizeof header, f) != nullptr;
  if (f != nullptr) std::fclose(f);
  const std::string line = read ? header : "";
  for (const char* column : {"event_id_cnty", "event_date", "sub_event_type", "location", "notes", "actor1",
                             "actor2", "latitude", "longitude"})
    if (line.find(column) == std::string::npos) return false;
  return true;
}

// sqlite3's script for the .import and the indexes chronomap's store has (the FTS5
// hash as large as chronomap's fill uses).
std::string indexed_import_script(const fs::path& csv) {
  return ".mode csv\n.import '" + csv.string() + "' acled\n" +
         "BEGIN;\n"
         "CREATE UNIQUE INDEX acled_id ON acled(event_id_cnty);\n"
         "CREATE INDEX acled_date ON acled(event_date);\n"
         "CREATE INDEX acled_position ON acled(longitude, latitude);\n"
         "CREATE VIRTUAL TABLE acled_fts USING fts5(title, notes, actors, place, content='', "
         "tokenize='unicode61 remove_diacritics 2');\n"
         "INSERT INTO acled_fts(acled_fts, rank) VALUES ('hashsize', 16777216);\n"
         "INSERT INTO acled_fts(rowid, title, notes, actors, place) SELECT rowid, sub_event_type || ' in ' || "
         "location, notes, actor1 || ';' || actor2, location FROM acled;\n"
         "COMMIT;\n";
}

bool have_ogr2ogr() { return std::system("command -v ogr2ogr >/dev/null 2>&1") == 0; }

void print_run(const char* what, const Run& run, long rows) {
  std::printf("  %-18s %s%.2f s (CPU %.2f s), %.0f rows/s, peak %ld MiB\n", what, run.ok ? "" : "(FAILED) ",
              run.seconds, run.cpu_seconds, static_cast<double>(rows) / run.seconds, run.peak_mib);
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 1, first = 1;
  if (argc > 2 && std::string(argv[1]) == "--rounds") {
    rounds = std::max(1, std::atoi(argv[2]));
    first = 3;
  }
  if (first >= argc) {
    std::fprintf(stderr, "usage: chronomap_bench_import [--rounds N] FILE.csv...\n");
    return 2;
  }
  const fs::path scratch = fs::temp_directory_path() / ("chronomap-bench-import-" + std::to_string(getpid()));
  fs::create_directories(scratch);
  const bool ogr = have_ogr2ogr();
  for (int round = 1; round <= rounds; ++round) {
    for (int i = first; i < argc; ++i) {
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
      const std::string command = "sqlite3 '" + baseline_db.string() + "' -cmd '.mode csv' '.import " +
                                  file.string() + " acled' >/dev/null";
      const Run baseline = in_child([&] { return std::system(command.c_str()) == 0 ? 0 : 1; });
      Run indexed;
      const bool acled = is_acled(file);
      if (acled) {
        const fs::path indexed_db = scratch / "indexed.db";
        const fs::path script = scratch / "indexed.sql";
        fs::remove(indexed_db);
        if (std::FILE* out = std::fopen(script.c_str(), "wb")) {
          std::fputs(indexed_import_script(file).c_str(), out);
          std::fclose(out);
        }
        const std::string indexed_command =
            "sqlite3 '" + indexed_db.string() + "' < '" + script.string() + "' >/dev/null";
        indexed = in_child([&] { return std::system(indexed_command.c_str()) == 0 ? 0 : 1; });
      }
      Run gdal;
      if (ogr) {
        const fs::path ogr_db = scratch / "ogr.db";
        fs::remove(ogr_db);
        const std::string ogr_command =
            "ogr2ogr -f SQLite '" + ogr_db.string() + "' '" + file.string() + "' >/dev/null 2>&1";
        gdal = in_child([&] { return std::system(ogr_command.c_str()) == 0 ? 0 : 1; });
      }
      std::printf("%s: %ld rows (round %d of %d)\n", file.filename().c_str(), rows, round, rounds);
      print_run("chronomap import:", ours, rows);
      print_run("sqlite3 .import:", baseline, rows);
      if (acled) print_run("sqlite3 + indexes:", indexed, rows);
      if (ogr) print_run("ogr2ogr -f SQLite:", gdal, rows);
      std::printf("  ratio: chronomap takes %.2fx sqlite3's time (CPU %.2fx)", ours.seconds / baseline.seconds,
                  ours.cpu_seconds / baseline.cpu_seconds);
      if (acled)
        std::printf(", %.2fx sqlite3 + indexes' (CPU %.2fx)", ours.seconds / indexed.seconds,
                    ours.cpu_seconds / indexed.cpu_seconds);
      if (ogr)
        std::printf(", %.2fx ogr2ogr's (CPU %.2fx)", ours.seconds / gdal.seconds, ours.cpu_seconds / gdal.cpu_seconds);
      std::printf("; peak RSS %ld MiB\n", ours.peak_mib);
      std::fflush(stdout);
    }
  }
  fs::remove_all(scratch);
  return 0;
}
