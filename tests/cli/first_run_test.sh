#!/usr/bin/env bash
# The first run is atomic and race-safe: whenever a first run is killed, and however
# many start at once, every run that completes sees the whole default store (26
# events, 18 links), and nothing is left that a later run refuses.
# Usage: first_run_test.sh CHRONOMAP WORK_DIR
set -uo pipefail
chronomap=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
failed=0
fail() { echo "FAIL: $*"; failed=1; }

complete() {  # HOME: the listing shows the whole default store
  local events links
  events=$(HOME=$1 XDG_DATA_HOME= "$chronomap" events --format csv | tail -n +2 | wc -l)
  links=$(HOME=$1 XDG_DATA_HOME= "$chronomap" links --format csv | tail -n +2 | wc -l)
  [[ $events == 26 && $links == 18 ]] || { echo "$events events, $links links"; return 1; }
}

# Killed at moments spread over the whole first run (it takes 0.1 to 1 s).
for i in $(seq 1 16); do
  home=$work/kill$i
  mkdir -p "$home"
  HOME=$home XDG_DATA_HOME= "$chronomap" links > /dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v i="$i" 'BEGIN { printf "%.3f", (i - 1) * 0.04 }')"
  kill -9 $pid 2> /dev/null
  wait $pid 2> /dev/null
  why=$(complete "$home") || fail "killed at $(( (i - 1) * 40 )) ms: the next run saw $why"
done
echo "ok: 16 first runs killed at 0..600 ms, each next run saw the complete store"

# An empty file (what an older chronomap left when killed early) is a store not yet made.
home=$work/empty
mkdir -p "$home/.local/share/chronomap" && : > "$home/.local/share/chronomap/events.db"
why=$(complete "$home") || fail "an empty events.db was not replaced by the default store: $why"

# Eight first runs at once: all succeed and all print the complete store.
home=$work/race
mkdir -p "$home"
for i in $(seq 1 8); do
  (HOME=$home XDG_DATA_HOME= "$chronomap" events --format csv > "$work/race$i.out" 2> "$work/race$i.err"
   echo $? > "$work/race$i.status") &
done
wait
for i in $(seq 1 8); do
  status=$(cat "$work/race$i.status")
  rows=$(tail -n +2 "$work/race$i.out" | wc -l)
  [[ $status == 0 && $rows == 26 ]] || fail "concurrent first run $i: status $status, $rows events: $(cat "$work/race$i.err")"
done
echo "ok: 8 concurrent first runs all printed the 26 events"
leftovers=$(find "$home/.local/share/chronomap" -name '.events.db.new-*' | wc -l)
[[ $leftovers == 0 ]] || fail "$leftovers temporary store(s) left behind"
exit $failed
