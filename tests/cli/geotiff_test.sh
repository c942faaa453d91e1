#!/usr/bin/env bash
# A GeoTIFF from `chronomap render`, read back with GDAL's own tools: its size and CRS,
# its corners where --bbox put the map, Bamako's lon/lat (through the geotransform) on
# the pixel where the map draws Bamako's dot, and the same pixels as the PNG.
# Usage: bash geotiff_test.sh CHRONOMAP SCRATCH_DIR
set -uo pipefail
chronomap=$1 scratch=$2
rm -rf "$scratch" && mkdir -p "$scratch" && cd "$scratch" || exit 1
failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }

# With plate carree and --bbox -20,0,60,62 at 800x620 a pixel is 0.1 degree square.
args=(--projection EPSG:4326 --bbox -20,0,60,62 --size 800x620 --no-data --plain)
"$chronomap" render "${args[@]}" --out m.tif || { echo "FAIL: render m.tif" >&2; exit 1; }
"$chronomap" render "${args[@]}" --out m.png || { echo "FAIL: render m.png" >&2; exit 1; }

info=$(gdalinfo m.tif) || { echo "FAIL: gdalinfo cannot read m.tif" >&2; exit 1; }
grep -q "^Driver: GTiff/GeoTIFF" <<< "$info" || fail "not a GeoTIFF"
grep -q "^Size is 800, 620" <<< "$info" || fail "size: $(grep '^Size' <<< "$info")"
grep -q 'ID\["EPSG",4326\]' <<< "$info" || fail "the CRS is not EPSG:4326"
grep -q "COMPRESSION=DEFLATE" <<< "$info" || fail "not deflate-compressed"

# "Upper Left  ( -20.0000000,  62.0000000) ..." -> within a pixel (0.1 degree) of the box.
corner() {
  local line
  line=$(grep "^$1" <<< "$info") || { fail "no $1 corner"; return; }
  awk -v want_x="$2" -v want_y="$3" -v name="$1" '{
    gsub(/[(),]/, " "); n = split($0, f, " "); x = f[1]; y = f[2]
    if ((x - want_x) ^ 2 > 0.01 || (y - want_y) ^ 2 > 0.01) { print name " corner at " x ", " y; exit 1 }
  }' <<< "${line#"$1"}" >&2 || failed=1
}
corner "Upper Left" -20 62
corner "Lower Right" 60 0

# Bamako (-8.0029, 12.6392): pixel x = (lon + 20) * 10 = 119.97, y = (62 - lat) * 10 =
# 493.6, where the map draws the dark capital dot (tests/render/sahel_platecarree).
location=$(gdallocationinfo -wgs84 m.tif -8.0029 12.6392) || fail "gdallocationinfo"
grep -q "Location: (119P,493L)" <<< "$location" || fail "Bamako lands on $(grep Location <<< "$location")"
red=$(awk '/Band 1:/ { getline; print $2 }' <<< "$location")
[[ -n $red && $red -lt 80 ]] || fail "Bamako's pixel in the GeoTIFF has red $red, not the dark dot"
dot=$(convert m.png -format '%[fx:int(255*p{119,493}.r)]' info:)
[[ $dot == "$red" ]] || fail "the PNG has red $dot at Bamako, the GeoTIFF $red"

# Every pixel is the PNG's (read through GDAL: ImageMagick warns about GeoTIFF's tags).
gdal_translate -q -of PNG m.tif through_gdal.png || fail "gdal_translate"
differing=$(compare -metric AE m.png through_gdal.png null: 2>&1 | tr -d '\n')
[[ $differing == 0 ]] || fail "$differing pixels differ between the PNG and the GeoTIFF"
exit $failed
