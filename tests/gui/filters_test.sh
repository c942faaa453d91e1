#!/usr/bin/env bash
# The Filters window (Ctrl+F) filters the map through the store, as `chronomap events
# --country` does: on 18 August 2020 the Kati coup shows; the country "Niger" hides it
# (it happened in Mali and no actor of it is Nigerien); Clear brings it back; words
# apply as they are typed, the last one a prefix.
# Usage: filters_test.sh CHRONOMAP_BINARY WORK_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
begin_window_test "$@"
hold() { xdotool keydown "$@"; sleep 0.2; xdotool keyup "$@"; sleep 0.8; }

go_to_date "18 August 2020"
hold ctrl f  # the Filters window opens at the top left
shot "$work/open.png"
kati=$(avg_rgb "$work/open.png" "$kati_x" "$kati_y")
check "18 August 2020 shows the Kati coup (rgb $kati)" "$(is_coup "$kati")"

xdotool mousemove --window "$window" 108 70 click 1  # the country field
sleep 0.4
xdotool type --delay 60 "Niger"
sleep 0.3
hold Return
xdotool mousemove --window "$window" $((ww / 2)) $((wh / 4))
sleep 1
shot "$work/niger.png"
kati=$(avg_rgb "$work/niger.png" "$kati_x" "$kati_y")
check "the country Niger hides the coup in Mali (rgb $kati)" "!($(is_coup "$kati"))"

xdotool mousemove --window "$window" 91 220 click 1  # Clear
sleep 0.3
xdotool mousemove --window "$window" $((ww / 2)) $((wh / 4))
sleep 1
shot "$work/cleared.png"
kati=$(avg_rgb "$work/cleared.png" "$kati_x" "$kati_y")
check "Clear shows it again (rgb $kati)" "$(is_coup "$kati")"

# The words apply as they are typed, the last one as a prefix: "Kax" (no Enter) hides
# the coup at Kati, and "Ka" shows it again, as "Ka" alone, a whole word, would not.
xdotool mousemove --window "$window" 108 120 click 1  # the words field
sleep 0.4
xdotool type --delay 120 "Kax"
away() { xdotool mousemove --window "$window" $((ww / 2)) $((wh / 4)); sleep 1; }
away
shot "$work/kax.png"
kati=$(avg_rgb "$work/kax.png" "$kati_x" "$kati_y")
check "typing 'Kax' hides the coup at Kati (rgb $kati)" "!($(is_coup "$kati"))"
xdotool mousemove --window "$window" 108 120 click 1
sleep 0.4
hold BackSpace  # the caret is at the end: the click was past the text
away
shot "$work/ka.png"
kati=$(avg_rgb "$work/ka.png" "$kati_x" "$kati_y")
check "'Ka' being typed finds Kati and shows it (rgb $kati)" "$(is_coup "$kati")"

[[ $failed == 0 ]] || { echo "screenshots in $work"; cat "$work/app.log"; }
exit $failed
