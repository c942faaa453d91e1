# Warning and sanitizer flags live on INTERFACE targets that every chronomap target
# links, so third-party code and generated files are not held to them by accident.
add_library(chronomap_warnings INTERFACE)
target_compile_options(chronomap_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(chronomap_warnings INTERFACE
    -Wmisleading-indentation -Wduplicated-cond -Wduplicated-branches -Wlogical-op
    -Wuseless-cast)
endif()
if(CHRONOMAP_WERROR)
  target_compile_options(chronomap_warnings INTERFACE -Werror)
endif()

add_library(chronomap_sanitize INTERFACE)
if(CHRONOMAP_SANITIZE)
  target_compile_options(chronomap_sanitize INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(chronomap_sanitize INTERFACE -fsanitize=address,undefined)
  # GCC 12's flow analysis gives false maybe-uninitialized reports inside libstdc++
  # (std::regex, std::function) once ASan instruments the code.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(chronomap_warnings INTERFACE -Wno-maybe-uninitialized)
  endif()
endif()

# Fuzzing builds (clang only): every chronomap library is instrumented for coverage
# and checked by AddressSanitizer and UBSan; the fuzz targets add libFuzzer's main.
if(CHRONOMAP_BUILD_FUZZERS AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  target_compile_options(chronomap_sanitize INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  target_link_options(chronomap_sanitize INTERFACE -fsanitize=address,undefined)
endif()
