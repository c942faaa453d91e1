# The start the scripted command-line tests share, sourced by them: the binary and
# a fresh scratch folder from the arguments, the working directory in it, and fail()
# recording a failure (the script ends with `exit $failed`).
# Usage: source lib.sh; begin_cli_test CHRONOMAP SCRATCH_DIR
begin_cli_test() {
  chronomap=$1 scratch=$2
  rm -rf "$scratch" && mkdir -p "$scratch" && cd "$scratch" || exit 1
  failed=0
}
fail() { echo "FAIL: $*" >&2; failed=1; }
# A store holding the AES data set, as s.db in the scratch folder.
make_demo_store() {
  "$chronomap" import --demo --data s.db > /dev/null 2>&1 || { echo "FAIL: cannot make the store" >&2; exit 1; }
}
