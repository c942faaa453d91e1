# Included by ctest (TEST_INCLUDE_FILES, set in tests/CMakeLists.txt) in the sanitize
# build only: the sanitizer settings every test process inherits from ctest. Set here
# rather than in each test's ENVIRONMENT property because gtest_discover_tests (CMake
# 3.25) splits a list-valued ENVIRONMENT into separate arguments, so a unit test could
# carry one variable at most. Settings already in the caller's environment come after
# ours, so they win.
#   ASAN_OPTIONS   leaks checked at exit; any finding aborts, which fails the test
#   LSAN_OPTIONS   leaks inside libraries we do not own are suppressed (lsan.supp says
#                  which and why); the list of matched suppressions is not printed
#   UBSAN_OPTIONS  a stack with every finding; the first one stops the process
set(ENV{ASAN_OPTIONS} "detect_leaks=1:abort_on_error=1:halt_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:$ENV{ASAN_OPTIONS}")
set(ENV{LSAN_OPTIONS} "suppressions=${CMAKE_CURRENT_LIST_DIR}/lsan.supp:print_suppressions=0:$ENV{LSAN_OPTIONS}")
set(ENV{UBSAN_OPTIONS} "print_stacktrace=1:halt_on_error=1:$ENV{UBSAN_OPTIONS}")
