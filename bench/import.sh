#!/usr/bin/env bash
# The import benchmark of issue 3: generates 100,000 and 1,000,000 ACLED-like rows and
# times `chronomap import` against sqlite3's `.import` of the same files.
# Usage: bench/import.sh [BUILD_DIR]   (default: build)
set -euo pipefail
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in 100000 1000000; do
  "$build/bench/chronomap_generate_acled" "$n" "$work/acled_$n.csv"
done
"$build/bench/chronomap_bench_import" "$work/acled_100000.csv" "$work/acled_1000000.csv"
