// Runs one render case (a folder: args, expected.png, optional allowance, probes, env,
// same_as, import): renders it with `chronomap render`, compares with the expected image and
// checks the probed pixels. See README.md beside this file.
// Usage: chronomap_render_runner CHRONOMAP CASE_DIR DATA_DIR OUT_DIR [--rebaseline]
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/image.hpp"

namespace fs = std::filesystem;
using chronomap::Image;
using chronomap::Rgba;

namespace {

constexpr int kPixelThreshold = 16;        // a pixel differs when a channel moves more than this
constexpr double kDefaultAllowance = 0.5;  // percent of pixels allowed to differ

std::vector<std::string> read_lines(const fs::path& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    if (line.find_first_not_of(" \t\r") != std::string::npos) lines.push_back(line);
  }
  return lines;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out.append("'\\''");
    } else {
      out.push_back(c);
    }
  }
  out.push_back('\'');
  return out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

int channel_difference(Rgba a, Rgba b) {
  return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b), std::abs(a.a - b.a)});
}

// Differing pixels in red over a faded copy of the expected image.
Image diff_image(const Image& expected, const Image& actual, long& differing) {
  Image diff(expected.width(), expected.height());
  differing = 0;
  for (int y = 0; y < expected.height(); ++y) {
    for (int x = 0; x < expected.width(); ++x) {
      const Rgba e = expected.pixel(x, y);
      if (channel_difference(e, actual.pixel(x, y)) > kPixelThreshold) {
        ++differing;
        diff.set_pixel(x, y, {255, 0, 0, 255});
      } else {
        const auto grey = static_cast<std::uint8_t>(191 + (e.r + e.g + e.b) / 12);
        diff.set_pixel(x, y, {grey, grey, grey, 255});
      }
    }
  }
  return diff;
}

// Checks every probe (`x y r g b tolerance`); returns the number that failed.
int check_probes(const fs::path& file, const Image& image) {
  int failed = 0;
  for (const auto& line : read_lines(file)) {
    std::istringstream in(line);
    int x = 0, y = 0, r = 0, g = 0, b = 0, tolerance = 0;
    if (!(in >> x >> y >> r >> g >> b >> tolerance)) {
      std::fprintf(stderr, "%s: malformed probe '%s'\n", file.c_str(), line.c_str());
      ++failed;
      continue;
    }
    if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
      std::fprintf(stderr, "%s: probe %d,%d is outside the %dx%d image\n", file.c_str(), x, y, image.width(),
                   image.height());
      ++failed;
      continue;
    }
    const Rgba p = image.pixel(x, y);
    const Rgba want{static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g), static_cast<std::uint8_t>(b), 255};
    if (channel_difference(p, want) > tolerance) {
      std::fprintf(stderr, "probe at %d,%d: got rgb(%d,%d,%d), expected rgb(%d,%d,%d) within %d  [%s]\n", x, y, p.r, p.g,
                   p.b, r, g, b, tolerance, line.c_str());
      ++failed;
    }
  }
  return failed;
}

