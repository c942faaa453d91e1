#!/usr/bin/env bash
# What the window costs when nobody touches it: chronomap opened under Xvfb on the
# shipped data, left alone until its first frames are drawn and a few seconds more,
# then its CPU time (user + system, from /proc/PID/stat) counted over SECONDS seconds
# and printed as a share of one core. Also the same after a mouse move over the map
# (the window wakes, draws, and goes back to sleep).
#
# usage: bench/idle_cpu.sh [--seconds S] [--settle S] [--build DIR] [BINARY]
# Needs: a build, Xvfb and xdotool (bench/peers.sh --install).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/peers/lib.sh"

seconds=10 settle=15 build="$root/build" binary=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=$2; shift ;;
    --settle) settle=$2; shift ;;
    --build) build=$(cd "$2" && pwd); shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "idle_cpu.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) binary=$1 ;;
  esac
  shift
done
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "idle_cpu.sh: --seconds: '$seconds' is not a positive number" >&2; exit 2; }
[[ $settle =~ ^[0-9]+$ ]] || { echo "idle_cpu.sh: --settle: '$settle' is not a number" >&2; exit 2; }
binary=${binary:-$build/src/chronomap}
[[ -x $binary ]] || { echo "idle_cpu.sh: $binary is missing (build first)" >&2; exit 1; }
for tool in Xvfb xdotool; do
  command -v $tool >/dev/null || { echo "idle_cpu.sh: $tool is missing (bench/peers.sh --install installs it)" >&2; exit 1; }
done
work=$(mktemp -d)
app_pid=""
finish() {
  # Each step may fail (the window killed answers 143): none may stop the clean-up under set -e.
  if [[ -n $app_pid ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  stop_display || true
  rm -rf "$work"
}
trap finish EXIT
private_home "$work"
export CHRONOMAP_GEODATA="${CHRONOMAP_GEODATA:-$root/geodata}"
start_display 1280x800 "$work"

# cpu_ticks PID: user + system clock ticks the process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# share_of_core PID S: the CPU the process uses over the next S seconds, % of one core.
share_of_core() {
  local a b hz
  hz=$(getconf CLK_TCK)
  a=$(cpu_ticks "$1")
  sleep "$2"
  b=$(cpu_ticks "$1")
  awk -v a="$a" -v b="$b" -v hz="$hz" -v s="$2" 'BEGIN { printf "%.1f", 100 * (b - a) / hz / s }'
}

echo "# The window left alone (bench/idle_cpu.sh)"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $(commit_line "$root")"
echo "- machine: $(machine_line); renderer: $(gl_renderer)"
echo "- load average before: $(load_line)"
"$binary" >"$work/app.log" 2>&1 &
app_pid=$!
window=$(timeout 60 xdotool search --sync --onlyvisible --name '^chronomap$' | head -1) || true
[[ -n $window ]] || { echo "idle_cpu.sh: no window appeared: $(cat "$work/app.log")" >&2; exit 1; }
sleep "$settle"
echo "- idle, $seconds s: $(share_of_core "$app_pid" "$seconds") % of a core"
xdotool mousemove --window "$window" 640 300 sleep 0.2 mousemove --window "$window" 660 320
echo "- after a mouse move, the next $seconds s: $(share_of_core "$app_pid" "$seconds") % of a core"
echo "- load average after: $(load_line)"
