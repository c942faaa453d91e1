#!/usr/bin/env bash
# File → Export animation…: a GIF of five frames (2025-01-01 to 2025-08-31 by 60
# days) at 320x200 reads back with ffprobe as 5 frames lasting 1.25 s at 4 fps; during
# a long MP4 export the window keeps drawing (the progress bar moves), and Cancel
# leaves no file, not even a temporary one.
# Usage: animation_test.sh CHRONOMAP_BINARY WORK_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
need ffprobe
# Started in the work folder, so the files are named as a person would: story.gif.
binary=$1 work=$2
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
open_window "$binary"
# The dialog is centred: its fields' rows, in a 1280x800 window.
field_x=540 file_y=305 from_y=355 step_y=405 width_y=455 height_y=480 button_y=534
# While it runs, Cancel takes Export's place and the progress bar the rest of the row.
cancel_y=$button_y
progress_region="280x14+565+528"

open_dialog() {
  xdotool mousemove --window "$window" 20 10 click 1  # File
  sleep 0.7
  xdotool mousemove --window "$window" 60 52 click 1  # Export animation…
  sleep 1
}
# set_field Y TEXT: replaces the text of the field on row Y (keys held for a frame or
# more: ImGui reads them once a frame).
set_field() {
  xdotool mousemove --window "$window" "$field_x" "$1" click 1
  sleep 0.2
  xdotool keydown ctrl keydown a
  sleep 0.15
  xdotool keyup a keyup ctrl
  sleep 0.1
  xdotool type --delay 25 "$2"
  sleep 0.2
}

open_dialog
set_field "$file_y" "story.gif"
set_field "$from_y" "2025-01-01"
set_field "$step_y" "60"
set_field "$width_y" "320"
set_field "$height_y" "200"
xdotool mousemove --window "$window" 488 "$button_y" click 1
for _ in $(seq 150); do [[ -f $work/story.gif ]] && break; sleep 0.2; done
info=$(ffprobe -v error -count_frames -show_entries stream=nb_read_frames -show_entries format=duration \
  -of default=noprint_wrappers=1 "$work/story.gif" 2>&1)
check "the GIF has 5 frames ($(tr '\n' ' ' <<< "$info"))" "$(grep -c '^nb_read_frames=5$' <<< "$info") == 1"
check "and lasts 1.25 s" "$(grep -c '^duration=1.250000$' <<< "$info") == 1"

# Some 1,700 frames by the day: still running when cancelled.
open_dialog
set_field "$file_y" "long.mp4"
set_field "$from_y" "2021-01-01"
set_field "$step_y" "1"
xdotool mousemove --window "$window" 488 "$button_y" click 1
sleep 1
shot "$work/running1.png"
sleep 0.5
shot "$work/running2.png"
convert "$work/running1.png" -crop "$progress_region" +repage "$work/progress1.png"
convert "$work/running2.png" -crop "$progress_region" +repage "$work/progress2.png"
check "the window draws while exporting: the progress bar moves" \
  "$(changed "$work/progress1.png" "$work/progress2.png") > 10"
check "a temporary file is being written" "$(compgen -G "$work/.long.mp4.tmp-*" | wc -l) == 1"
# Held across a frame or more (a frame that encodes can take most of a second here):
# ImGui 1.86 misses a press and a release that arrive within one frame.
xdotool mousemove --window "$window" 488 "$cancel_y" mousedown 1
sleep 1
xdotool mouseup 1
for _ in $(seq 20); do (($(ls -A "$work" | grep -c long) == 0)) && break; sleep 0.25; done
check "Cancel leaves no file ($(ls -A "$work" | grep long | tr '\n' ' '))" "$(ls -A "$work" | grep -c long) == 0"

[[ $failed == 0 ]] || { echo "screenshots in $work"; cat "$work/app.log"; }
exit $failed
