#!/usr/bin/env bash
# The same map as PNG (OpenGL), PDF and SVG (Cairo): the PDF rasterised by poppler
# (pdftoppm) and the SVG by librsvg (rsvg-convert) at the PNG's pixel size look like
# the PNG (mean difference per channel, and probes on the sea, Niger's fill and a coup
# event's disc); imprecise events drawn as the GL renderer draws them (a ring for a
# date known to its month, a dashed circle for a place known to its region, rims in the
# theme's colour); the PDF embeds DejaVu and is a page of the right size in points; the
# SVG is paths, with no embedded image.
# Usage: bash vector_test.sh CHRONOMAP SCRATCH_DIR
set -uo pipefail
chronomap=$1 scratch=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
begin_cli_test "$scratch"
demo_store s.db
# One coup in the Algerian desert, four days before the date: away from every label.
printf 'date,title,lon,lat,category\n2025-08-10,A coup in the desert,5.0,25.0,coup\n' > coup.csv
"$chronomap" import coup.csv --data s.db > /dev/null 2>&1 || { echo "FAIL: cannot import coup.csv" >&2; exit 1; }

# Plate carree over -20..60 E, 0..62 N fitted exactly into the map frame: the 400x310
# image less its 40-pixel caption band, so 5 pixels a degree across and 270/62 down.
args=(--projection EPSG:4326 --bbox -20,0,60,62 --size 400x310 --date 2025-08-14 --data s.db)
for format in png pdf svg; do
  "$chronomap" render "${args[@]}" --out "m.$format" || { echo "FAIL: render m.$format" >&2; exit 1; }
done
pdftoppm -png -singlefile -scale-to-x 400 -scale-to-y 310 m.pdf from_pdf || fail "pdftoppm cannot read m.pdf"
rsvg-convert -w 400 -h 310 m.svg -o from_svg.png || fail "rsvg-convert cannot read m.svg"

# The sea in the Atlantic (15 W, 35 N), Niger's fill (14 E, 21 N, away from its name)
# and the coup's marker (5 E, 25 N), as pixels.
probes=(25,118 170,179 125,161)
names=("the sea" "Niger's fill" "the coup event")
# "r,g,b" of each probe, one a line, in one ImageMagick call.
colors() {
  local format="" p
  for p in "${probes[@]}"; do format+="%[fx:int(255*p{$p}.r+0.5)],%[fx:int(255*p{$p}.g+0.5)],%[fx:int(255*p{$p}.b+0.5)]\n"; done
  convert "$1" -format "$format" info:
}
# Whether two "r,g,b" differ by at most $3 on every channel.
near() {
  awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { split(a, x, ","); split(b, y, ",");
    for (i = 1; i <= 3; ++i) { d = x[i] - y[i]; if (d < 0) d = -d; if (d > t) exit 1 } }'
}

mapfile -t want < <(colors m.png)
# The probes are what they claim to be in the PNG itself.
[[ ${want[0]} == 201,221,232 ]] || fail "the sea probe is ${want[0]}, not the sea's c9dde8"
[[ ${want[1]} == 230,198,216 ]] || fail "Niger's probe is ${want[1]}, not its fill e6c6d8"
awk -v c="${want[2]}" 'BEGIN { split(c, x, ","); exit !(x[1] > 100 && x[2] < 60 && x[3] < 80 && x[1] > x[2] + 60) }' ||
  fail "the coup's probe is ${want[2]}, not the coup's crimson"
for raster in from_pdf.png from_svg.png; do
  [[ -f $raster ]] || continue
  size=$(identify -format "%wx%h" "$raster")
  [[ $size == 400x310 ]] || fail "$raster is $size, not 400x310"
  # Mean absolute difference per channel, 0..255 (ImageMagick's MAE is in 0..65535).
  mae=$(compare -metric MAE m.png "$raster" null: 2>&1 | awk '{ printf "%.2f", $1 / 257 }')
  awk -v m="$mae" 'BEGIN { exit !(m <= 9.0) }' || fail "$raster differs from the PNG by $mae per channel on average"
  mapfile -t got < <(colors "$raster")
  # The coup's star is 10 px across here: its rim reaches the centre pixel, which the
  # two rasterisers shade differently; it must be the coup's crimson in each.
  awk -v c="${got[2]:-0,0,0}" 'BEGIN { split(c, x, ","); exit !(x[1] > 100 && x[2] < 60 && x[3] < 80 && x[1] > x[2] + 60) }' ||
    fail "$raster has ${got[2]:-none} at ${probes[2]} (the coup event), not the coup's crimson"
  for i in 0 1; do
    near "${want[i]}" "${got[i]:-none}" 12 ||
      fail "$raster has ${got[i]:-none} at ${probes[i]} (${names[i]}), the PNG ${want[i]}"
  done
