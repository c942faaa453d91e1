#!/usr/bin/env bash
# Starts the map window, zooms with the mouse wheel over Mali, drags it, and checks
# that the picture changed and still shows the map (sea, land, Mali's fill larger);
# then quits with Ctrl+Q and checks the window size was remembered.
# Usage: scroll_test.sh CHRONOMAP_BINARY WORK_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
begin_window_test "$@"
shot "$work/before.png"

sea='#c9dde8' land='#eeebe4' mali='#f2d9ae'
mali_before=$(share "$work/before.png" "$mali")
check "the window shows the sea" "$(share "$work/before.png" "$sea") > 0.10"
check "the window shows land" "$(share "$work/before.png" "$land") > 0.10"
# About 1% of a 1280x800 window: the map opens on the Sahel and Moscow together.
check "the window shows Mali in its own fill" "$mali_before > 0.005"

# Mali's centroid is left of the centre, low in the default view; zoom in over it.
read -r wx wy ww wh < <(xdotool getwindowgeometry --shell "$window" | awk -F= '/^X=|^Y=|^WIDTH=|^HEIGHT=/ {printf "%s ", $2}')
xdotool mousemove --window "$window" $((ww * 36 / 100)) $((wh * 74 / 100))
for _ in 1 2 3 4; do xdotool click 4; sleep 0.25; done
sleep 1
shot "$work/zoomed.png"
mali_zoomed=$(share "$work/zoomed.png" "$mali")
check "scrolling changed the picture" "$(changed "$work/before.png" "$work/zoomed.png") > 20000"
check "zooming in over Mali made it larger ($mali_before -> $mali_zoomed)" "$mali_zoomed > $mali_before * 2"
check "the zoomed window still shows land" "$(share "$work/zoomed.png" "$land") + $mali_zoomed > 0.2"

# Drag the map by 200 px to the right.
xdotool mousemove --window "$window" 300 300 mousedown 1 mousemove --window "$window" 400 300 \
  mousemove --window "$window" 500 300 mouseup 1  # one quick flick: must not be lost
sleep 1
shot "$work/dragged.png"
check "dragging changed the picture" "$(changed "$work/zoomed.png" "$work/dragged.png") > 20000"

# Ctrl+Q quits and the window size is kept for the next run.
xdotool windowfocus --sync "$window" 2>/dev/null; xdotool key ctrl+q
for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then echo "FAIL: Ctrl+Q did not quit"; failed=1; fi
settings="$XDG_CONFIG_HOME/chronomap/settings.ini"
if grep -q "^window_width=$ww$" "$settings" 2>/dev/null; then echo "ok: window size saved"; else
  echo "FAIL: window size not saved in $settings"; failed=1; fi

[[ $failed == 0 ]] || { echo "screenshots in $work"; cat "$work/app.log"; }
exit $failed
