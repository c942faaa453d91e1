// A scratch folder with a fresh store per test, and the shipped lookups loaded once.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

#include "store/countries.hpp"
#include "store/event_store.hpp"
#include "store/gazetteer.hpp"
#include "store/import.hpp"

namespace chronomap::store {

class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "chronomap_store_";
    name += std::to_string(getpid());
    name += '_';
    name += info->name();
    dir_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  const std::filesystem::path& dir() const { return dir_; }
  // A new, empty store file each call.
  EventStore open_store() {
    std::string name = std::to_string(++stores_);
    name += ".db";
    return EventStore::open(dir_ / name);
  }
  ImportOptions options(bool skip_invalid = false) {
    if (!gazetteer_) gazetteer_ = Gazetteer::load_shipped();
    if (!countries_) countries_ = Countries::load_shipped();
    ImportOptions o;
    o.skip_invalid = skip_invalid;
    o.gazetteer = &*gazetteer_;
    o.countries = &*countries_;
    return o;
  }
  static std::filesystem::path data(const std::string& name) {
    return std::filesystem::path(CHRONOMAP_TEST_DATA) / name;
  }

 private:
  std::filesystem::path dir_;
  int stores_ = 0;
  std::optional<Gazetteer> gazetteer_;
  std::optional<Countries> countries_;
};

}  // namespace chronomap::store