done

# The event symbols (tests/data/symbols, as the render case event_symbols probes them)
# in the dark theme: the month-dated agreement is a ring with the sea in its middle, the
# region-placed one has a dashed circle (a dash and the gap after it), and the disc's
# rim is the dark theme's light rim, in the PDF and SVG as in the PNG.
"$chronomap" import "$(dirname "${BASH_SOURCE[0]}")/../data/symbols/symbols.csv" --data sym.db > /dev/null 2>&1 ||
  fail "cannot import symbols.csv"
sym_args=(--data sym.db --projection EPSG:4326 --bbox 0,-2.5,10,3.5 --size 500x300 --scale 3 --date 2025-08-14
  --window 7 --plain --theme dark)
for format in png pdf svg; do
  "$chronomap" render "${sym_args[@]}" --out "sym.$format" || fail "render sym.$format"
done
pdftoppm -png -singlefile -scale-to-x 500 -scale-to-y 300 sym.pdf sym_pdf || fail "pdftoppm cannot read sym.pdf"
rsvg-convert -w 500 -h 300 sym.svg -o sym_svg.png || fail "rsvg-convert cannot read sym.svg"
probes=(250,225 259,225 428,179 426,186 114,225)
names=("the ring's middle" "the ring" "a dash of the circle" "the gap after it" "the disc's rim")
mapfile -t want < <(colors sym.png)
[[ ${want[0]} == 23,33,43 && ${want[3]} == 23,33,43 ]] ||
  fail "the PNG's ring middle and dash gap are ${want[0]} and ${want[3]}, not the dark sea 17212b"
awk -v c="${want[4]}" 'BEGIN { split(c, x, ","); exit !(x[1] > 150 && x[2] > 150 && x[3] > 150) }' ||
  fail "the PNG's disc rim is ${want[4]}, not the dark theme's light rim"
for raster in sym_pdf.png sym_svg.png; do
  [[ -f $raster ]] || continue
  mapfile -t got < <(colors "$raster")
  for i in "${!probes[@]}"; do
    near "${want[i]}" "${got[i]:-none}" 16 ||
      fail "$raster has ${got[i]:-none} at ${probes[i]} (${names[i]}), the PNG ${want[i]}"
  done
done

# A vector PDF: DejaVu embedded, a page of 400x310 px at 96 dpi = 300x232.5 pt, small.
fonts=$(pdffonts m.pdf) || fail "pdffonts cannot read m.pdf"
grep -q "DejaVuSans-Bold .* yes" <<< "$fonts" || fail "DejaVu Sans Bold is not embedded: $fonts"
grep -q "DejaVuSans .* yes" <<< "$fonts" || fail "DejaVu Sans is not embedded: $fonts"
pdfinfo m.pdf | grep -q "Page size: *300 x 232.5 pts" || fail "page size: $(pdfinfo m.pdf | grep 'Page size')"
bytes=$(stat -c %s m.pdf)
((bytes < 1000000)) || fail "m.pdf is $bytes bytes"
# An SVG of paths: no raster image inside, the same size in points.
grep -q "<path" m.svg || fail "m.svg has no <path>"
grep -q "<image" m.svg && fail "m.svg embeds an image"
grep -q 'width="300pt" height="232.5pt"' m.svg || fail "m.svg size: $(grep -o 'width="[^"]*" height="[^"]*"' m.svg | head -1)"

# --paper A4 --dpi 300 is an A4 page in points.
"$chronomap" render --paper A4 --dpi 300 --no-data --out a4.pdf || fail "render a4.pdf"
pdfinfo a4.pdf | grep -q "Page size: *595.2 x 841.9[0-9]* pts (A4)" || fail "A4: $(pdfinfo a4.pdf | grep 'Page size')"
exit $failed
