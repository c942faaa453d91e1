// The read-ahead thread and its hand-over of batches of rows.
#include "store/read_ahead.hpp"

#include <utility>

namespace chronomap::store {
namespace {

// Rows per batch, and batches in flight (being read, waiting, being mapped): enough
// for neither thread to wait on the other for long, few enough to stay small (a few
// MiB for rows of a few hundred bytes).
constexpr std::size_t kBatchRows = 512;
constexpr int kBatches = 4;

}  // namespace

CsvReadAhead::CsvReadAhead(CsvReader& reader) : reader_(reader) {
  for (int i = 0; i < kBatches; ++i) {
    Batch batch;
    batch.rows.resize(kBatchRows);
    batch.lines.resize(kBatchRows);
    free_.push_back(std::move(batch));
  }
  thread_ = std::thread([this] { read(); });
}

CsvReadAhead::~CsvReadAhead() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  free_changed_.notify_all();
  thread_.join();
}

void CsvReadAhead::read() {
  for (;;) {
    Batch batch;
    {
      std::unique_lock lock(mutex_);
      free_changed_.wait(lock, [&] { return stop_ || !free_.empty(); });
      if (stop_) return;
      batch = std::move(free_.back());
      free_.pop_back();
    }
    batch.count = 0;
    batch.error = nullptr;
    batch.end = false;
    try {
      while (batch.count < batch.rows.size()) {
        if (!reader_.next(batch.rows[batch.count])) {
          batch.end = true;
          break;
        }
        batch.lines[batch.count++] = reader_.line();
      }
    } catch (...) {
      batch.error = std::current_exception();
    }
    batch.bytes_read = reader_.bytes_read();
    const bool last = batch.end || batch.error;
    {
      std::lock_guard lock(mutex_);
      ready_.push_back(std::move(batch));
    }
    ready_changed_.notify_one();
    if (last) return;
  }
}

bool CsvReadAhead::next(Row& row) {
  while (at_ == current_.count) {
    if (finished_) return false;
    if (current_.error) {
      finished_ = true;
      std::rethrow_exception(std::exchange(current_.error, nullptr));
    }
    if (current_.end) {
      finished_ = true;
      return false;
    }
    std::unique_lock lock(mutex_);
    if (!current_.rows.empty()) {
      free_.push_back(std::move(current_));
      free_changed_.notify_one();
    }
    ready_changed_.wait(lock, [&] { return !ready_.empty(); });
    current_ = std::move(ready_.front());
    ready_.pop_front();
    at_ = 0;
  }
  std::swap(row, current_.rows[at_]);
  line_ = current_.lines[at_];
  bytes_read_ = current_.bytes_read;
  ++at_;
  return true;
}

}  // namespace chronomap::store
