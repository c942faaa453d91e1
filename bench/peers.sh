#!/usr/bin/env bash
# The benchmark of issue 11 against the peers: Mapnik, GMT and QGIS draw the same
# 3840x2160 map as `chronomap render` (bench/peers/map_spec.py: the same extent,
# layers, order, colours and sizes) from the same events, each as a whole process,
# interleaved; then the window's time to its first frame, scrubbing, a frame series,
# and one line per goal of the issue.
#
# usage: bench/peers.sh [--install] [--quick] [--sizes "10000 100000 1000000"] [--runs R]
#                       [--peers "mapnik gmt qgis"] [--render-args "ARGS"] [--build DIR] [--work DIR]
#   --install  install the peers from Debian's packages first (apt-get; root or sudo)
#   --quick    10,000 events only, 1 run: a check that everything works, not figures
#   --runs R   timed runs per renderer and size after one warm-up (default 3)
#   --work DIR keep the inputs and images there (default: a temporary folder, removed)
#   --render-args "ARGS"  more options for chronomap's snapshot (the peers draw discs: keep them)
# A peer that is not installed is skipped with a note. Inputs are made locally: the
# boundaries are geodata/boundaries.gpkg, the events come from chronomap_generate_acled
# (imported into a store for chronomap, read as CSV by the peers).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
peers_dir="$root/bench/peers"
source "$peers_dir/lib.sh"

install=0 quick=0 sizes="10000 100000 1000000" runs=3 peers="mapnik gmt qgis" build="$root/build" work="" render_args=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --install) install=1 ;;
    --quick) quick=1 ;;
    --sizes) sizes=$2; shift ;;
    --runs) runs=$2; shift ;;
    --peers) peers=$2; shift ;;
    --render-args) render_args=$2; shift ;;
    --build) build=$(cd "$2" && pwd); shift ;;
    --work) mkdir -p "$2"; work=$(cd "$2" && pwd); shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "peers.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if ((quick)); then sizes=10000 runs=1; fi
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "peers.sh: --runs: '$runs' is not a positive number" >&2; exit 2; }
for n in $sizes; do [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "peers.sh: --sizes: '$n' is not a number of events" >&2; exit 2; }; done

if ((install)); then
  sudo=""; [[ $(id -u) == 0 ]] || sudo=sudo
  # on stderr, so that standard output holds the figures alone
  $sudo apt-get update -q >&2
  # ghostscript: GMT's PNG output (not pulled in without recommends); mesa-utils: glxinfo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends python3-mapnik qgis python3-qgis \
    gmt ghostscript gdal-bin time xvfb xdotool imagemagick mesa-utils >&2
fi

chronomap="$build/src/chronomap"
for tool in "$chronomap" "$build/bench/chronomap_generate_acled" "$build/bench/chronomap_bench_time" /usr/bin/time; do
  [[ -x $tool ]] || { echo "peers.sh: $tool is missing (build first; GNU time: Debian package 'time')" >&2; exit 1; }
done
available=""
for p in $peers; do
  case $p in
    mapnik) /usr/bin/python3 -c 'import mapnik' 2>/dev/null && available+=" mapnik" || echo "note: Mapnik skipped: python3-mapnik is not installed (--install)" ;;
    qgis) /usr/bin/python3 -c 'import qgis.core' 2>/dev/null && available+=" qgis" || echo "note: QGIS skipped: python3-qgis is not installed (--install)" ;;
    gmt) command -v gmt >/dev/null && command -v gs >/dev/null && command -v ogr2ogr >/dev/null && available+=" gmt" ||
      echo "note: GMT skipped: gmt, ghostscript or gdal-bin is not installed (--install)" ;;
    *) echo "peers.sh: unknown peer '$p' (mapnik, gmt, qgis)" >&2; exit 2 ;;
  esac
done

if [[ -z $work ]]; then work=$(mktemp -d); trap 'stop_display; rm -rf "$work"' EXIT; else trap stop_display EXIT; fi
private_home "$work"
export CHRONOMAP_GEODATA="${CHRONOMAP_GEODATA:-$root/geodata}"
# The peers read a copy: QGIS's ogr provider opens a GeoPackage for writing and changes it.
gpkg="$work/boundaries.gpkg"
cp "$CHRONOMAP_GEODATA/boundaries.gpkg" "$gpkg"
W=3840 H=2160
read -r west south east north < <(/usr/bin/python3 "$peers_dir/map_spec.py" --shell $W $H | sed -n 's/^BOX="\(.*\)"/\1/p')
aux=100000; ((quick)) && aux=10000   # events for the window, scrubbing and series figures

