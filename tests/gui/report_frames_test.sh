#!/usr/bin/env bash
# `chronomap --report-frames 3` (what bench/peers.sh and bench/big.sh rely on): the
# window reports its first three frames on stderr, in order, with times that grow,
# and closes by itself with status 0; a count that is not a number is refused.
# Usage: report_frames_test.sh CHRONOMAP_BINARY WORK_DIR
set -uo pipefail
binary=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
source "$(dirname "$0")/lib.sh"
need Xvfb
trap cleanup EXIT
failed=0

start_display
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
timeout 60 "$binary" --report-frames 3 >"$work/out.txt" 2>"$work/err.txt"
status=$?
check "the window closed by itself after 3 frames, status 0 (got $status)" "$status == 0"
frames=$(sed -n 's/^chronomap: frame \([0-9]*\) presented at \([0-9.]*\) ms (frame \([0-9.]*\) ms)$/\1 \2 \3/p' "$work/err.txt")
check "three frame lines, numbered 1 2 3" \
  "\"$(echo "$frames" | cut -d' ' -f1 | tr '\n' ' ')\" == \"1 2 3 \""
read -r t1 t3 < <(echo "$frames" | awk 'NR == 1 { a = $2 } NR == 3 { b = $2 } END { print a + 0, b + 0 }')
check "the first frame comes after the process started, the third after the first ($t1, $t3 ms)" "$t1 > 0 && $t3 > $t1"

"$binary" --report-frames many >/dev/null 2>"$work/bad.txt"
status=$?
check "--report-frames many is refused with status 2 (got $status)" "$status == 2"
check "the refusal names the option" "$(grep -c -- '--report-frames' "$work/bad.txt") == 1"
exit $failed
