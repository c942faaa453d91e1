#!/usr/bin/env bash
# The Filters window's country filters the links as `chronomap links --country` does
# (an end in the country, a city counting as its country): at the last date the
# Moscow memoranda show on the map and as bars under the timeline; the country France
# hides both (no end of theirs is French). A malformed search is a message in the
# panel, and the map keeps its filters.
# Usage: links_filter_test.sh CHRONOMAP_BINARY WORK_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
begin_window_test "$@"
hold() { xdotool keydown "$@"; sleep 0.2; xdotool keyup "$@"; sleep 0.8; }
crop() { convert "$1" -crop "$2" +repage "$3"; }
away() { xdotool mousemove --window "$window" $((ww / 2)) $((wh / 4)); sleep 1; }

map_region="$((ww * 3 / 4 - 300))x$((wh - 220))+300+20"  # right of the Filters window, left of the legend
bars_region="$((ww - 20))x30+10+$((wh - 102))"           # the link bars under the histogram
panel_region="290x280+8+30"                               # the Filters window
memorandum='#a00024' message='#ff7366'

hold ctrl f  # the Filters window opens at the top left
away
shot "$work/all.png"
crop "$work/all.png" "$map_region" "$work/map_all.png"
crop "$work/all.png" "$bars_region" "$work/bars_all.png"
map_all=$(share "$work/map_all.png" "$memorandum") bars_all=$(share "$work/bars_all.png" "$memorandum")
check "the memoranda show on the map ($map_all) and under the timeline ($bars_all)" \
  "$map_all > 0.0005 && $bars_all > 0.01"

xdotool mousemove --window "$window" 108 70 click 1  # the country field
sleep 0.4
xdotool type --delay 60 "France"
sleep 0.3
hold Return
away
shot "$work/france.png"
crop "$work/france.png" "$map_region" "$work/map_france.png"
crop "$work/france.png" "$bars_region" "$work/bars_france.png"
map_france=$(share "$work/map_france.png" "$memorandum") bars_france=$(share "$work/bars_france.png" "$memorandum")
check "the country France hides the memoranda's arcs ($map_all -> $map_france)" "$map_france < $map_all / 5"
check "and their bars under the timeline ($bars_all -> $bars_france)" "$bars_france < $bars_all / 5"

xdotool mousemove --window "$window" 108 120 click 1  # the words field
sleep 0.4
xdotool type --delay 60 '"mutual'
sleep 0.3
hold Return
away
shot "$work/malformed.png"
crop "$work/france.png" "$panel_region" "$work/panel_before.png"
crop "$work/malformed.png" "$panel_region" "$work/panel_malformed.png"
said=$(share "$work/panel_malformed.png" "$message") before=$(share "$work/panel_before.png" "$message")
check "an unclosed quote is a message in the panel ($before -> $said)" "$said > $before + 0.0004"
crop "$work/malformed.png" "$map_region" "$work/map_malformed.png"
check "and the map keeps the filters it had" "$(changed "$work/map_france.png" "$work/map_malformed.png") < 200"

[[ $failed == 0 ]] || { echo "screenshots in $work"; cat "$work/app.log"; }
exit $failed
