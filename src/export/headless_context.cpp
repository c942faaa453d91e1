// EGL set-up: try the platforms that need no display server, in order.
#include "export/headless_context.hpp"

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <cstring>
#include <vector>

#include "core/error.hpp"
#include "render/gl.hpp"

namespace chronomap::exporting {
namespace {

struct Candidate {
  EGLDisplay display;
  const char* label;
};

std::vector<Candidate> candidate_displays() {
  std::vector<Candidate> out;
  const char* client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  auto has = [&](const char* name) { return client != nullptr && std::strstr(client, name) != nullptr; };
  auto get_platform_display =
      reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (get_platform_display != nullptr) {
    // A GPU through EGL devices first (a headless server with a driver), then Mesa's
    // surfaceless platform (software rendering anywhere).
    if (has("EGL_EXT_platform_device")) {
      auto query_devices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
      EGLDeviceEXT devices[8];
      EGLint count = 0;
      if (query_devices != nullptr && query_devices(8, devices, &count) == EGL_TRUE) {
        for (EGLint i = 0; i < count; ++i) {
          EGLDisplay d = get_platform_display(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr);
          if (d != EGL_NO_DISPLAY) out.push_back({d, "EGL device"});
        }
      }
    }
    if (has("EGL_MESA_platform_surfaceless")) {
      EGLDisplay d = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
      if (d != EGL_NO_DISPLAY) out.push_back({d, "EGL surfaceless"});
    }
  }
  return out;
}

}  // namespace

HeadlessContext::HeadlessContext() {
  std::string tried;
  for (const auto& candidate : candidate_displays()) {
    EGLint major = 0, minor = 0;
    if (eglInitialize(candidate.display, &major, &minor) != EGL_TRUE) continue;
    if (eglBindAPI(EGL_OPENGL_API) != EGL_TRUE) continue;
    const EGLint config_attributes[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint configs = 0;
    eglChooseConfig(candidate.display, config_attributes, &config, 1, &configs);
    const EGLint context_attributes[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                         EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                         EGL_NONE};
    EGLContext context =
        eglCreateContext(candidate.display, configs > 0 ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, context_attributes);
    if (context == EGL_NO_CONTEXT) {
      tried += std::string(tried.empty() ? "" : ", ") + candidate.label + ": no OpenGL 3.3 core context";
      eglTerminate(candidate.display);
      continue;
    }
    if (eglMakeCurrent(candidate.display, EGL_NO_SURFACE, EGL_NO_SURFACE, context) != EGL_TRUE) {
      tried += std::string(tried.empty() ? "" : ", ") + candidate.label + ": cannot make the context current";
      eglDestroyContext(candidate.display, context);
      eglTerminate(candidate.display);
      continue;
    }
    display_ = candidate.display;
    context_ = context;
    description_ = render::describe_gl_renderer() + " [" + candidate.label + "]";
    return;
  }
  throw Error("no headless OpenGL 3.3 context available through EGL" + (tried.empty() ? std::string() : " (" + tried + ")") +
              "; on Debian install libegl-mesa0 and libgl1-mesa-dri");
}

HeadlessContext::~HeadlessContext() {
  if (display_ != nullptr) {
    eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(display_, context_);
    eglTerminate(display_);
  }
}

}  // namespace chronomap::exporting
