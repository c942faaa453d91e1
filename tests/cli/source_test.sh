#!/usr/bin/env bash
# A source file, written in the columns, quoting and date forms of a real export,
# imports with no flags into a new store, and the stored events listed as CSV are the
# expected rows (checked by hand when the expected file was written).
# Usage: source_test.sh CHRONOMAP SOURCE_FILE EXPECTED_CSV WORK_DIR
set -uo pipefail
chronomap=$1 source=$2 expected=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
export HOME=$work/home XDG_DATA_HOME=
"$chronomap" import "$source" --data "$work/s.db" || { echo "FAIL: the import was refused"; exit 1; }
"$chronomap" events --data "$work/s.db" --format csv > "$work/actual.csv"
if ! diff -u "$expected" "$work/actual.csv"; then
  echo "FAIL: the stored events differ from $expected"
  exit 1
fi
# Importing it again changes nothing: the same rows are recognised.
again=$("$chronomap" import "$source" --data "$work/s.db")
grep -q ": 0 events imported .* 0 updated" <<< "$again" || { echo "FAIL: a second import changed the store: $again"; exit 1; }
echo "ok: $(basename "$source") gives the $(($(wc -l < "$expected") - 1)) expected events"
