#!/usr/bin/env bash
# Item 4 of issue 11: 2,500,000 events (the size of ACLED's whole archive) generated,
# imported, counted, rendered to a 4K snapshot, and opened in the window under Xvfb,
# scrubbed with the window's own keys (it opens on the last date; ← steps back by one
# window) and photographed. Prints the figures; the screenshots and the snapshot go to
# SHOTS_DIR. The window reports its frames itself (chronomap --report-frames).
#
# usage: bench/big.sh SHOTS_DIR [--rows N] [--steps K] [--build DIR] [--work DIR]
#   --rows N   events to generate (default 2500000)
#   --steps K  presses of ← while scrubbing (default 40)
#   --work DIR keep the CSV and the store there (default: a temporary folder, removed)
# Needs: a build, GNU time, Xvfb, xdotool and ImageMagick (bench/peers.sh --install).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/peers/lib.sh"

rows=2500000 steps=40 build="$root/build" work="" shots=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) rows=$2; shift ;;
    --steps) steps=$2; shift ;;
    --build) build=$(cd "$2" && pwd); shift ;;
    --work) mkdir -p "$2"; work=$(cd "$2" && pwd); shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "big.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) shots=$1 ;;
  esac
  shift
done
[[ -n $shots ]] || { echo "usage: bench/big.sh SHOTS_DIR [--rows N] [--steps K] [--build DIR] [--work DIR]" >&2; exit 2; }
[[ $rows =~ ^[1-9][0-9]*$ ]] || { echo "big.sh: --rows: '$rows' is not a positive number" >&2; exit 2; }
[[ $steps =~ ^[1-9][0-9]*$ ]] || { echo "big.sh: --steps: '$steps' is not a positive number" >&2; exit 2; }
chronomap="$build/src/chronomap"
for tool in "$chronomap" "$build/bench/chronomap_generate_acled" /usr/bin/time; do
  [[ -x $tool ]] || { echo "big.sh: $tool is missing (build first; GNU time: Debian package 'time')" >&2; exit 1; }
done
for tool in Xvfb xdotool import; do
  command -v $tool >/dev/null || { echo "big.sh: $tool is missing (bench/peers.sh --install installs it)" >&2; exit 1; }
done
mkdir -p "$shots"; shots=$(cd "$shots" && pwd)
app_pid=""
finish() {
  if [[ -n $app_pid ]]; then kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; fi
  stop_display
}
if [[ -z $work ]]; then work=$(mktemp -d); trap 'finish; rm -rf "$work"' EXIT; else trap finish EXIT; fi
private_home "$work"
export CHRONOMAP_GEODATA="${CHRONOMAP_GEODATA:-$root/geodata}"
store="$work/big_$rows.db"
n=$(printf "%'d" "$rows")

echo "# $n events: import, render, window (bench/big.sh)"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $(commit_line "$root")"
echo "- machine: $(machine_line)"
echo "- load average before: $(load_line)"

timed "$work/generate" "$build/bench/chronomap_generate_acled" "$rows" "$work/events.csv"
((T_STATUS == 0)) || { echo "big.sh: generating failed: $(cat "$work/generate.err")" >&2; exit 1; }
echo "- generate: $T_WALL s, $(du -m "$work/events.csv" | cut -f1) MiB of CSV"

rm -f "$store"
timed "$work/import" "$chronomap" import "$work/events.csv" --data "$store" --quiet
((T_STATUS == 0)) || { echo "big.sh: import failed: $(tail -n 3 "$work/import.err")" >&2; exit 1; }
awk -v w="$T_WALL" -v c="$T_CPU" -v m="$T_RSS" -v n="$rows" \
  'BEGIN { printf "- import: %.1f s wall, %.1f s CPU, peak RSS %d MiB, %.0f rows/s\n", w, c, m, n / w }'
echo "- store: $(du -m "$store" | cut -f1) MiB"

