#!/usr/bin/env bash
# Reading events with the mouse. With a one-day window stepped from 17 to 18 August
# 2020 the Kati coup appears alone: hovering it (where the screenshots changed) opens
# its card.
# Then, over all of time and zoomed in, a click on Bamako pins its eight events in
# the inspector. Screenshots are probed; CHRONOMAP_LOG_PICK=1 makes the window name
# on stderr what the card and the inspector show.
# Usage: explore_test.sh CHRONOMAP_BINARY WORK_DIR
set -uo pipefail
binary=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
source "$(dirname "$0")/lib.sh"
need Xvfb xdotool import compare convert
trap cleanup EXIT
cd "$work" || exit 1
failed=0
export CHRONOMAP_LOG_PICK=1

# appeared BEFORE AFTER: "x y", the centre of what appeared between two screenshots, with
# thin changes (the links' moving dashes) eroded away; "" when nothing did. The median
# of the remaining pixels: a star (the coup's marker) keeps only a small core after the
# erosion, and a stray pixel where two moving arcs cross must not pull the centre off.
# (Not masked by the coup's colour: at this size the star is mostly its dark rim.)
appeared() {
  compare -fuzz 10% "$1" "$2" -compose src -highlight-color white -lowlight-color black "$work/diff.png" 2>/dev/null
  local pixels n
  pixels=$(convert "$work/diff.png" -crop "$((ww * 3 / 4))x$((wh - 260))+0+30" +repage -morphology Erode Disk:2 txt:- |
    awk -F'[,: ]+' '/#FFFFFF/ { print $1, $2 }')
  n=$(grep -c . <<< "$pixels")
  ((n >= 4)) || return 0
  median() { cut -d' ' -f"$1" <<< "$pixels" | sort -n | sed -n "$((n / 2 + 1))p"; }
  echo "$(median 1) $((30 + $(median 2)))"
}

start_display
start_app "$binary" --date 2020-08-17 --window 1
read -r ww wh < <(xdotool getwindowgeometry --shell "$window" | awk -F= '/^WIDTH=|^HEIGHT=/ {printf "%s ", $2}')
xdotool mousemove --window "$window" 5 $((wh / 2)); sleep 0.5
shot "$work/17_august.png"
# → steps the one-day window to 18 August 2020: the Kati coup appears, alone.
xdotool windowfocus --sync "$window" 2>/dev/null; xdotool key Right; sleep 1
shot "$work/before.png"
coup='#79001c'
read -r kx ky < <(appeared "$work/17_august.png" "$work/before.png")
if [[ -z ${kx:-} ]]; then echo "FAIL: no marker appeared on 18 August 2020"; exit 1; fi
echo "the Kati coup marker is at $kx,$ky"

# Hover: the card opens below-right of the cursor, with the coup's date and title.
xdotool mousemove --window "$window" "$kx" "$ky"; sleep 1
shot "$work/kati_card.png"
check "no card before hovering" "$(dark "$work/before.png" $((kx + 20)) $((ky + 20)) 300 100) < 0.2"
check "hovering the Kati coup opens a card" "$(dark "$work/kati_card.png" $((kx + 20)) $((ky + 20)) 300 100) > 0.6"
check "the card shows the coup's colour (its category)" \
  "$(share "$work/kati_card.png" "$coup") > $(share "$work/before.png" "$coup")"
grep -q 'card: 1 event(s): 2020-08-18  Mutiny at Kati' "$work/app.log" &&
  echo "ok: the card is the Kati coup of 2020-08-18" || { echo "FAIL: the card is not the Kati coup"; failed=1; }
kill "$app_pid"; wait "$app_pid" 2>/dev/null

