// A killed import leaves the store as it was: a child process imports a large file
// and is killed with SIGKILL mid-way, while it writes rows and while it builds the
// indexes after them; the store then passes its full check (pages, spatial and search
// index), holds exactly the rows it held before, and has its triggers and indexes.
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

#include "unit/store/store_fixture.hpp"

namespace chronomap::store {
namespace {

constexpr int kRows = 400'000;

class KillDuringImport : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    db_ = dir() / "store.db";
    big_ = dir() / "big.csv";
    std::ofstream out(big_);
    out << "id,date,title,notes,lat,lon,country\n";
    for (int i = 0; i < kRows; ++i)
      out << "k" << i << ",2024-0" << (1 + i % 9) << "-1" << (i % 9) << ",Event " << i
          << ",Some notes to index for row " << i << "," << (i % 170) * 0.5 - 42 << "," << (i % 350) - 175.0 << ",MLI\n";
    out.close();
    auto store = EventStore::open(db_);
    import_file(store, data("import/acled.csv"), options());
    before_ = store.event_count();
  }

  // Imports the big file in a child that calls `at_rows(rows)` on each progress report.
  template <typename AtRows>
  pid_t start_import(AtRows at_rows) {
    auto opts = options();
    const pid_t child = fork();
    if (child == 0) {
      try {
        auto store = EventStore::open(db_);
        opts.progress = [&](std::int64_t rows, std::int64_t) { at_rows(rows); };
        import_file(store, big_, opts);
      } catch (...) {
      }
      _exit(0);
    }
    return child;
  }

  void expect_store_as_before() {
    auto store = EventStore::open(db_, EventStore::OpenMode::existing);
    EXPECT_EQ(store.event_count(), before_);
    EXPECT_EQ(store.datasets().size(), 1u);
    EXPECT_EQ(store.check(), std::vector<std::string>{});
    EXPECT_EQ(store.database().query_int(
                  "SELECT count(*) FROM sqlite_master WHERE name IN ('events_fts_insert', 'events_fts_update', "
                  "'events_fts_delete', 'events_by_start', 'events_by_position')"),
              5);
    EventFilter text;
    text.text = "heavy";
    EXPECT_EQ(store.query(text).size(), 1u);
    EventFilter box;
    box.bbox = geo::Extent{-4, 16, -2, 17};  // Timbuktu
    EXPECT_EQ(store.query(box).size(), 1u);
  }

  std::filesystem::path db_, big_;
  std::int64_t before_ = 0;
};

TEST_F(KillDuringImport, WhileWritingRowsLeavesTheStoreAsItWas) {
  const pid_t child = start_import([](std::int64_t rows) {
    if (rows >= kRows / 2) raise(SIGKILL);
  });
  ASSERT_GE(child, 0);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  expect_store_as_before();
}

TEST_F(KillDuringImport, WhileBuildingIndexesLeavesTheStoreAsItWas) {
  // The child says when it reports its last rows; the indexes are built after them.
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  const pid_t child = start_import([&](std::int64_t rows) {
    if (rows + 1024 > kRows) (void)!write(pipe_fds[1], "x", 1);
  });
  ASSERT_GE(child, 0);
  close(pipe_fds[1]);
  char byte = 0;
  ASSERT_EQ(read(pipe_fds[0], &byte, 1), 1);
  close(pipe_fds[0]);
  usleep(50'000);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the import finished before it was killed; make the file bigger";
  expect_store_as_before();
}

}  // namespace
}  // namespace chronomap::store
