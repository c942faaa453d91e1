// libFuzzer target: an import of any bytes, as CSV or GeoJSON (FUZZ_SUFFIX), either
// stores rows or throws chronomap::Error; it never crashes, hangs or leaves the store
// damaged.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "store/event_store.hpp"
#include "store/import.hpp"

namespace {

struct Scratch {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("chronomap-fuzz-" + std::to_string(::getpid()));
  Scratch() { std::filesystem::create_directories(dir); }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Scratch scratch;
  const auto input = scratch.dir / ("input" FUZZ_SUFFIX);
  {
    std::ofstream out(input, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  static auto store = chronomap::store::EventStore::open(scratch.dir / "events.db");
  try {
    chronomap::store::import_file(store, input);
  } catch (const chronomap::Error&) {
    // A clear refusal is a correct answer to bad input.
  }
  return 0;
}