# All of time, zoomed in about Kati (the wheel keeps the point under the cursor).
start_app "$binary" --date 2025-08-31 --window 0
xdotool mousemove --window "$window" "$kx" "$ky"; sleep 0.3
for _ in $(seq 12); do xdotool click --window "$window" 4; sleep 0.15; done
xdotool mousemove --window "$window" 5 $((wh / 2)); sleep 1
shot "$work/zoomed.png"
# Bamako's stack lies a few pixels south-east of Kati (0.07° east, 0.10° south): the
# mouse moves there from Kati in 6-pixel steps, nearest points first, until the card
# counts Bamako's eight events.
bx=
while read -r dx dy; do
  xdotool mousemove --window "$window" $((kx + dx)) $((ky + dy)); sleep 0.12
  if grep -q 'card: 8 event(s)' "$work/app.log"; then bx=$((kx + dx)) by=$((ky + dy)); break; fi
done < <(for dx in $(seq 0 6 48); do for dy in $(seq 0 6 48); do echo "$((dx * dx + dy * dy)) $dx $dy"; done; done |
         sort -n | cut -d' ' -f2-)
if [[ -z ${bx:-} ]]; then echo "FAIL: no card of 8 events near Kati when zoomed in"; exit 1; fi
echo "Bamako's stack is at $bx,$by"
xdotool mousemove --window "$window" "$bx" "$by"; sleep 0.8
shot "$work/bamako_card.png"
xdotool click --window "$window" 1; sleep 0.5
xdotool mousemove --window "$window" $((ww / 2)) $((wh - 30)); sleep 1  # over the timeline: no card
shot "$work/bamako_inspector.png"
check "no inspector before the click (top left)" "$(dark "$work/zoomed.png" 20 70 400 150) < 0.2"
check "clicking Bamako opens the inspector (top left)" "$(dark "$work/bamako_inspector.png" 20 70 400 150) > 0.6"
check "the card over Bamako shows (8 events here)" "$(dark "$work/bamako_card.png" $((bx + 20)) $((by + 20)) 300 100) > 0.6"
pinned=$(grep '^pinned:' "$work/app.log" | tail -1)
[[ $pinned == "pinned: 8 event(s):"* && $pinned == *"2025-08  Soldiers arrested in Bamako"* &&
   $pinned == *"2021-05-24  Second coup in Mali"* ]] &&
  echo "ok: the inspector lists Bamako's 8 events, the month-precision arrests as 2025-08" ||
  { echo "FAIL: the inspector's list: $pinned"; failed=1; }

# The event table (Ctrl+T) over all of time, exported as CSV with its button: the
# same rows as `chronomap events --format csv` (the file lands in the app's folder).
xdotool windowfocus --sync "$window" 2>/dev/null; xdotool key ctrl+t; sleep 1.5
shot "$work/table.png"
check "Ctrl+T opens the event table (a panel above the timeline)" "$(dark "$work/table.png" 20 $((wh * 60 / 100)) 500 80) > 0.6"
# "Export CSV" sits right of the 200-pixel path field on the table's first row. The
# table opens just above the timeline (172 px) and the status bar, under the menu bar
# (19 px each), 26% of the work area tall (src/ui/event_table_panel.cpp).
timeline_top=$((wh - 19 - 19 - 172)) table_h=$(((wh - 19) * 26 / 100))
((table_h > timeline_top * 45 / 100)) && table_h=$((timeline_top * 45 / 100))
table_top=$((19 + timeline_top - table_h - 6))
xdotool mousemove --window "$window" $((ww * 2 / 5)) $((table_top + 40)) mousedown 1; sleep 0.3; xdotool mouseup 1
sleep 1.5
"$binary" events --format csv >"$work/cli.csv"
if [[ -s $work/events.csv ]] && diff <(sort "$work/cli.csv") <(sort "$work/events.csv") >/dev/null; then
  echo "ok: the table's CSV export holds the rows of 'chronomap events' ($(($(wc -l <"$work/events.csv") - 1)) events)"
else
  echo "FAIL: the table's CSV export differs from 'chronomap events' (or is missing)"; failed=1
fi

[[ $failed == 0 ]] || { echo "screenshots in $work"; cat "$work/app.log"; }
exit $failed
