// An OpenGL 3.3 core context with no window and no display, through EGL: Mesa's
// surfaceless platform (llvmpipe on a machine with no GPU), or an EGL device (a GPU
// on a headless server). The renderer cannot tell it from a window's context.
#pragma once

#include <string>

namespace chronomap::exporting {

class HeadlessContext {
 public:
  // Creates the context and makes it current. Throws chronomap::Error saying which
  // step failed (no EGL display, no OpenGL 3.3 core) when it cannot.
  HeadlessContext();
  ~HeadlessContext();
  HeadlessContext(const HeadlessContext&) = delete;
  HeadlessContext& operator=(const HeadlessContext&) = delete;

  // e.g. "llvmpipe (LLVM 15.0.6, 256 bits) / OpenGL 4.5 (Core Profile) Mesa 22.3.6 [EGL surfaceless]"
  [[nodiscard]] const std::string& description() const { return description_; }

 private:
  void* display_ = nullptr;
  void* context_ = nullptr;
  std::string description_;
};

}  // namespace chronomap::exporting
