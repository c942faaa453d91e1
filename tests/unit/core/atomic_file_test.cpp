// Atomic writes: the final name only ever holds a complete file.
#include "core/atomic_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <algorithm>
#include <fstream>
#include <vector>
#include <sstream>

#include "core/error.hpp"
#include "core/image.hpp"

namespace chronomap {
namespace {
namespace fs = std::filesystem;

class AtomicFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("chronomap-atomic-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path dir_;
};

TEST_F(AtomicFile, WritesAndReplaces) {
  write_file_atomically(dir_ / "a.txt", "first");
  write_file_atomically(dir_ / "a.txt", "second");
  EXPECT_EQ(read(dir_ / "a.txt"), "second");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1) << "no temporary left behind";
}

TEST_F(AtomicFile, AFailedWriteKeepsTheOldFileAndLeavesNoTemporary) {
  write_file_atomically(dir_ / "a.txt", "old");
  EXPECT_THROW(write_atomically(dir_ / "a.txt",
                                [](const fs::path& tmp) {
                                  std::ofstream(tmp) << "half";
                                  throw Error("disk full");
                                }),
               Error);
  EXPECT_EQ(read(dir_ / "a.txt"), "old");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(AtomicFile, AMissingDirectoryIsAClearError) {
  try {
    write_file_atomically(dir_ / "nope" / "a.txt", "x");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
  }
}

// The message of the error `f` throws, or "" when it throws none.
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST_F(AtomicFile, AFifoIsRefusedAndStaysAFifo) {
  const fs::path fifo = dir_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  const std::string message = error_of([&] { write_file_atomically(fifo, "x"); });
  EXPECT_NE(message.find("is a FIFO (named pipe), not a regular file"), std::string::npos) << message;
  EXPECT_THROW(check_output_target(fifo), UsageError);
  EXPECT_TRUE(fs::is_fifo(fs::symlink_status(fifo)));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1) << "no temporary left behind";
}

TEST_F(AtomicFile, ADirectoryIsRefused) {
  fs::create_directory(dir_ / "sub");
  const std::string message = error_of([&] { write_file_atomically(dir_ / "sub", "x"); });
  EXPECT_NE(message.find("is a directory, not a regular file"), std::string::npos) << message;
  EXPECT_TRUE(fs::is_directory(dir_ / "sub"));
}

TEST_F(AtomicFile, ADeviceIsRefusedAndStaysADevice) {
  EXPECT_THROW(check_output_target("/dev/null"), UsageError);
  const std::string message = error_of([] { write_file_atomically("/dev/null", "x"); });
  EXPECT_NE(message.find("is a character device"), std::string::npos) << message;
  EXPECT_TRUE(fs::is_character_file(fs::symlink_status("/dev/null")));
}

TEST_F(AtomicFile, ASymlinkIsWrittenThroughAndStaysALink) {
  fs::create_directory(dir_ / "real");
  write_file_atomically(dir_ / "real" / "a.txt", "old");
  fs::permissions(dir_ / "real" / "a.txt", fs::perms(0600));
  fs::create_symlink("real/a.txt", dir_ / "link");
  write_file_atomically(dir_ / "link", "new");
  EXPECT_TRUE(fs::is_symlink(dir_ / "link"));
  EXPECT_EQ(read(dir_ / "real" / "a.txt"), "new");
  EXPECT_EQ(fs::status(dir_ / "real" / "a.txt").permissions(), fs::perms(0600)) << "the mode is kept";
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "real"), fs::directory_iterator()), 1);
}

TEST_F(AtomicFile, ADanglingSymlinkIsWrittenThroughWhenItsDirectoryExists) {
  fs::create_symlink("made.txt", dir_ / "link");
  write_file_atomically(dir_ / "link", "made");
  EXPECT_TRUE(fs::is_symlink(dir_ / "link"));
  EXPECT_EQ(read(dir_ / "made.txt"), "made");
}

TEST_F(AtomicFile, ASymlinkIntoAMissingDirectoryIsRefused) {
  fs::create_symlink(dir_ / "nowhere" / "a.txt", dir_ / "link");
  const std::string message = error_of([&] { write_file_atomically(dir_ / "link", "x"); });
  EXPECT_NE(message.find("does not exist"), std::string::npos) << message;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link"));
}

TEST_F(AtomicFile, ASymlinkToADirectoryIsRefusedAndStaysALink) {
  fs::create_directory(dir_ / "sub");
  fs::create_directory_symlink("sub", dir_ / "link");
  const std::string message = error_of([&] { write_file_atomically(dir_ / "link", "x"); });
  EXPECT_NE(message.find("(a link to"), std::string::npos) << message;
  EXPECT_NE(message.find("is a directory"), std::string::npos) << message;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link"));
}