timed "$work/events" sh -c '"$1" events --data "$2" --format csv | tail -n +2 | wc -l' sh "$chronomap" "$store"
count=$(tr -d ' ' <"$work/events.out")
((T_STATUS == 0)) && [[ $count == "$rows" ]] || { echo "big.sh: 'chronomap events' listed $count events, not $rows" >&2; exit 1; }
echo "- events --format csv: $count rows, as generated ($T_WALL s)"

timed "$work/render" "$chronomap" render --data "$store" --size 3840x2160 --out "$shots/snapshot_4k.png" --verbose
((T_STATUS == 0)) || { echo "big.sh: render failed: $(tail -n 3 "$work/render.err")" >&2; exit 1; }
echo "- render 3840×2160 (default view, every event): $T_WALL s wall, $T_CPU s CPU, peak RSS $T_RSS MiB ($(sed -n 's/.* with \(.*\); [0-9]* events.*/\1/p' "$work/render.err"))"

# The window: opened on the store, every frame reported (--report-frames 0), scrubbed
# with ← (one window back per press), photographed before and after.
start_display 1920x1080 "$work"
echo "- window's renderer (Xvfb, GLX): $(gl_renderer)"
mkdir -p "$XDG_CONFIG_HOME/chronomap"  # the window fills the 1920x1080 screen
printf 'window_width=1920\nwindow_height=1080\nwindow_x=0\nwindow_y=0\n' >"$XDG_CONFIG_HOME/chronomap/settings.ini"
rss_log="$work/gui.time"
/usr/bin/time -v -o "$rss_log" "$chronomap" --data "$store" --report-frames 0 >"$work/gui.out" 2>"$work/gui.err" &
app_pid=$!
# presented FRAMES SECONDS: waits until the window has reported FRAMES frames in all
presented() {
  for _ in $(seq $(($2 * 10))); do
    (($(grep -c 'presented' "$work/gui.err") >= $1)) && return 0
    kill -0 $app_pid 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
presented 1 600 || { echo "big.sh: the window showed no frame in 600 s: $(tail -n 3 "$work/gui.err")" >&2; exit 1; }
first=$(sed -n 's/^chronomap: frame 1 presented at \([0-9.]*\) ms.*/\1/p' "$work/gui.err")
echo "- window: first frame presented $first ms after the process started"
window=$(xdotool search --sync --onlyvisible --name '^chronomap$' | head -1)
sleep 2
import -window root "$shots/window_opened.png"
xdotool mousemove --window "$window" 960 400  # over the map, not a panel that would take the keys
xdotool windowfocus --sync "$window" 2>/dev/null || true
before=$(grep -c 'presented' "$work/gui.err")
for _ in $(seq "$steps"); do xdotool key Left; sleep 0.2; done
sleep 1
presented $(($(grep -c 'presented' "$work/gui.err") + 3)) 120 || true  # the last presses drawn
after=$(grep -c 'presented' "$work/gui.err")
import -window root "$shots/window_scrubbed.png"
# the frames drawn while scrubbing: their own times (work from input to presented)
sed -n "$((before + 1)),${after}p" "$work/gui.err" | sed -n 's/.*(frame \([0-9.]*\) ms).*/\1/p' >"$work/scrub_frames"
frames=$(wc -l <"$work/scrub_frames")
median_ms=$(median <"$work/scrub_frames")
max_ms=$(sort -g "$work/scrub_frames" | tail -n 1)
xdotool windowfocus --sync "$window" 2>/dev/null || true
xdotool key ctrl+q
for _ in $(seq 300); do kill -0 $app_pid 2>/dev/null || break; sleep 0.1; done
wait $app_pid 2>/dev/null || true
app_pid=""
gui_rss=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$rss_log")
echo "- window scrubbed: $steps presses of ←, $frames frames drawn meanwhile: median $median_ms ms, longest $max_ms ms per frame; window's peak RSS $gui_rss MiB"
cmp -s "$shots/window_opened.png" "$shots/window_scrubbed.png" && echo "- note: the screenshots before and after scrubbing are identical"
echo "- images: $shots/snapshot_4k.png, $shots/window_opened.png, $shots/window_scrubbed.png"
echo "- load average after: $(load_line)"
