// The CSV read-ahead gives what the reader alone gives: the same rows with the same
// lines, the reader's error after every row before it, the same fingerprint, and it
// stops when an import gives up half-way.
#include "store/read_ahead.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "unit/store/store_fixture.hpp"

namespace chronomap::store {
namespace {

struct Read {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::int64_t> lines;
  std::string error;
};

template <typename Next, typename Line>
Read read_all(Next next, Line line) {
  Read out;
  Row row;
  try {
    while (next(row)) {
      std::vector<std::string> values;
      for (std::size_t i = 0; i < row.size(); ++i) values.emplace_back(row.value(static_cast<int>(i)).value_or("(absent)"));
      out.rows.push_back(std::move(values));
      out.lines.push_back(line());
    }
  } catch (const InputError& e) {
    out.error = e.what();
  }
  return out;
}

class ReadAhead : public StoreFixture {
 protected:
  // `rows` records over several batches; every 97th has a quoted field spanning two
  // lines, every 89th a missing last field; `broken_at` (1-based record) a NUL byte.
  std::filesystem::path write(int rows, int broken_at = 0) {
    std::string csv = "id,text,n\n";
    for (int i = 1; i <= rows; ++i) {
      const auto n = std::to_string(i);
      if (i == broken_at) csv += n + ",bro" + std::string(1, '\0') + "ken," + n + "\n";
      else if (i % 97 == 0) csv += n + ",\"two\nlines, \"\"quoted\"\"\"," + n + "\n";
      else if (i % 89 == 0) csv += n + ",short\n";
      else csv += n + ",row " + n + "," + n + "\n";
    }
    const auto path = dir() / ("rows_" + std::to_string(rows) + "_" + std::to_string(broken_at) + ".csv");
    std::ofstream(path, std::ios::binary) << csv;
    return path;
  }
};

TEST_F(ReadAhead, GivesTheReadersRowsLinesAndFingerprint) {
  const auto file = write(5000);
  CsvReader alone(file);
  const auto expected = read_all([&](Row& r) { return alone.next(r); }, [&] { return alone.line(); });
  CsvReader reader(file);
  Read got;
  {
    CsvReadAhead ahead(reader);
    got = read_all([&](Row& r) { return ahead.next(r); }, [&] { return ahead.line(); });
    Row after;
    EXPECT_FALSE(ahead.next(after)) << "the end stays the end";
    EXPECT_EQ(ahead.bytes_read(), static_cast<std::int64_t>(std::filesystem::file_size(file)));
  }
  ASSERT_EQ(got.rows.size(), 5000u);
  EXPECT_EQ(got.rows, expected.rows);
  EXPECT_EQ(got.lines, expected.lines);
  EXPECT_EQ(got.rows[96][1], "two\nlines, \"quoted\"");
  EXPECT_EQ(got.rows[88][2], "(absent)");
  EXPECT_EQ(reader.sha256_hex(), alone.sha256_hex());
}

TEST_F(ReadAhead, ThrowsTheReadersErrorAfterTheRowsBeforeIt) {
  const auto file = write(3000, 1500);
  CsvReader alone(file);
  const auto expected = read_all([&](Row& r) { return alone.next(r); }, [&] { return alone.line(); });
  ASSERT_FALSE(expected.error.empty());
  CsvReader reader(file);
  CsvReadAhead ahead(reader);
  const auto got = read_all([&](Row& r) { return ahead.next(r); }, [&] { return ahead.line(); });
  EXPECT_EQ(got.rows.size(), 1499u);
  EXPECT_EQ(got.rows, expected.rows);
  EXPECT_EQ(got.error, expected.error);
  Row after;
  EXPECT_FALSE(ahead.next(after)) << "nothing after the error";
}

TEST_F(ReadAhead, StopsWhenTheImportGivesUp) {
  const auto file = write(20000);
  CsvReader reader(file);
  {
    CsvReadAhead ahead(reader);
    Row row;
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(ahead.next(row));
    EXPECT_EQ(row.value(0), "10");
  }  // joins the thread, which waits for a free batch: a hang fails the test by its timeout
}

}  // namespace
}  // namespace chronomap::store