TEST_F(AtomicFile, AReadOnlyFileIsRefusedEvenForRoot) {
  write_file_atomically(dir_ / "a.txt", "keep");
  fs::permissions(dir_ / "a.txt", fs::perms(0444));
  const std::string message = error_of([&] { write_file_atomically(dir_ / "a.txt", "x"); });
  EXPECT_NE(message.find("is read-only"), std::string::npos) << message;
  EXPECT_EQ(read(dir_ / "a.txt"), "keep");
}

TEST_F(AtomicFile, SameFileFollowsLinksAndNeedsBothToExist) {
  write_file_atomically(dir_ / "a.txt", "a");
  write_file_atomically(dir_ / "b.txt", "b");
  fs::create_symlink("a.txt", dir_ / "link");
  fs::create_hard_link(dir_ / "a.txt", dir_ / "hard");
  EXPECT_TRUE(same_file(dir_ / "a.txt", dir_ / "link"));
  EXPECT_TRUE(same_file(dir_ / "a.txt", dir_ / "hard"));
  EXPECT_TRUE(same_file(dir_ / "a.txt", dir_ / "." / "a.txt"));
  EXPECT_FALSE(same_file(dir_ / "a.txt", dir_ / "b.txt"));
  EXPECT_FALSE(same_file(dir_ / "a.txt", dir_ / "missing"));
  EXPECT_FALSE(same_file(dir_ / "missing", dir_ / "missing"));
}

TEST_F(AtomicFile, CheckingAMissingFileInAnExistingDirectoryPasses) {
  EXPECT_NO_THROW(check_output_target(dir_ / "new.txt"));
  EXPECT_FALSE(fs::exists(dir_ / "new.txt")) << "a check writes nothing";
}

TEST_F(AtomicFile, PngRoundTrip) {
  Image image(3, 2);
  image.set_pixel(0, 0, {255, 0, 0, 255});
  image.set_pixel(2, 1, {0, 0, 255, 128});
  write_png(dir_ / "x.png", image);
  const Image back = read_png(dir_ / "x.png");
  ASSERT_EQ(back.width(), 3);
  ASSERT_EQ(back.height(), 2);
  EXPECT_EQ(back.pixel(0, 0), (Rgba{255, 0, 0, 255}));
  EXPECT_EQ(back.pixel(2, 1), (Rgba{0, 0, 255, 128}));
  image.flip_vertically();
  EXPECT_EQ(image.pixel(0, 1), (Rgba{255, 0, 0, 255}));
}

// A PNG written in blocks of rows holds exactly the image, and the DPI when given.
TEST_F(AtomicFile, PngStreamedInRowBlocksIsLosslessAndCarriesItsDpi) {
  Image image(37, 23);
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      image.set_pixel(x, y, {static_cast<std::uint8_t>(x * 7), static_cast<std::uint8_t>(y * 11),
                             static_cast<std::uint8_t>((x * y) % 256), static_cast<std::uint8_t>(255 - x)});
  const auto stride = static_cast<std::size_t>(image.width()) * 4;
  write_png_rows(
      dir_ / "rows.png", image.width(), image.height(),
      [&](const RowSink& sink) {
        for (int y = 0; y < image.height(); y += 5)
          sink(image.data() + static_cast<std::size_t>(y) * stride, std::min(5, image.height() - y), stride);
      },
      300.0);
  const Image back = read_png(dir_ / "rows.png");
  ASSERT_EQ(back.width(), image.width());
  ASSERT_EQ(back.height(), image.height());
  int differing = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) differing += back.pixel(x, y) == image.pixel(x, y) ? 0 : 1;
  EXPECT_EQ(differing, 0);

  // pHYs: pixels per metre on x and y (300 dpi = 11811), unit 1 (metre).
  const std::string bytes = read(dir_ / "rows.png");
  const auto at = bytes.find("pHYs");
  ASSERT_NE(at, std::string::npos) << "a known DPI is recorded";
  auto be32 = [&](std::size_t i) {
    return (static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 3]));
  };
  EXPECT_EQ(be32(at + 4), 11811u);
  EXPECT_EQ(be32(at + 8), 11811u);
  EXPECT_EQ(bytes[at + 12], 1);

  write_png(dir_ / "plain.png", image);
  EXPECT_EQ(read(dir_ / "plain.png").find("pHYs"), std::string::npos) << "no DPI invented when none is known";
}

TEST_F(AtomicFile, APngThatEndsEarlyIsAnErrorAndLeavesNoFile) {
  const std::vector<std::uint8_t> row(16 * 4, 200);
  EXPECT_THROW(
      write_png_rows(dir_ / "short.png", 16, 10, [&](const RowSink& sink) { sink(row.data(), 1, row.size()); }),
      Error);
  EXPECT_FALSE(fs::exists(dir_ / "short.png"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator{}), 0) << "no temporary left behind";
}

}  // namespace
}  // namespace chronomap