echo "# chronomap against the peers$( ((quick)) && echo ' (quick run: 10,000 events, 1 run; not figures to report)')"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $(commit_line "$root")"
echo "- machine: $(machine_line)"
echo "- load average before: $(load_line)"
echo "- map: ${W}x${H}, EPSG:4326, lon $west..$east, lat $south..$north (bench/peers/map_spec.py); runs: 1 warm-up + $runs, interleaved, medians"

# Inputs: the same events as CSV (peers) and as a store (chronomap).
for n in $(printf '%s\n' $sizes $aux | sort -nu); do
  [[ -s $work/events_$n.csv ]] || "$build/bench/chronomap_generate_acled" "$n" "$work/events_$n.csv"
  if [[ ! -s $work/store_$n.db ]]; then
    timed "$work/import_$n" "$chronomap" import "$work/events_$n.csv" --data "$work/store_$n.db" --quiet
    ((T_STATUS == 0)) || { echo "peers.sh: import of $n events failed: $(tail -n 3 "$work/import_$n.err")" >&2; exit 1; }
    echo "- input: $n events generated, then imported into a store in $T_WALL s ($T_RSS MiB peak)"
  fi
done

# command_for RENDERER N OUT: sets cmd to the command line drawing the map of N events into OUT
command_for() {
  case $1 in
    chronomap) cmd=("$chronomap" render --data "$work/store_$2.db" --out "$3" --size ${W}x${H} --projection EPSG:4326
      --bbox "$west,$south,$east,$north" --no-legend --verbose $render_args) ;;
    mapnik) cmd=(/usr/bin/python3 "$peers_dir/mapnik_render.py" "$gpkg" "$work/events_$2.csv" "$3" ${W}x${H}) ;;
    qgis) cmd=(env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/runtime" /usr/bin/python3 "$peers_dir/qgis_render.py"
      "$gpkg" "$work/events_$2.csv" "$3" ${W}x${H}) ;;
    gmt) cmd=(bash "$peers_dir/gmt_render.sh" "$gpkg" "$work/events_$2.csv" "$3" ${W}x${H}) ;;
  esac
}
mkdir -p -m 700 "$work/runtime" "$work/images"

declare -A wall cpu rss
renderer_string=""
for n in $sizes; do
  renderers="chronomap"
  for p in $available; do  # warm-up; a peer whose warm-up takes over 300 s is left out at this size
    command_for "$p" "$n" "$work/images/${p}_$n.png"
    timed "$work/warm_${p}_$n" timeout 900 "${cmd[@]}"
    if ((T_STATUS != 0)); then echo "note: $p failed at $n events: $(tail -n 2 "$work/warm_${p}_$n.err")"; continue; fi
    if awk -v w="$T_WALL" 'BEGIN { exit !(w > 300) }'; then echo "note: $p left out at $n events (warm-up $T_WALL s)"; continue; fi
    if command -v identify >/dev/null && [[ $(identify -format '%wx%h' "$work/images/${p}_$n.png") != "${W}x$H" ]]; then
      echo "note: $p drew $(identify -format '%wx%h' "$work/images/${p}_$n.png"), not ${W}x$H"
    fi
    renderers+=" $p"
  done
  command_for chronomap "$n" "$work/images/chronomap_$n.png"
  timed "$work/warm_chronomap_$n" "${cmd[@]}"
  ((T_STATUS == 0)) || { echo "peers.sh: chronomap render failed: $(tail -n 3 "$work/warm_chronomap_$n.err")" >&2; exit 1; }
  renderer_string=$(sed -n 's/.* with \(.*\); [0-9]* events.*/\1/p' "$work/warm_chronomap_$n.err")
  for r in $(seq "$runs"); do
    for p in $renderers; do
      command_for "$p" "$n" "$work/images/${p}_$n.png"
      timed "$work/run_${p}_${n}_$r" "${cmd[@]}"
      ((T_STATUS == 0)) || { echo "peers.sh: $p failed at $n events: $(tail -n 2 "$work/run_${p}_${n}_$r.err")" >&2; exit 1; }
      wall[$p,$n]+="$T_WALL "; cpu[$p,$n]+="$T_CPU "; rss[$p,$n]+="$T_RSS "
    done
  done
  for p in $renderers; do
    for v in wall cpu rss; do
      declare -n a=$v
      a[$p,$n]=$(printf '%s\n' ${a[$p,$n]} | median)
      unset -n a
    done
  done
  echo
  printf '## %s events: %s×%s snapshot, whole process\n\n' "$(printf "%'d" "$n")" $W $H
  echo "| renderer | wall s (median) | CPU s (user + sys) | peak RSS MiB (largest process) | chronomap ÷ renderer, time | chronomap ÷ renderer, memory |"
  echo "|---|---|---|---|---|---|"
  for p in $renderers; do
    awk -v p="$p" -v w="${wall[$p,$n]}" -v c="${cpu[$p,$n]}" -v m="${rss[$p,$n]}" -v cw="${wall[chronomap,$n]}" \
      -v cm="${rss[chronomap,$n]}" 'BEGIN { printf "| %s | %.2f | %.2f | %d | %.2f× | %.2f× |\n", p, w, c, m, cw / w, cm / m }'
  done
