# Shared start of the command-line test scripts; sourced after setting `chronomap`.
# begin_cli_test SCRATCH: a fresh scratch folder as the working directory, and fail()
# to report a failure and go on (the script exits with $failed at the end).
begin_cli_test() {
  rm -rf "$1" && mkdir -p "$1" && cd "$1" || exit 1
  failed=0
}
fail() { echo "FAIL: $*" >&2; failed=1; }
# demo_store FILE: a store holding the AES data set, or the script stops.
demo_store() {
  "$chronomap" import --demo --data "$1" > /dev/null 2>&1 || { echo "FAIL: cannot make the store" >&2; exit 1; }
}
