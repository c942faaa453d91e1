// Atomic writes: the final name only ever holds a complete file.
#include "core/atomic_file.hpp"

#include <gtest/gtest.h>

#include <fstream>
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

}  // namespace
}  // namespace chronomap
