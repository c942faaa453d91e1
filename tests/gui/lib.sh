# Shared by the GUI tests: a private Xvfb display, the app started on it, screenshots
# and colour measurements with ImageMagick.

need() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/test installs it)"; exit 1; }
  done
}

# start_display: starts Xvfb on a free display number and exports DISPLAY.
start_display() {
  local fd_file="$work/display"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fd_file" 2>"$work/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 50); do [[ -s $fd_file ]] && break; sleep 0.1; done
  [[ -s $fd_file ]] || { echo "FAIL: Xvfb did not start"; cat "$work/xvfb.log"; exit 1; }
  export DISPLAY=":$(tr -d '\n' <"$fd_file")"
}

# start_app BINARY ARGS...: starts chronomap with private settings and waits for its window.
start_app() {
  export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
  mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
  "$@" >"$work/app.log" 2>&1 &
  app_pid=$!
  window=$(timeout 30 xdotool search --sync --onlyvisible --name '^chronomap$' | head -1) || true
  [[ -n $window ]] || { echo "FAIL: no chronomap window appeared"; cat "$work/app.log"; exit 1; }
  # The first frame (fonts, scene upload) can take seconds on a busy machine: wait until
  # the window shows more than one colour (it is all black before), then let it settle.
  for _ in $(seq 60); do
    import -window "$window" "$work/first.png" 2>/dev/null &&
      (($(convert "$work/first.png" -format '%k' info: 2>/dev/null || echo 1) > 1)) && break
    sleep 0.5
  done
  sleep 1.5
}

# open_window BINARY ARGS...: what a window test starts with: the tools, a display,
# the app on it, failed=0, and the window's size in ww and wh.
open_window() {
  need Xvfb xdotool import compare convert
  trap cleanup EXIT
  failed=0
  start_display
  start_app "$@"
  read -r ww wh < <(xdotool getwindowgeometry --shell "$window" | awk -F= '/^WIDTH=|^HEIGHT=/ {printf "%s ", $2}')
}

# go_to_date TEXT: types TEXT into the timeline's "go to date" field (its first row,
# right of "animate links") and presses Enter. A date taken empties the field; a
# refused one stays to be corrected.
go_to_date() {
  xdotool mousemove --window "$window" $((ww * 706 / 1000)) $((wh - 175)) click 1
  sleep 0.5
  xdotool type --delay 60 "$1"
  sleep 0.4
  # Held as a person would: ImGui 1.86 reads keys as held or not once a frame, so a
  # press and release between two frames would go unseen.
  xdotool keydown Return
  sleep 0.2
  xdotool keyup Return
  sleep 0.5
  xdotool mousemove --window "$window" $((ww / 2)) $((wh / 4))  # no tooltip over the date
  sleep 1
}

# Kati, beside Bamako, in the default view of a 1280x800 window.
kati_x=488 kati_y=470

# avg_rgb PNG X Y: the mean colour of the 5x5 pixels around X,Y as "r g b" (0-255).
avg_rgb() {
  convert "$1" -crop 5x5+$(($2 - 2))+$(($3 - 2)) +repage -scale '1x1!' \
    -format '%[fx:int(255*r)] %[fx:int(255*g)] %[fx:int(255*b)]' info:
}
# A coup's deep crimson (#79001c), a star at 85 % over land with a dark rim: red well
# above green, some blue (an arrest's brown or an attack's orange has more green and
# almost no blue). Prints an awk test.
is_coup() { read -r r g b <<< "$1"; echo "$r > 75 && $g < 55 && $b > 20 && $r > $g + 50"; }

# begin_window_test BINARY WORK_DIR: what a window test starts with: binary and work
# set, a fresh work folder, then open_window.
begin_window_test() {
  binary=$1
  work=$2
  rm -rf "$work" && mkdir -p "$work"
  open_window "$binary"
}

cleanup() {
  [[ -n ${app_pid:-} ]] && kill "$app_pid" 2>/dev/null
  [[ -n ${xvfb_pid:-} ]] && kill "$xvfb_pid" 2>/dev/null
  true
}

shot() { import -window "$window" "$1"; }

# share PNG COLOUR: the fraction of pixels within 4% of COLOUR.
share() {
  # Near-white pixels (label halos, marker strokes) go black first: otherwise they
  # would stay white and count as the colour.
  convert "$1" -alpha off -fuzz 4% -fill black -opaque white -fill white -opaque "$2" -fill black +opaque white \
    -format '%[fx:mean]' info:
}

# changed A B: the number of pixels that differ.
changed() { compare -metric AE -fuzz 2% "$1" "$2" null: 2>&1 | cut -d' ' -f1; }

check() {  # check "description" awk-condition
  if awk "BEGIN { exit !($2) }"; then echo "ok: $1"; else echo "FAIL: $1 ($2)"; failed=1; fi
}
