// The CSV reader: one pass over a file descriptor, a state machine per character,
// field buffers reused from record to record.
#include "store/csv_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace chronomap::store {

CsvReader::CsvReader(const std::filesystem::path& path, char delimiter) : name_(path.string()), buffer_(1 << 16) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw InputError(name_ + ": cannot read: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd_);
    throw InputError(name_ + ": is a directory");
  }
  if (fill() && end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
  if (delimiter) delimiter_ = delimiter;
  else detect_delimiter();
  if (!read_fields()) {
    ::close(fd_);
    throw InputError(name_ + ": is empty");
  }
  header_line_ = record_line_;
  header_ = fields_;
}

CsvReader::~CsvReader() {
  if (fd_ >= 0) ::close(fd_);
}

void CsvReader::fail(std::int64_t line, const std::string& reason) const {
  throw InputError(name_ + ":" + std::to_string(line) + ": " + reason);
}

bool CsvReader::fill() {
  if (eof_) return false;
  ssize_t got = 0;
  do {
    got = ::read(fd_, buffer_.data(), buffer_.size());
  } while (got < 0 && errno == EINTR);
  if (got < 0) fail(line_, std::string("cannot read: ") + std::strerror(errno));
  if (got == 0) {
    eof_ = true;
    return false;
  }
  hash_.update(buffer_.data(), static_cast<std::size_t>(got));
  consumed_ += static_cast<std::int64_t>(end_);
  pos_ = 0;
  end_ = static_cast<std::size_t>(got);
  return true;
}

// The candidate seen most often in the first non-blank line, outside quotes; ','
// wins ties and lines with none.
void CsvReader::detect_delimiter() {
  std::size_t i = pos_;
  while (i < end_ && (buffer_[i] == '\n' || buffer_[i] == '\r')) ++i;
  std::array<int, 4> counts{};
  static constexpr std::array<char, 4> kCandidates = {',', ';', '\t', '|'};
  bool quoted = false;
  for (; i < end_ && (quoted || buffer_[i] != '\n'); ++i) {
    if (buffer_[i] == '"') quoted = !quoted;
    if (quoted) continue;
    for (std::size_t k = 0; k < kCandidates.size(); ++k) counts[k] += buffer_[i] == kCandidates[k];
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < kCandidates.size(); ++k)
    if (counts[k] > counts[best]) best = k;
  delimiter_ = kCandidates[best];
}

bool CsvReader::read_fields() {
  enum class State { start, unquoted, quoted, after_quote };
  for (;;) {
    std::size_t count = 0;
    auto next_field = [&]() -> std::string& {
      if (fields_.size() <= count) fields_.emplace_back();
      fields_[count].clear();
      return fields_[count++];
    };
    fields_.resize(std::max<std::size_t>(fields_.size(), 1));
    std::string* field = &next_field();
    State state = State::start;
    record_line_ = line_;
    std::int64_t quote_line = 0;
    int quote_lines = 0;
    bool delimited = false;  // a delimiter or a quote was seen: not a blank line
    std::size_t bytes = 0;
    for (;;) {
      if (pos_ == end_ && !fill()) {
        if (state == State::quoted)
          fail(quote_line, "a quoted field opens here and is never closed (a '\"' missing?)");
        if (!delimited && field->empty() && count == 1) {
          fields_.resize(0);
          return false;
        }
        break;
      }
      const char c = buffer_[pos_++];
      if (c == '\0') fail(line_, "binary data (a NUL byte), not a CSV file");
      if (++bytes > kMaxRecordBytes)
        fail(record_line_, "a record longer than " + std::to_string(kMaxRecordBytes >> 20) +
                               " MiB; not a CSV file of events");
      if (state == State::quoted) {
        if (c == '"') {
          state = State::after_quote;
          continue;
        }
        if (c == '\n') {
          ++line_;
          if (++quote_lines > kMaxFieldLines)
            fail(quote_line, "a quoted field opens here and runs over " + std::to_string(kMaxFieldLines) +
                                 " lines (a '\"' missing?)");
          if (!field->empty() && field->back() == '\r') field->pop_back();
        }
        field->push_back(c);
        continue;
      }
      if (state == State::after_quote && c == '"') {  // "" inside quotes
        field->push_back('"');
        state = State::quoted;
        continue;
      }
      if (c == '\n') {
        ++line_;
        break;
      }
      if (c == '\r') continue;
      if (c == delimiter_) {
        delimited = true;
        field = &next_field();
        state = State::start;
        continue;
      }
      if (c == '"' && state == State::start) {
        delimited = true;
        state = State::quoted;
        quote_line = line_;
        quote_lines = 0;
        continue;
      }
      field->push_back(c);  // also a '"' inside an unquoted field, kept as it is
      state = State::unquoted;
    }
    fields_.resize(count);
    if (count == 1 && fields_[0].empty() && !delimited) continue;  // a blank line
    return true;
  }
}

bool CsvReader::next(Row& row) {
  if (replay_header_) {
    replay_header_ = false;
    fields_ = header_;
    record_line_ = header_line_;
  } else if (!read_fields()) {
    return false;
  }
  const std::size_t columns = header_.size();
  if (fields_.size() > columns) {
    for (std::size_t i = columns; i < fields_.size(); ++i) {
      if (fields_[i].find_first_not_of(" \t") != std::string::npos)
        fail(record_line_, std::to_string(fields_.size()) + " fields where the header has " +
                               std::to_string(columns) + " (a delimiter inside an unquoted field?)");
    }
  }
  row.reset(columns);
  for (std::size_t i = 0; i < columns && i < fields_.size(); ++i) std::swap(row.slot(i), fields_[i]);
  return true;
}

}  // namespace chronomap::store
