#!/usr/bin/env bash
# The legend's entries filter the map: on 18 August 2020 the Kati coup shows; a click
# on "coup" in the legend hides it from the map and its days from the histogram; a
# second click brings both back.
# Usage: legend_filter_test.sh CHRONOMAP_BINARY WORK_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
begin_window_test "$@"
# The histogram's bars (orange) in the timeline, under its first row.
histogram_region="$((ww - 20))x40+10+$((wh - 152))"
bars='#e6a03c'
crop() { convert "$1" -crop "$2" +repage "$3"; }
# The legend panel opens at the top right, under the menu bar: "coup" is its first
# event entry.
click_coup() {
  xdotool mousemove --window "$window" $((ww - 200)) 76 click 1
  sleep 0.3
  xdotool mousemove --window "$window" $((ww / 2)) $((wh / 4))
  sleep 1
}

go_to_date "18 August 2020"
shot "$work/shown.png"
crop "$work/shown.png" "$histogram_region" "$work/bars_shown.png"
kati=$(avg_rgb "$work/shown.png" "$kati_x" "$kati_y")
check "18 August 2020 shows the Kati coup (rgb $kati)" "$(is_coup "$kati")"

click_coup
shot "$work/hidden.png"
crop "$work/hidden.png" "$histogram_region" "$work/bars_hidden.png"
kati=$(avg_rgb "$work/hidden.png" "$kati_x" "$kati_y")
check "a click on 'coup' in the legend hides it (rgb $kati)" "!($(is_coup "$kati"))"
shown_bars=$(share "$work/bars_shown.png" "$bars") hidden_bars=$(share "$work/bars_hidden.png" "$bars")
check "and the coups' days leave the histogram ($shown_bars -> $hidden_bars)" "$hidden_bars < $shown_bars * 0.95"

click_coup
shot "$work/again.png"
kati=$(avg_rgb "$work/again.png" "$kati_x" "$kati_y")
check "a second click shows it again (rgb $kati)" "$(is_coup "$kati")"

[[ $failed == 0 ]] || { echo "screenshots in $work"; cat "$work/app.log"; }
exit $failed
