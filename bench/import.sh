#!/usr/bin/env bash
# The import benchmark of issue 8: generates 100,000 and 1,000,000 ACLED-like rows (and
# 1,000,000 with a new place on every row) and times `chronomap import` against
# sqlite3's `.import`, sqlite3's `.import` with the same indexes as chronomap's store,
# and `ogr2ogr -f SQLite` when gdal-bin is installed, of the same files, interleaved
# over ROUNDS rounds.
# Usage: bench/import.sh [BUILD_DIR] [ROUNDS]   (defaults: build, 2)
set -euo pipefail
build=${1:-build}
rounds=${2:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -m | awk '/^Mem:/{print $2}') MiB RAM; load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in 100000 1000000; do
  "$build/bench/chronomap_generate_acled" "$n" "$work/acled_$n.csv"
done
# The worst case for the store's gazetteer: a new place on every row (the only form
# before 2026-11-30's fourth pass; see bench/generate_acled.cpp).
"$build/bench/chronomap_generate_acled" 1000000 "$work/acled_1000000_new_places.csv" --new-place-per-row
"$build/bench/chronomap_bench_import" --rounds "$rounds" "$work/acled_100000.csv" "$work/acled_1000000.csv" \
  "$work/acled_1000000_new_places.csv"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
