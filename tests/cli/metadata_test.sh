#!/usr/bin/env bash
# What `chronomap render` records in its files besides the pixels, read back with
# ImageMagick: the PNG's resolution and text chunks, the JPEG's density and comment.
# Usage: bash metadata_test.sh CHRONOMAP SCRATCH_DIR
set -uo pipefail
chronomap=$1 scratch=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
begin_cli_test "$scratch"
demo_store s.db
args=(--data s.db --size 320x200 --date 2025-08-14 --title "Sahel figure" --dpi 300)
"$chronomap" render "${args[@]}" --out m.png || { echo "FAIL: render m.png" >&2; exit 1; }
png=$(identify -verbose m.png) || { echo "FAIL: identify m.png" >&2; exit 1; }
expect() { grep -qE -- "$2" <<< "$1" || fail "no /$2/ in $3"; }
expect "$png" "Resolution: 118\.11x118\.11" "the PNG (300 dpi)"
expect "$png" "Units: PixelsPerCentimeter" "the PNG"
expect "$png" "Title: Sahel figure" "the PNG"
# The caption drawn under the map: period, counts and sources. Its dash is not
# Latin-1, so it is an international text chunk (iTXt, uncompressed), which
# ImageMagick does not list: read from the file's bytes.
itxt() {
  LC_ALL=C tr '\000' '\n' < "$1" | LC_ALL=C grep -a -A5 'iTXtDescription$' | LC_ALL=C grep -a -o '^Events.*\|^All events.*' |
    sed 's/^/Description: /'
}
expect "$(itxt m.png)" "Description: Events 16 July – 14 August 2025 · [0-9]+ events?( \([0-9,]+ fatalities reported\))?, [0-9]+ active links?.* · Sources: events\.csv, links\.csv" "the PNG"
expect "$png" "Copyright: Boundaries: Natural Earth" "the PNG"
expect "$png" "Source: events\.csv, links\.csv" "the PNG"
expect "$png" "Software: chronomap [0-9]+\.[0-9]+\.[0-9]+" "the PNG"
expect "$png" "Creation Time: [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z" "the PNG"

# The counts are the frame's: a day with no event in its window says 0.
"$chronomap" render --data s.db --size 320x200 --date 1990-01-01 --out empty.png || fail "render empty.png"
expect "$(itxt empty.png)" "Description: Events 3 December 1989 – 1 January 1990 · 0 events, [0-9]+ active links?" "empty.png"

"$chronomap" render "${args[@]}" --quality 80 --out m.jpg || { echo "FAIL: render m.jpg" >&2; exit 1; }
jpg=$(identify -format '%x %y %U %Q|%c' m.jpg) || fail "identify m.jpg"
expect "$jpg" "^300 300 PixelsPerInch 80\|" "the JPEG (density, units, quality)"
expect "$jpg" "Title: Sahel figure" "the JPEG's comment"
exit $failed
