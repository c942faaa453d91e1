#!/usr/bin/env bash
# The window itself: F1 opens the keyboard shortcuts window over the map and F1 closes
# it; shrunk to 900x600, the legend (remembered at the right of a 1280-wide window)
# is still inside it, at its right edge.
# Usage: window_test.sh CHRONOMAP_BINARY WORK_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
begin_window_test "$@"
# The middle of the map, where the shortcuts window opens.
box="$((ww / 2 - 150)) $((wh * 2 / 5 - 100)) 300 200"
press() { xdotool keydown "$1"; sleep 0.2; xdotool keyup "$1"; sleep 1; }

xdotool mousemove --window "$window" 5 $((wh / 2))
shot "$work/map.png"
# shellcheck disable=SC2086
check "the middle of the map is light before F1" "$(dark "$work/map.png" $box) < 0.3"
press F1
shot "$work/shortcuts.png"
# shellcheck disable=SC2086
check "F1 opens the shortcuts window over it" "$(dark "$work/shortcuts.png" $box) > 0.6"
press F1
shot "$work/closed.png"
# shellcheck disable=SC2086
check "a second F1 closes it" "$(dark "$work/closed.png" $box) < 0.3"

xdotool windowsize "$window" 900 600
sleep 1.5
shot "$work/small.png"
read -r sw sh < <(identify -format '%w %h' "$work/small.png")
check "the window is 900x600 (got ${sw}x$sh)" "$sw == 900 && $sh == 600"
check "the legend is at the right edge of the small window" "$(dark "$work/small.png" 700 60 190 200) > 0.6"

[[ $failed == 0 ]] || { echo "screenshots in $work"; cat "$work/app.log"; }
exit $failed
