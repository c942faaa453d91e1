// SHA-256 (FIPS 180-4), incremental, for data-set fingerprints computed while a file
// (or a pipe, which can be read only once) streams through the importer. OpenSSL's
// libcrypto does the work, with the CPU's SHA instructions where it has them.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

struct evp_md_ctx_st;

namespace chronomap::store {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, std::size_t size);
  // The digest in lower-case hex; the object is spent afterwards.
  std::string hex();

 private:
  struct Free {
    void operator()(evp_md_ctx_st* context) const;
  };
  std::unique_ptr<evp_md_ctx_st, Free> context_;
};

}  // namespace chronomap::store
