#!/usr/bin/env bash
# Typing a date lands on it: "18 August 2020" in the timeline's "go to date" field
# shows the Kati coup of that day (coup red at Kati) and no 2025 Moscow memoranda;
# a date that does not exist is refused with a message and moves nothing; the date
# comes back when the window is opened again.
# Usage: typed_date_test.sh CHRONOMAP_BINARY WORK_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
begin_window_test "$@"
# Left of the legend, above the timeline, below Moscow's marker (whose anti-aliased
# edge has a few pixels near France's blue).
map_region="$((ww * 3 / 4))x$((wh - 280))+0+60"
date_region="320x40+$((ww - 330))+$((wh - 182))"
status_region="$((ww / 2))x16+$((ww / 2))+$((wh - 18))"
crop() { convert "$1" -crop "$2" +repage "$3"; }
french='#0060bb' error_text='#e64d33'

shot "$work/start.png"
crop "$work/start.png" "$map_region" "$work/map_start.png"
kati_start=$(avg_rgb "$work/start.png" "$kati_x" "$kati_y")
check "no coup at Kati at the data's last date (rgb $kati_start)" "!($(is_coup "$kati_start"))"
french_start=$(share "$work/map_start.png" "$french")

go_to_date "18 August 2020"
shot "$work/typed.png"
crop "$work/typed.png" "$map_region" "$work/map_typed.png"
crop "$work/typed.png" "$date_region" "$work/date_typed.png"
kati_typed=$(avg_rgb "$work/typed.png" "$kati_x" "$kati_y")
check "18 August 2020 shows the Kati coup (rgb $kati_typed)" "$(is_coup "$kati_typed")"
# France's military presence in Mali, Burkina Faso and Niger: blue arcs from Paris.
check "and France's military presence of 2020" "$(share "$work/map_typed.png" "$french") > $french_start * 2.5"

go_to_date "2024-02-30"
shot "$work/refused.png"
crop "$work/refused.png" "$date_region" "$work/date_refused.png"
crop "$work/refused.png" "$status_region" "$work/status_refused.png"
check "a date that does not exist moves nothing" "$(changed "$work/date_typed.png" "$work/date_refused.png") < 20"
check "and the status bar says so in red" "$(share "$work/status_refused.png" "$error_text") > 0.01"

# Closed and opened again: the same date.
xdotool mousemove --window "$window" $((ww / 2)) $((wh / 3)) click 1
sleep 0.5
xdotool key ctrl+q
for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
start_app "$binary"
shot "$work/reopened.png"
crop "$work/reopened.png" "$date_region" "$work/date_reopened.png"
check "the date is kept between runs" "$(changed "$work/date_typed.png" "$work/date_reopened.png") < 20"

[[ $failed == 0 ]] || { echo "screenshots in $work"; cat "$work/app.log"; }
exit $failed
