// Importer cases as data: tests/data/import/cases.txt lists each file with the rows it
// must give or the error (line and message) it must raise, leaving the store as it was.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "core/error.hpp"
#include "store/import.hpp"
#include "store/values.hpp"
#include "unit/store/store_fixture.hpp"

namespace chronomap::store {
namespace {

struct ImportCase {
  std::string file;
  bool expect_error = false;
  std::int64_t rows = 0;
  std::string line;  // "0" when the message has no line
  std::string pattern;
};

std::vector<ImportCase> read_cases() {
  std::ifstream in(std::string(CHRONOMAP_TEST_DATA) + "/import/cases.txt");
  std::vector<ImportCase> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto bar = line.find('|');
    ImportCase c;
    c.file = trim_blanks(line.substr(0, bar));
    std::istringstream expect(std::string(trim_blanks(line.substr(bar + 1))));
    std::string word;
    expect >> word;
    if (word == "rows") {
      expect >> c.rows;
    } else {
      c.expect_error = true;
      expect >> c.line;
      std::getline(expect, c.pattern);
      c.pattern = std::string(trim_blanks(c.pattern));
    }
    cases.push_back(c);
  }
  return cases;
}

// Files too big or too odd to keep in the repository.
std::filesystem::path make_file(const std::string& name, const std::filesystem::path& dir) {
  auto path = dir / name;
  std::ofstream out(path, std::ios::binary);
  if (name == "long_line.csv") {
    out << "date,title,lat,lon\n2025-08-14," << std::string(5'000'000, 'a') << ",1,1\n";
  } else if (name == "binary.csv") {
    for (int i = 0; i < 4096; ++i) out.put(static_cast<char>(i % 256));
  }
  return path;
}

class ImportCases : public StoreFixture {};

TEST_F(ImportCases, EachFileGivesItsRowsOrItsError) {
  const auto cases = read_cases();
  ASSERT_GE(cases.size(), 20u);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    auto store = open_store();
    const auto before = store.event_count();
    const auto path = c.file[0] == '@' ? make_file(c.file.substr(1), dir())
                                       : std::filesystem::path(CHRONOMAP_TEST_DATA) / "import" / c.file;
    if (c.expect_error) {
      try {
        import_file(store, path, options());
        ADD_FAILURE() << "imported without an error";
      } catch (const InputError& e) {
        const std::string message = e.what();
        std::string where = path.string();
        if (c.line != "0") where.append(":").append(c.line);
        where.append(": ");
        EXPECT_EQ(message.rfind(where, 0), 0u) << message;
        EXPECT_TRUE(std::regex_search(message, std::regex(c.pattern, std::regex::extended))) << message;
        EXPECT_EQ(message.find('\n'), std::string::npos) << "one line";
      }
      EXPECT_EQ(store.event_count(), before) << "the store is unchanged";
      EXPECT_EQ(store.datasets().size(), 0u);
    } else {
      const auto result = import_file(store, path, options());
      EXPECT_EQ(result.inserted, c.rows);
      EXPECT_EQ(store.event_count(), before + c.rows);
    }
  }
}

}  // namespace
}  // namespace chronomap::store
