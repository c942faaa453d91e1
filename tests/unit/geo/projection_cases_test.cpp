// Runs every projection case file in tests/data/projection (format: README.md there):
// one test per file, each line a point with its expected x/y from PROJ's cs2cs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "geo/projection.hpp"

namespace chronomap::geo {
namespace {

namespace fs = std::filesystem;

const fs::path kCaseDir = fs::path(CHRONOMAP_TEST_DATA) / "projection";

std::vector<std::string> case_files() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCaseDir))
    if (entry.path().extension() == ".txt") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string trim(std::string s) {
  const auto hash = s.find('#');
  if (hash != std::string::npos) s.erase(hash);
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// Runs the cases of one file; every failure names the file and line.
class CaseFile {
 public:
  explicit CaseFile(const std::string& name) : path_(kCaseDir / (name + ".txt")) {}

  void run() {
    std::ifstream in(path_);
    ASSERT_TRUE(in) << "cannot read " << path_;
    std::string raw;
    while (std::getline(in, raw)) {
      ++line_number_;
      const std::string line = trim(raw);
      if (line.empty()) continue;
      SCOPED_TRACE(path_.filename().string() + ":" + std::to_string(line_number_) + ": " + line);
      if (line.starts_with("projection ")) {
        open_projection(trim(line.substr(11)));
      } else if (line == "expect failure") {
        EXPECT_TRUE(refused_) << "'" << spec_ << "' was accepted but should be refused";
        ++cases_;
      } else {
        point_case(line);
      }
    }
    EXPECT_GT(cases_, 0) << path_ << " holds no case";
  }

 private:
  void open_projection(const std::string& spec) {
    spec_ = spec;
    projection_.reset();
    refused_ = false;
    try {
      projection_.emplace(spec);
    } catch (const UsageError& e) {
      refused_ = true;
      // The message is what a user reads: it names what they typed.
      EXPECT_NE(std::string(e.what()).find(spec), std::string::npos) << e.what();
    }
  }

  void point_case(const std::string& line) {
    std::istringstream fields(line);
    LonLat in;
    std::string arrow, first;
    ASSERT_TRUE(fields >> in.lon >> in.lat >> arrow >> first && arrow == "->") << "malformed case line";
    ASSERT_TRUE(projection_.has_value()) << "'" << spec_ << "' was refused; its point cases cannot run";
    ++cases_;
    XY out;
    if (first == "failure") {
      EXPECT_FALSE(projection_->forward(in, out)) << "expected no image, got " << out.x << " " << out.y;
      return;
    }
    XY expected;
    double tolerance = 0;
    std::string flag;
    expected.x = std::stod(first);
    ASSERT_TRUE(fields >> expected.y >> tolerance) << "malformed case line";
    fields >> flag;
    ASSERT_TRUE(projection_->forward(in, out)) << "no image for " << in.lon << " " << in.lat;
    EXPECT_NEAR(out.x, expected.x, tolerance);
    EXPECT_NEAR(out.y, expected.y, tolerance);
    if (flag == "clamped") return;
    ASSERT_TRUE(flag.empty()) << "unknown flag '" << flag << "'";
    LonLat back;
    ASSERT_TRUE(projection_->inverse(out, back));
    EXPECT_NEAR(back.lat, in.lat, 1e-7);
    if (std::abs(in.lat) < 90 - 1e-9) {
      EXPECT_NEAR(std::remainder(back.lon - in.lon, 360.0), 0.0, 1e-7);
    }
  }

  fs::path path_;
  int line_number_ = 0;
  int cases_ = 0;
  std::string spec_;
  std::optional<Projection> projection_;
  bool refused_ = false;
};

class ProjectionCases : public testing::TestWithParam<std::string> {};

TEST_P(ProjectionCases, MatchCs2cs) { CaseFile(GetParam()).run(); }

INSTANTIATE_TEST_SUITE_P(Files, ProjectionCases, testing::ValuesIn(case_files()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
                           return name;
                         });

TEST(ProjectionCaseFiles, CoverEveryNamedProjection) {
  const auto files = case_files();
  for (const auto& named : named_projections())
    EXPECT_NE(std::find(files.begin(), files.end(), named.id), files.end()) << "no case file for " << named.id;
  EXPECT_NE(std::find(files.begin(), files.end(), "failures"), files.end());
}

}  // namespace
}  // namespace chronomap::geo
