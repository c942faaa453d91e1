#!/usr/bin/env bash
# Runs one command-line case from a table file (see README.md): finds the line named
# CASE, runs chronomap with its arguments, checks the exit status and the output.
# Usage: bash run_case.sh CHRONOMAP TABLE CASE DATA_DIR SCRATCH_DIR DEMO_STORE
# (DEMO_STORE: the AES data set as a store, made by demo_store.sh; @TMP@/s.db is a copy)
set -uo pipefail
chronomap=$1 table=$2 name=$3 data=$4 scratch=$5 demo=$6

line=$(grep -E "^[[:space:]]*${name}[[:space:]]*\|" "$table" | head -n 1)
[[ -n $line ]] || { echo "no case '$name' in $table" >&2; exit 1; }

# name | status | regex (may contain |) | arguments (may not)
rest=${line#*|}
status=${rest%%|*}
rest=${rest#*|}
arguments=${rest##*|}
regex=${rest%|*}
trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; printf '%s' "${s%"${s##*[![:space:]]}"}"; }
status=$(trim "$status")
regex=$(trim "$regex")

rm -rf "$scratch" && mkdir -p "$scratch"
arguments=${arguments//@DATA@/$data}
arguments=${arguments//@TMP@/$scratch}
read -r -a args <<< "$arguments"

# @TMP@/s.db is a store holding the AES data set, copied before the case runs (a new
# store given with --data starts empty; @TMP@/new.db is one). A refused command must
# leave it exactly as it was: a checksum of its content is compared after.
store="$scratch/s.db" before=""
if [[ " ${args[*]} " == *" $store "* ]]; then
  cp "$demo" "$store" || { echo "cannot copy the case store $demo" >&2; exit 1; }
  [[ $status == 0 ]] || before=$(sqlite3 "$store" .dump | sha256sum)
fi

"$chronomap" "${args[@]}" > "$scratch/stdout" 2> "$scratch/stderr"
actual=$?
output=$(cat "$scratch/stdout" "$scratch/stderr" | tr '\n' ' ')

failed=0
if [[ $actual != "$status" ]]; then
  echo "exit status $actual, expected $status" >&2
  failed=1
fi
if ! grep -qE -- "$regex" <<< "$output"; then
  echo "output does not match /$regex/" >&2
  failed=1
fi
# A refused command says why in one line on stderr, and writes nothing to stdout.
if [[ $status == 2 ]]; then
  lines=$(wc -l < "$scratch/stderr")
  [[ $lines == 1 ]] || { echo "stderr has $lines lines, expected one" >&2; failed=1; }
  [[ ! -s $scratch/stdout ]] || { echo "stdout is not empty" >&2; failed=1; }
fi
if [[ -n $before && $(sqlite3 "$store" .dump | sha256sum) != "$before" ]]; then
  echo "the store's content changed although the command was refused" >&2
  failed=1
fi
if ((failed)); then
  echo "command: $chronomap ${args[*]}" >&2
  echo "--- stdout" >&2; cat "$scratch/stdout" >&2
  echo "--- stderr" >&2; cat "$scratch/stderr" >&2
fi
exit $failed