done
echo
echo "- chronomap's renderer (headless, EGL): ${renderer_string:-unknown}"

# The window: time to the first frame, under Xvfb, with the events of each size.
if command -v Xvfb >/dev/null; then
  start_display 1920x1080 "$work"
  echo "- window's renderer (Xvfb, GLX): $(gl_renderer)"
  echo
  echo "## The window's first frame (chronomap --report-frames 1, Xvfb, default window)"
  echo
  echo "| events | first frame presented, ms after the process started (median) | whole process to exit, s |"
  echo "|---|---|---|"
  declare -A first
  for n in $(printf '%s\n' $sizes $aux | sort -nu); do
    samples="" exits=""
    for r in $(seq 0 "$runs"); do  # run 0 is the warm-up
      rm -rf "$XDG_CONFIG_HOME"/*
      timed "$work/gui_${n}_$r" timeout 120 "$chronomap" --data "$work/store_$n.db" --report-frames 1
      ms=$(sed -n 's/^chronomap: frame 1 presented at \([0-9.]*\) ms.*/\1/p' "$work/gui_${n}_$r.err")
      [[ -n $ms ]] || { echo "note: the window reported no frame: $(tail -n 2 "$work/gui_${n}_$r.err")"; continue 2; }
      ((r == 0)) && continue
      samples+="$ms "; exits+="$T_WALL "
    done
    first[$n]=$(printf '%s\n' $samples | median)
    printf '| %s | %.0f | %.2f |\n' "$n" "${first[$n]}" "$(printf '%s\n' $exits | median)"
  done
  stop_display
else
  echo "note: the window's first frame not measured: Xvfb is not installed (--install)"
fi

# Scrubbing: the window's frame at 1920x1080 while the date moves (offscreen, as the window draws).
scrub() {  # N: sets S_WALL S_CPU (ms per frame, medians)
  "$build/bench/chronomap_bench_time" "$1" 60 >"$work/scrub_$1.txt"
  read -r S_WALL S_CPU < <(sed -n 's/.*median \([0-9.]*\) ms wall.*, \([0-9.]*\) ms CPU.*/\1 \2/p' "$work/scrub_$1.txt") || true
  [[ -n ${S_CPU:-} ]] || { echo "peers.sh: chronomap_bench_time printed no frame line:" >&2; cat "$work/scrub_$1.txt" >&2; exit 1; }
}
# The scrubbing goal is at 100,000 events; the CPU per frame is compared with 10 times
# more events (10 times fewer in a quick run).
other=1000000; ((quick)) && other=10000
scrub 100000; scrub_wall=$S_WALL scrub_cpu=$S_CPU
scrub "$other"; other_wall=$S_WALL other_cpu=$S_CPU
echo
echo "## Scrubbing (chronomap_bench_time: 60 dates across the data, 30-day window, 1920×1080)"
echo
echo "- $(grep -m1 '^renderer:' "$work/scrub_100000.txt")"
echo
echo "| events | frame wall ms (median, to glFinish) | CPU ms per frame (main thread, before the GPU work) |"
echo "|---|---|---|"
printf '| %s | %s | %s |\n' 100000 "$scrub_wall" "$scrub_cpu" "$other" "$other_wall" "$other_cpu" | sort -n -t'|' -k2

# A frame series at 1080p: (series - single) / (frames - 1), interleaved.
series_args=(--data "$work/store_$aux.db" --size 1920x1080 --window 30)
frames=27  # 2024-01-01 .. 2024-12-31, every 14 days
singles="" series=""
for r in $(seq 0 "$runs"); do
  timed "$work/single_$r" "$chronomap" render "${series_args[@]}" --date 2024-01-01 --out "$work/images/single.png"
  s=$T_WALL
  rm -rf "$work/frames"
  timed "$work/series_$r" "$chronomap" render "${series_args[@]}" --from 2024-01-01 --to 2024-12-31 --step 14 \
    --out "$work/frames/frame_%04d.png"
  got=$(find "$work/frames" -name 'frame_*.png' | wc -l)
  ((got == frames)) || { echo "peers.sh: the series wrote $got frames, not $frames" >&2; exit 1; }
  ((r == 0)) && continue
  singles+="$s "; series+="$T_WALL "
