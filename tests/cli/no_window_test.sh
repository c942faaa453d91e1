#!/usr/bin/env bash
# A chronomap built without the map window (CHRONOMAP_BUILD_GUI=OFF): asked for the
# window, it says in one line that the window is not built in and exits 1.
# Usage: no_window_test.sh CHRONOMAP
set -uo pipefail
chronomap=$1
failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }
for args in "" "--projection equalearth --window 30"; do
  # shellcheck disable=SC2086
  err=$("$chronomap" $args 2>&1 > /dev/null)
  status=$?
  [[ $status == 1 ]] || fail "'chronomap $args': status $status, expected 1"
  [[ $err =~ ^chronomap:\ .*built\ without\ the\ map\ window.*chronomap\ --help$ ]] ||
    fail "'chronomap $args' did not say the window is not built in: $err"
done
exit $failed
