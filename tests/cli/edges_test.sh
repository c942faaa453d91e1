#!/usr/bin/env bash
# Edges of the command line that a table of cases can't express: a blank search,
# standard output that fails, a store the user can't write, and stored text that
# would drive the terminal or a spreadsheet.
# Usage: edges_test.sh CHRONOMAP DATA_DIR WORK_DIR
set -uo pipefail
chronomap=$1 data=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work"
export HOME=$work/home XDG_DATA_HOME=
failed=0
fail() { echo "FAIL: $*"; failed=1; }
"$chronomap" import --demo --data s.db > /dev/null || fail "setup: import --demo"
"$chronomap" import "$data/import/terminal_controls.csv" --data s.db > /dev/null || fail "setup import"

# A search with no words is the user's error, named, in one line.
"$chronomap" events --text " " --data s.db > out 2> err
status=$?
[[ $status == 2 && $(wc -l < err) == 1 ]] && grep -q "^chronomap events: --text: ' ' has no words to search for$" err ||
  fail "blank --text: status $status: $(cat err)"

# Output that did not arrive is a failure, as for cat.
for command in "events --data s.db" "links --data s.db" "geocode Bamako" "check --data s.db"; do
  # shellcheck disable=SC2086
  "$chronomap" $command > /dev/full 2> err
  status=$?
  [[ $status == 1 ]] && grep -q "cannot write to standard output: No space left on device" err ||
    fail "'$command > /dev/full': status $status: $(cat err)"
done

# Text from a file reaches the terminal escaped: no ESC, no bidi override.
"$chronomap" events --from 2025-08-14 --to 2025-08-14 --data s.db > out
grep -q $'\x1b' out && fail "an ESC byte reached the terminal"
grep -q $'\xe2\x80\xae' out && fail "a right-to-left override reached the terminal"
grep -qF '\x1b[31mred\x1b[0m and \u202eevil' out || fail "the table does not show the escaped title: $(cat out)"

# CSV for spreadsheets: formulas neutralised only when asked, numbers untouched.
"$chronomap" events --format csv --data s.db --from 2025-08-15 > plain.csv
"$chronomap" events --format csv --csv-safe --data s.db --from 2025-08-15 > safe.csv
grep -q '^,2025-08-15,.*,"=HYPERLINK(""http' plain.csv || fail "plain CSV changed the cell: $(cat plain.csv)"
grep -q "\"'=HYPERLINK(\"\"http" safe.csv || fail "--csv-safe left a formula: $(cat safe.csv)"
grep -q "\"'@SUM(1)\"" safe.csv || fail "--csv-safe left an @ formula: $(cat safe.csv)"
grep -q ',12.6,-8,' safe.csv || fail "--csv-safe changed a negative number: $(cat safe.csv)"

# A store named with --data starts empty; a reading command never creates one; a
# refused import into a new store leaves no file; --demo adds the AES data set.
"$chronomap" events --data new.db > out 2> err
status=$?
[[ $status == 2 ]] && grep -q "new.db: no such event store" err || fail "events on a missing store: status $status: $(cat err)"
[[ ! -e new.db ]] || fail "a reading command created the store"
"$chronomap" import "$data/import/unclosed_quote.csv" --data new.db > /dev/null 2>&1
[[ ! -e new.db ]] || fail "a refused import left a new store behind"
"$chronomap" import "$data/import/acled.csv" --data new.db > /dev/null || fail "import into a new store"
[[ $("$chronomap" events --data new.db --format csv | tail -n +2 | wc -l) == 3 ]] || fail "a new store holds more than its import"
[[ $("$chronomap" links --data new.db --format csv | tail -n +2 | wc -l) == 0 ]] || fail "a new store holds links it was never given"
"$chronomap" import --demo --data new.db > out || fail "import --demo"
grep -q "^AES data set: 26 events imported" out || fail "import --demo: $(cat out)"
[[ $("$chronomap" links --data new.db --format csv | tail -n +2 | wc -l) == 18 ]] || fail "--demo brought no links"

# A store the user can't write: read commands work, an import says read-only and
# changes nothing. Root passes every permission check, so it runs as nobody.
ro=$(mktemp -d)
cp s.db "$ro/s.db" && chmod 0755 "$ro" && chmod 0444 "$ro/s.db" && chmod 0555 "$ro"
as_user=()
((EUID == 0)) && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
before=$(sha256sum < "$ro/s.db")
"${as_user[@]}" env HOME=/nonexistent "$chronomap" events --data "$ro/s.db" > out 2> err
status=$?
[[ $status == 0 ]] && grep -q "^29 event(s)$" out || fail "reading a read-only store: status $status: $(cat err)"
"${as_user[@]}" env HOME=/nonexistent "$chronomap" import "$data/import/acled.csv" --data "$ro/s.db" > out 2> err
status=$?
[[ $status == 1 ]] && grep -q "s.db: read-only" err || fail "importing into a read-only store: status $status: $(cat err)"
grep -q "damaged" err && fail "a read-only store was reported as damaged: $(cat err)"
[[ $(sha256sum < "$ro/s.db") == "$before" ]] || fail "the read-only store changed"
[[ -z $(find "$ro" -name 's.db-*') ]] || fail "files were left beside the read-only store"
chmod 0755 "$ro" && rm -rf "$ro"

# A pipe whose writer is still open when a row is refused: the import says so at once,
# not once the writer closes it. Here the writer waits for the import to end, so an
# import that waited for more input would never end (the test's timeout fails it).
mkfifo rows.fifo release.fifo
{ printf 'date,latitude,longitude,title\n2025-01-01,12,-8,kept\nnot-a-date,12,-8,refused\n'; read -r _ < release.fifo; } > rows.fifo &
before=$(sqlite3 s.db .dump | sha256sum)
"$chronomap" import rows.fifo --data s.db > out 2> err
status=$?
echo done > release.fifo
wait
[[ $status == 2 ]] && grep -q "rows.fifo:3: field 'date'" err || fail "refused row from an open pipe: status $status: $(cat err)"
[[ $(sqlite3 s.db .dump | sha256sum) == "$before" ]] || fail "the refused pipe import changed the store"

# A series keeps its base map from frame to frame: each frame must still be the image
# a single render of that day gives, byte for byte (the same pixels and encoder, and
# the same Creation Time: SOURCE_DATE_EPOCH fixes it).
export SOURCE_DATE_EPOCH=1755129600
"$chronomap" render --data s.db --size 320x200 --from 2025-08-01 --to 2025-08-15 --step 7 --out frames/f_%d.png ||
  fail "a series of three frames"
"$chronomap" render --data s.db --size 320x200 --date 2025-08-15 --out single.png || fail "a single image"
cmp -s frames/f_3.png single.png || fail "frame 3 of a series differs from a single render of 2025-08-15"
"$chronomap" render --data s.db --size 320x200 --date 2025-08-08 --out single.png || fail "a single image"
cmp -s frames/f_2.png single.png || fail "frame 2 of a series differs from a single render of 2025-08-08"
cmp -s frames/f_2.png frames/f_3.png && fail "frames of different days are the same image"
exit $failed
