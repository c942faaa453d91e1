#!/usr/bin/env bash
# `chronomap events --format csv|geojson` imports back unchanged: store A (the default
# data set plus accented and Cyrillic rows) is listed, the listing imported into a new
# store B, and B listed again must give the same bytes.
# Usage: roundtrip_test.sh CHRONOMAP EXTRA_CSV WORK_DIR
set -euo pipefail
chronomap=$1 extra=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work"
export HOME=$work/home XDG_DATA_HOME=
"$chronomap" import "$extra" --data a.db >/dev/null
failed=0
for format in csv geojson; do
  "$chronomap" events --data a.db --format $format > a.$format
  "$chronomap" import a.$format --data b_$format.db >/dev/null
  "$chronomap" events --data b_$format.db --format $format > b.$format
  rows=$(grep -c . a.$format)
  if cmp -s a.$format b.$format; then echo "ok: $format listing imports back unchanged ($rows lines)"; else
    echo "FAIL: $format listing changed on re-import:"; diff a.$format b.$format | head -20; failed=1; fi
  grep -q 'Тест\|Москва\|é' a.$format || { echo "FAIL: $format listing lost the accented or Cyrillic rows"; failed=1; }
done
exit $failed