done
single=$(printf '%s\n' $singles | median) total=$(printf '%s\n' $series | median)
per_frame=$(awk -v t="$total" -v s="$single" -v f=$frames 'BEGIN { printf "%.3f", (t - s) / (f - 1) }')
echo
echo "## Frame series (render --from 2024-01-01 --to 2024-12-31 --step 14 --window 30, 1920×1080, $aux events)"
echo
echo "- one frame: $single s; $frames frames: $total s; each frame after the first: $per_frame s"

# The goals of issue 11, each as a ratio or figure from this run.
echo
echo "## Goals"
echo
goal() {  # TEXT MEASURED LIMIT UNIT: met when MEASURED <= LIMIT
  awk -v t="$1" -v m="$2" -v l="$3" -v u="$4" 'BEGIN {
    over = (u == "×") ? "" : sprintf(" (%g%s over)", m - l, u)
    printf "goal: %s: measured %g%s — %s\n", t, m, u, (m <= l) ? "met" : sprintf("missed by %.2f×%s", m / l, over) }'
}
not_measured() { echo "goal: $1: not measured ($2)"; }
ratio() { awk -v a="${wall[chronomap,$2]}" -v b="${wall[$1,$2]}" 'BEGIN { printf "%.3f", a / b }'; }
has() { [[ -n ${wall[$1,$2]:-} ]]; }
for n in $sizes; do
  for p in $available; do
    if has "$p" "$n"; then goal "4K snapshot faster than $p at $n events (chronomap ÷ $p at most 1)" "$(ratio "$p" "$n")" 1 "×"; fi
  done
done
if has mapnik 10000; then goal "4K snapshot at 10,000 events at most 0.5× Mapnik's time" "$(ratio mapnik 10000)" 0.5 "×"
else not_measured "4K snapshot at 10,000 events at most 0.5× Mapnik's time" "no Mapnik figure at 10,000"; fi
if has gmt 1000000; then goal "4K snapshot at 1,000,000 events at most 0.125× GMT's time" "$(ratio gmt 1000000)" 0.125 "×"
else not_measured "4K snapshot at 1,000,000 events at most 0.125× GMT's time" "no GMT figure at 1,000,000"; fi
if has chronomap 1000000; then
  goal "4K snapshot at 1,000,000 events in at most 1.2 s" "${wall[chronomap,1000000]}" 1.2 " s"
  goal "4K snapshot at 1,000,000 events: peak memory at most 200 MiB" "${rss[chronomap,1000000]}" 200 " MiB"
else
  not_measured "4K snapshot at 1,000,000 events in at most 1.2 s" "1,000,000 not among the sizes"
  not_measured "4K snapshot at 1,000,000 events: peak memory at most 200 MiB" "1,000,000 not among the sizes"
fi
if [[ $renderer_string =~ llvmpipe|softpipe|swrast|lavapipe ]] || [[ -z $renderer_string ]]; then
  not_measured "on a GPU, 4K snapshot of 100,000 events in at most 0.2 s" "the renderer here is ${renderer_string:-unknown}"
elif has chronomap 100000; then
  goal "on a GPU ($renderer_string), 4K snapshot of 100,000 events in at most 0.2 s" "${wall[chronomap,100000]}" 0.2 " s"
else
  not_measured "on a GPU, 4K snapshot of 100,000 events in at most 0.2 s" "100,000 not among the sizes"
fi
goal "scrubbing at most 33 ms per frame at 100,000 events" "$scrub_wall" 33 " ms"
goal "CPU per frame independent of the events outside the window ($other against 100,000 events; met within 1.5×)" \
  "$(awk -v a="$other_cpu" -v b="$scrub_cpu" 'BEGIN { r = b > 0 ? a / b : 0; if (r < 1 && r > 0) r = 1 / r; printf "%.2f", r }')" 1.5 "×"
label="" ; ((aux == 100000)) || label=" (quick: $aux events, the goal is at 100,000)"
goal "frame series at 1080p: each frame after the first at most 0.15 s$label" "$per_frame" 0.15 " s"
echo
echo "- load average after: $(load_line)"
