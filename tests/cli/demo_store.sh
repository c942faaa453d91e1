#!/usr/bin/env bash
# Makes the store the command-line cases copy for @TMP@/s.db: the AES data set
# (`import --demo`), closed cleanly, so the one file is the whole store.
# Usage: demo_store.sh CHRONOMAP STORE
set -uo pipefail
chronomap=$1 store=$2
rm -rf "$(dirname "$store")" && mkdir -p "$(dirname "$store")" || exit 1
"$chronomap" import --demo --data "$store" > /dev/null || { echo "FAIL: import --demo" >&2; exit 1; }
leftovers=$(find "$(dirname "$store")" -maxdepth 1 -name "$(basename "$store")-*")
[[ -z $leftovers ]] || { echo "FAIL: files beside the store after import: $leftovers" >&2; exit 1; }
[[ $(sqlite3 "$store" 'select count(*) from events') -gt 0 ]] || { echo "FAIL: the demo store holds no events" >&2; exit 1; }
