// A killed import leaves the store as it was: a child process imports a large file
// and is killed with SIGKILL mid-way; the store then passes its integrity check and
// holds exactly the rows it held before.
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

#include "unit/store/store_fixture.hpp"

namespace chronomap::store {
namespace {

class KillDuringImport : public StoreFixture {};

TEST_F(KillDuringImport, StoreIsAsItWasBefore) {
  const auto db = dir() / "store.db";
  const auto big = dir() / "big.csv";
  {
    std::ofstream out(big);
    out << "id,date,title,notes,lat,lon,country\n";
    for (int i = 0; i < 400'000; ++i)
      out << "k" << i << ",2024-0" << (1 + i % 9) << "-1" << (i % 9) << ",Event " << i
          << ",Some notes to index for row " << i << "," << (i % 170) * 0.5 - 42 << "," << (i % 350) - 175.0 << ",MLI\n";
  }
  std::int64_t before = 0;
  {
    auto store = EventStore::open(db);
    import_file(store, data("import/acled.csv"), options());
    before = store.event_count();
  }
  auto opts = options();
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    try {
      auto store = EventStore::open(db);
      import_file(store, big, opts);
    } catch (...) {
    }
    _exit(0);
  }
  // Kill it once the import is well under way: the WAL grows as pages are written.
  const auto wal = db.string() + "-wal";
  for (int i = 0; i < 600; ++i) {
    std::error_code ec;
    if (std::filesystem::file_size(wal, ec) > 4'000'000) break;
    usleep(10'000);
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the import finished before it was killed; make the file bigger";
  auto store = EventStore::open(db, EventStore::OpenMode::existing);  // runs the integrity check
  EXPECT_EQ(store.event_count(), before);
  EXPECT_EQ(store.datasets().size(), 1u);
  EXPECT_EQ(store.database().query_int("SELECT count(*) FROM events_rtree"), before);
}

}  // namespace
}  // namespace chronomap::store
