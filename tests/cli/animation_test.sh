#!/usr/bin/env bash
# Animations from `chronomap render --from --to --step --fps`, read back with ffprobe
# and ffmpeg: the number of frames and the duration (frames / fps) of a GIF, an MP4
# (its index first) and a WebM; the GIF loops forever and its frames look like the
# PNG of the same day (the palette keeps the map's colours), the MP4's too; and a
# series that fails or is interrupted leaves no file, not even a temporary one.
# Usage: bash animation_test.sh CHRONOMAP SCRATCH_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
chronomap=$1 scratch=$2
begin_cli_test "$scratch"
demo_store s.db
# 2023-01-01 to 2025-12-31 by 200 days: 6 frames, the last on 2025-09-25.
args=(--data s.db --size 320x200 --from 2023-01-01 --to 2025-12-31 --step 200)

# "frames=6 duration=1.200000" for `probe FILE`.
probe() {
  ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames,codec_name,pix_fmt \
    -show_entries format=duration -of default=noprint_wrappers=1 "$1"
}
check_movie() {  # FILE CODEC FRAMES DURATION
  local info
  info=$(probe "$1") || { fail "ffprobe cannot read $1"; return; }
  grep -q "^codec_name=$2$" <<< "$info" || fail "$1: codec $(grep codec_name <<< "$info"), not $2"
  grep -q "^nb_read_frames=$3$" <<< "$info" || fail "$1: $(grep nb_read_frames <<< "$info") frames, not $3"
  local duration
  duration=$(sed -n 's/^duration=//p' <<< "$info")
  awk -v d="$duration" -v want="$4" 'BEGIN { exit !((d - want) ^ 2 < 0.0001) }' ||
    fail "$1: lasts $duration s, not $4 s"
}

"$chronomap" render "${args[@]}" --fps 5 --out story.gif || fail "render story.gif"
check_movie story.gif gif 6 1.2
# Loops forever: the NETSCAPE2.0 block with a loop count of 0.
od -An -tx1 -v story.gif | tr -d ' \n' | grep -q "4e45545343415045322e30030100000" ||
  fail "story.gif does not loop forever"

"$chronomap" render "${args[@]}" --fps 4 --out story.mp4 || fail "render story.mp4"
check_movie story.mp4 h264 6 1.5
grep -q "^pix_fmt=yuv420p$" <<< "$(probe story.mp4)" || fail "story.mp4 is not yuv420p"
# Faststart: the index (moov) before the media data, so it plays while loading.
moov=$(grep -boa moov story.mp4 | head -1 | cut -d: -f1) mdat=$(grep -boa mdat story.mp4 | head -1 | cut -d: -f1)
((${moov:-999999999} < ${mdat:-0})) || fail "story.mp4: moov at ${moov:-none}, after mdat at ${mdat:-none}"

# WebM where this FFmpeg has a VP9 or VP8 encoder (Debian's has both).
if out=$("$chronomap" render "${args[@]}" --fps 2 --out story.webm 2>&1); then
  check_movie story.webm vp9 6 3
elif grep -q "has no .* encoder" <<< "$out"; then
  echo "note: no VP9/VP8 encoder, WebM not checked: $out"
else
  fail "render story.webm: $out"
fi

# The last frame is the map of its day: the GIF within its palette, the MP4 within
# its compression.
"$chronomap" render --data s.db --size 320x200 --date 2025-09-25 --out last.png || fail "render last.png"
ffmpeg -v error -i story.gif -vf "select=eq(n\,5)" -frames:v 1 gif_last.png || fail "cannot extract the GIF's frame"
ffmpeg -v error -i story.mp4 -vf "select=eq(n\,5)" -frames:v 1 mp4_last.png || fail "cannot extract the MP4's frame"
# Pixels off by more than 4% and 12% of full scale: a few anti-aliased edges, not the map.
off=$(compare -metric AE -fuzz 4% gif_last.png last.png null: 2>&1)
((${off%%.*} < 1280)) || fail "$off of 64000 pixels of the GIF's last frame differ from last.png by over 4%"
off=$(compare -metric AE -fuzz 12% gif_last.png last.png null: 2>&1)
((${off%%.*} < 128)) || fail "$off of 64000 pixels of the GIF's last frame differ from last.png by over 12%"
rmse=$(compare -metric RMSE mp4_last.png last.png null: 2>&1 | sed 's/.*(\(.*\))/\1/')
awk -v e="$rmse" 'BEGIN { exit !(e < 0.03) }' || fail "the MP4's last frame differs from last.png (RMSE $rmse)"

# A failing series leaves nothing: the file size limit stops the writes (EFBIG, with
# SIGXFSZ ignored) and the command fails naming the file. No store: SQLite's files
# would meet the limit first.
out=$(trap '' XFSZ; ulimit -f 8; "$chronomap" render --no-data --size 320x200 --from 2023-01-01 --to 2025-12-31 \
  --step 200 --out failed.gif 2>&1)
status=$?
((status == 1)) || fail "a failed write exits with $status, not 1"
grep -q "failed.gif" <<< "$out" || fail "the error does not name the file: $out"
# Ctrl+C in the middle: exit 130, no file. 1096 frames take far longer than the wait.
"$chronomap" render --data s.db --size 320x200 --from 2023-01-01 --to 2025-12-31 --step 1 --out stopped.mp4 \
  2> stopped.err &
pid=$!
for _ in $(seq 300); do
  compgen -G ".stopped.mp4.tmp-*" > /dev/null && break
  sleep 0.1
done
compgen -G ".stopped.mp4.tmp-*" > /dev/null || fail "no temporary file while rendering stopped.mp4"
kill -INT "$pid"
wait "$pid"
status=$?
((status == 130)) || fail "an interrupted render exits with $status, not 130"
grep -q "interrupted; stopped.mp4 was not written" stopped.err || fail "no word of the interruption: $(cat stopped.err)"
leftovers=$(ls -A | grep -E "^(failed|stopped)\.(gif|mp4)$|\.tmp-")
[[ -z $leftovers ]] || fail "left behind: $leftovers"
exit $failed
