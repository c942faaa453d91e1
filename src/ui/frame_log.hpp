// Frame timing on request (`chronomap --report-frames N`), for benchmarks: when each
// frame of the window has been presented, measured from the start of the process.
#pragma once

#include <chrono>

namespace chronomap::ui {

class FrameLog {
 public:
  // limit < 0: off. limit 0: every frame is reported and the window stays open.
  // limit N > 0: the first N frames are reported, then the window closes.
  explicit FrameLog(int limit);

  [[nodiscard]] bool enabled() const { return limit_ >= 0; }
  // Marks the start of a frame's work (after waiting for input).
  void frame_started();
  // Called after the buffers are swapped: waits until the GPU has finished the frame
  // (glFinish), then prints one line on stderr:
  //   chronomap: frame K presented at T ms (frame D ms)
  // T counts from the process's start, D from frame_started(). Returns true when the
  // N-th frame has been reported and the window should close.
  bool frame_presented();

 private:
  int limit_;
  int frames_ = 0;
  std::chrono::steady_clock::time_point frame_start_{};
};

}  // namespace chronomap::ui
