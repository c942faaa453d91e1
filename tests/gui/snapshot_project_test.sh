#!/usr/bin/env bash
# One composer for the window and the command line: a snapshot saved from the window
# (File > Save snapshot, 14 August 2025, a title typed in the dialog, the project
# saved beside it) and `chronomap render --project` of that project are the same
# image to the pixel; the snapshot carries the furniture (title block, caption band);
# the dialog shows a preview of the page; a .pdf typed as the file name is saved as a
# vector PDF page of the size chosen.
# Usage: snapshot_project_test.sh CHRONOMAP_BINARY WORK_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
binary=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
cd "$work" || exit 1  # the dialog saves into the current directory
open_window "$binary"

# Held keys and clicks: ImGui 1.86 reads them once a frame.
press() { xdotool keydown "$@"; sleep 0.25; for ((i = $#; i >= 1; i--)); do xdotool keyup "${!i}"; done; sleep 0.3; }
click() { xdotool mousemove --window "$window" "$1" "$2"; sleep 0.3; xdotool mousedown 1; sleep 0.2; xdotool mouseup 1; sleep 0.4; }
# field X Y TEXT: replaces a text field's contents.
field() { click "$1" "$2"; press ctrl+a; xdotool type --delay 50 "$3"; sleep 0.3; press Tab; }

go_to_date 2025-08-14
press ctrl s
sleep 2  # the dialog centres itself once it has drawn its preview
# The dialog, centred on the 1280x800 window: width, height, title, then Save.
field 330 317 800
field 330 342 500
field 350 467 "Round trip"
sleep 1
shot "$work/dialog.png"
# The preview (right of the fields): the composed page's sea in its top left corner.
preview=$(avg_rgb "$work/dialog.png" 790 300)
check "a preview of the page (rgb $preview)" "$(awk -v c="$preview" 'BEGIN { split(c, v, " "); print (v[1] > 180 && v[2] > 200 && v[3] > 210) }') == 1"
click 288 596
for _ in $(seq 60); do [[ -s chronomap-snapshot.chronomap.json ]] && break; sleep 0.5; done
sleep 0.5

[[ -s chronomap-snapshot.png ]] || { echo "FAIL: no snapshot written"; cat "$work/app.log"; exit 1; }
[[ -s chronomap-snapshot.chronomap.json ]] || { echo "FAIL: no project beside the snapshot"; exit 1; }
read -r sw sh < <(identify -format '%w %h' chronomap-snapshot.png)
check "the snapshot has the size typed (${sw}x${sh})" "$sw == 800 && $sh == 500"
check "the project holds the date" "$(grep -c '"date": "2025-08-14"' chronomap-snapshot.chronomap.json) == 1"
check "and the title" "$(grep -c '"title": "Round trip"' chronomap-snapshot.chronomap.json) == 1"
# The caption band: white under the map frame; the title block's box at the top left.
band=$(avg_rgb chronomap-snapshot.png 600 485)
check "a caption band under the map (rgb $band)" "$(awk -v c="$band" 'BEGIN { split(c, v, " "); print (v[1] > 250 && v[2] > 250 && v[3] > 250) }') == 1"

# The same project drawn by the command line (the same store: the window's
# XDG_DATA_HOME, which start_app exported).
"$binary" render --project chronomap-snapshot.chronomap.json --out cli.png || { echo "FAIL: render --project"; exit 1; }
differing=$(compare -metric AE chronomap-snapshot.png cli.png "$work/diff.png" 2>&1 | cut -d' ' -f1)
check "the command line draws the window's snapshot to the pixel ($differing pixels differ)" "$differing == 0"

# The same dialog saves a PDF through the vector writer: 800x500 px at 96 dpi.
press ctrl s
sleep 2
field 340 242 "fig.pdf"
click 288 596
for _ in $(seq 40); do [[ -s fig.pdf ]] && break; sleep 0.5; done
check "a PDF from the dialog ($(pdfinfo fig.pdf 2>&1 | grep -E 'Page size|Error' | tr -s ' '))" \
  "$(pdfinfo fig.pdf 2>/dev/null | grep -c 'Page size: *600 x 375 pts') == 1"

exit $failed
