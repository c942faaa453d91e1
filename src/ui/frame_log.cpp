// Frame timing on request: see frame_log.hpp.
#include "ui/frame_log.hpp"

#include <GLFW/glfw3.h>
#include <time.h>

#include <cstdio>
#include <string>
#include <unistd.h>

namespace chronomap::ui {
namespace {

// Milliseconds since the process started: the kernel's start time of the process
// (/proc/self/stat, field 22, in clock ticks since boot) against the boot-time clock.
// Before main() is included: loading the shared libraries, static initialisation.
double ms_since_process_start() {
  timespec now{};
  clock_gettime(CLOCK_BOOTTIME, &now);
  const double now_ms = static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
  char buffer[1024] = {};
  std::FILE* stat = std::fopen("/proc/self/stat", "r");
  if (stat == nullptr) return -1;
  const bool got = std::fgets(buffer, sizeof buffer, stat) != nullptr;
  std::fclose(stat);
  if (!got) return -1;
  const std::string text(buffer);
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const auto paren = text.rfind(')');
  if (paren == std::string::npos) return -1;
  std::size_t pos = paren + 2;
  for (int field = 3; field < 22 && pos != std::string::npos; ++field) pos = text.find(' ', pos) + 1;
  if (pos == 0 || pos >= text.size()) return -1;
  const double ticks = std::stod(text.substr(pos, text.find(' ', pos) - pos));
  return now_ms - ticks * 1e3 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace

FrameLog::FrameLog(int limit) : limit_(limit) {}

void FrameLog::frame_started() {
  if (enabled()) frame_start_ = std::chrono::steady_clock::now();
}

bool FrameLog::frame_presented() {
  if (!enabled()) return false;
  glFinish();
  const double frame_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - frame_start_).count();
  ++frames_;
  std::fprintf(stderr, "chronomap: frame %d presented at %.1f ms (frame %.1f ms)\n", frames_, ms_since_process_start(),
               frame_ms);
  std::fflush(stderr);
  return limit_ > 0 && frames_ >= limit_;
}

}  // namespace chronomap::ui
