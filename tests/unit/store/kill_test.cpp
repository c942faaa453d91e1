// A killed import leaves the store as it was: a child process imports a large file
// and is killed with SIGKILL mid-way, while it writes rows and while it builds the
// indexes after them; the store then passes its full check (pages, spatial and search
// index), holds exactly the rows it held before, and has its triggers and indexes.
// An import into an empty store writes through a rollback journal (BulkJournal): killed
// while building its indexes, it leaves a hot journal, which a reader opening the store
// first (as the window does) rolls back.
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

  // Replaces the store with an empty one: the import then writes through a rollback
  // journal, with a page cache small enough to write pages into the store before the
  // commit (what a big file does with the import's usual cache).
  void start_empty() {
    cache_kib_ = 2048;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_.string() + suffix);
    EventStore::open(db_);
    before_ = 0;
  }

  // Imports the big file in a child that calls `at_rows(rows)` on each progress report.
  template <typename AtRows>
  pid_t start_import(AtRows at_rows) {
    auto opts = options();
    opts.cache_kib = cache_kib_;
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

  // Kills the import once it has reported its last rows, while it builds the indexes.
  void kill_while_indexing() {
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
  }

  void expect_store_as_before() {
    auto store = EventStore::open(db_, EventStore::OpenMode::existing);
    EXPECT_EQ(store.event_count(), before_);
    const std::size_t sets = before_ > 0 ? 1 : 0, found = before_ > 0 ? 1 : 0;
    EXPECT_EQ(store.datasets().size(), sets);
    EXPECT_EQ(store.check(), std::vector<std::string>{});
    EXPECT_EQ(store.database().query_int(
                  "SELECT count(*) FROM sqlite_master WHERE name IN ('events_fts_insert', 'events_fts_update', "
                  "'events_fts_delete', 'events_by_start', 'events_by_position')"),
              5);
    EventFilter text;
    text.text = "heavy";
    EXPECT_EQ(store.query(text).size(), found);
    EventFilter box;
    box.bbox = geo::Extent{-4, 16, -2, 17};  // Timbuktu
    EXPECT_EQ(store.query(box).size(), found);
  }

  std::filesystem::path db_, big_;
  std::int64_t before_ = 0;
  std::int64_t cache_kib_ = EventWriter::kBulkCacheKiB;
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
  kill_while_indexing();
  expect_store_as_before();
}

TEST_F(KillDuringImport, IntoAnEmptyStoreLeavesItEmptyForAReaderFirst) {
  start_empty();
  kill_while_indexing();
  ASSERT_TRUE(std::filesystem::exists(db_.string() + "-journal")) << "no rollback journal: the import kept WAL";
  ASSERT_GT(std::filesystem::file_size(db_), 8u << 20) << "the import wrote no pages into the store before its commit";
  {
    auto reader = EventStore::open(db_, EventStore::OpenMode::read_only);
    EXPECT_EQ(reader.event_count(), 0);
  }
  expect_store_as_before();
  auto store = EventStore::open(db_, EventStore::OpenMode::existing);
  EXPECT_EQ(store.database().query_int("SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
}

}  // namespace
}  // namespace chronomap::store
