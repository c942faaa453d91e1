// SHA-256 (FIPS 180-4), incremental, for data-set fingerprints computed while a file
// (or a pipe, which can be read only once) streams through the importer.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace chronomap::store {

class Sha256 {
 public:
  void update(const void* data, std::size_t size);
  // The digest in lower-case hex; the object is spent afterwards.
  std::string hex();

 private:
  void compress();

  std::array<std::uint32_t, 8> state_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<unsigned char, 64> block_{};
  std::size_t used_ = 0;
  std::uint64_t total_ = 0;
};

}  // namespace chronomap::store
