#!/usr/bin/env bash
# Drags the timeline's slider from the last date back into 2022 and checks that the
# map changed (the Moscow arcs of 2025 are gone) and the large date label changed;
# then Space plays and the date moves on by itself.
# Usage: timeline_test.sh CHRONOMAP_BINARY WORK_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
begin_window_test "$@"
shot "$work/before.png"

# Regions: the map above the timeline, and the date label at the timeline's top right.
map_region="$((ww * 3 / 4))x$((wh - 220))+0+20"  # left of the legend panel
date_region="320x40+$((ww - 330))+$((wh - 182))"
crop() { convert "$1" -crop "$2" +repage "$3"; }
crop "$work/before.png" "$map_region" "$work/map_before.png"
crop "$work/before.png" "$date_region" "$work/date_before.png"

memorandum='#a00024'
red_before=$(share "$work/map_before.png" "$memorandum")
check "the Moscow memoranda arcs show at the last date ($red_before)" "$red_before > 0.0005"

# The slider is the timeline's last row; drag its handle from the right end leftwards.
slider_y=$((wh - 48))
xdotool mousemove --window "$window" $((ww - 14)) $slider_y mousedown 1
for x in $((ww * 8 / 10)) $((ww * 6 / 10)) $((ww * 4 / 10)); do xdotool mousemove --window "$window" "$x" $slider_y; sleep 0.1; done
xdotool mouseup 1
sleep 1
shot "$work/after.png"
crop "$work/after.png" "$map_region" "$work/map_after.png"
crop "$work/after.png" "$date_region" "$work/date_after.png"
check "dragging the slider changed the map" "$(changed "$work/map_before.png" "$work/map_after.png") > 2000"
check "dragging the slider changed the date label" "$(changed "$work/date_before.png" "$work/date_after.png") > 50"
# The memoranda are dotted: a small share of the map, and none before they were signed.
red_after=$(share "$work/map_after.png" "$memorandum")
check "the memoranda arcs are gone before 14 August 2025 ($red_before -> $red_after)" "$red_after < $red_before / 3"

# Space plays: the date label moves on by itself.
xdotool mousemove --window "$window" $((ww / 2)) $((wh / 3))
xdotool windowfocus --sync "$window" 2>/dev/null; xdotool key space
sleep 2
shot "$work/playing.png"
crop "$work/playing.png" "$date_region" "$work/date_playing.png"
check "Space started playback: the date moved" "$(changed "$work/date_after.png" "$work/date_playing.png") > 50"

[[ $failed == 0 ]] || { echo "screenshots in $work"; cat "$work/app.log"; }
exit $failed