int run_case(const fs::path& chronomap, const fs::path& case_dir, const fs::path& data_dir, const fs::path& out_dir,
             bool rebaseline) {
  const std::string name = case_dir.filename().string();
  fs::create_directories(out_dir);
  const fs::path actual_path = out_dir / "actual.png", diff_path = out_dir / "diff.png";
  fs::remove(actual_path);
  fs::remove(diff_path);

  // The env file sets variables for this case only (e.g. CHRONOMAP_MAX_TILE=256).
  if (fs::exists(case_dir / "env")) {
    for (const auto& line : read_lines(case_dir / "env")) {
      std::istringstream in(line);
      std::string assignment;
      in >> assignment;
      const auto eq = assignment.find('=');
      if (eq != std::string::npos) setenv(assignment.substr(0, eq).c_str(), assignment.substr(eq + 1).c_str(), 1);
    }
  }
  // The import file names event files for a store of the case's own (@STORE@),
  // made afresh each run.
  const fs::path store = out_dir / "store.db";
  if (fs::exists(case_dir / "import")) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(store.string() + suffix);
    for (const auto& line : read_lines(case_dir / "import")) {
      std::istringstream in(line);
      std::string file;
      in >> file;
      replace_all(file, "@DATA@", data_dir.string());
      const std::string import = shell_quote(chronomap.string()) + " import " + shell_quote(file) + " --data " +
                                 shell_quote(store.string()) + " > /dev/null";
      const int imported = std::system(import.c_str());
      if (imported == -1 || !WIFEXITED(imported) || WEXITSTATUS(imported) != 0) {
        std::fprintf(stderr, "%s: importing %s failed (status %d)\n", name.c_str(), file.c_str(), imported);
        return 1;
      }
    }
  }
  std::string command = shell_quote(chronomap.string()) + " render --out " + shell_quote(actual_path.string());
  for (const auto& line : read_lines(case_dir / "args")) {
    std::istringstream in(line);
    for (std::string arg; in >> arg;) {
      replace_all(arg, "@DATA@", data_dir.string());
      replace_all(arg, "@STORE@", store.string());
      command.push_back(' ');
      command.append(shell_quote(arg));
    }
  }
  std::printf("%s\n", command.c_str());
  std::fflush(stdout);
  const int status = std::system(command.c_str());
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "%s: chronomap render failed (status %d)\n", name.c_str(), status);
    return 1;
  }
  const Image actual = chronomap::read_png(actual_path);

  int failed = fs::exists(case_dir / "probes") ? check_probes(case_dir / "probes", actual) : 0;
  if (failed > 0) std::fprintf(stderr, "%s: %d probe(s) failed; see %s\n", name.c_str(), failed, actual_path.c_str());

  // A case may share another case's expected image (a tiled render equals an untiled one).
  fs::path expected_path = case_dir / "expected.png";
  if (fs::exists(case_dir / "same_as")) {
    std::istringstream same_as(read_lines(case_dir / "same_as").at(0));
    std::string other;
    same_as >> other;
    expected_path = case_dir.parent_path() / other / "expected.png";
  }
  if (rebaseline) {
    if (failed > 0) {
      std::fprintf(stderr, "%s: not rebaselined: fix the probes first\n", name.c_str());
      return 1;
    }
    if (fs::exists(case_dir / "same_as")) {
      std::printf("%s: shares %s, nothing to rewrite\n", name.c_str(), expected_path.c_str());
    } else {
      fs::copy_file(actual_path, expected_path, fs::copy_options::overwrite_existing);
      std::printf("%s: REBASELINED %s (look at it before committing)\n", name.c_str(), expected_path.c_str());
      return 0;
    }
  }
  if (!fs::exists(expected_path)) {
    std::fprintf(stderr, "%s: no %s; create it with CHRONOMAP_REBASELINE=1 (actual: %s)\n", name.c_str(),
                 expected_path.c_str(), actual_path.c_str());
    return 1;
  }
  const Image expected = chronomap::read_png(expected_path);
  if (expected.width() != actual.width() || expected.height() != actual.height()) {
    std::fprintf(stderr, "%s: size %dx%d, expected %dx%d (actual: %s)\n", name.c_str(), actual.width(), actual.height(),
                 expected.width(), expected.height(), actual_path.c_str());
    return 1;
  }
  double allowance = kDefaultAllowance;
  if (fs::exists(case_dir / "allowance")) allowance = std::stod(read_lines(case_dir / "allowance").at(0));
  long differing = 0;
  const Image diff = diff_image(expected, actual, differing);
  const double percent = 100.0 * static_cast<double>(differing) / (static_cast<double>(actual.width()) * actual.height());
  std::printf("%s: %.3f%% of pixels differ (allowed %.3f%%)\n", name.c_str(), percent, allowance);
  if (percent > allowance) {
    chronomap::write_png(diff_path, diff);
    std::fprintf(stderr, "%s: %.3f%% of pixels differ, more than the %.3f%% allowed\n  actual: %s\n  diff:   %s\n",
                 name.c_str(), percent, allowance, actual_path.c_str(), diff_path.c_str());
    ++failed;
  }
  return failed > 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: %s CHRONOMAP CASE_DIR DATA_DIR OUT_DIR [--rebaseline]\n", argv[0]);
    return 2;
  }
  const char* env = std::getenv("CHRONOMAP_REBASELINE");
  const bool rebaseline = (argc > 5 && std::string(argv[5]) == "--rebaseline") || (env != nullptr && *env == '1');
  try {
    return run_case(argv[1], argv[2], argv[3], argv[4], rebaseline);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", argv[2], e.what());
    return 1;
  }
}
