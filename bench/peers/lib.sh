# Shared by bench/peers.sh and bench/big.sh: whole-process timing with GNU time, the
# machine's description, a private virtual X display for the window.

# timed LOG CMD...: runs CMD under GNU time (-v), its output in LOG.out and LOG.err; sets
# T_WALL (s), T_CPU (user + sys, s), T_RSS (peak resident set of the largest process, MiB)
# and T_STATUS.
timed() {
  local log=$1; shift
  T_STATUS=0
  /usr/bin/time -v -o "$log.time" "$@" >"$log.out" 2>"$log.err" || T_STATUS=$?
  read -r T_WALL T_CPU T_RSS < <(awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%.2f %.2f %.0f\n", wall, cpu, rss }' "$log.time")
}

# median: of the numbers on standard input, one a line (the lower middle of an even count)
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

machine_line() {
  printf '%s cores, %s, %s MiB RAM' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" \
    "$(free -m | awk '/^Mem:/ { print $2 }')"
}
load_line() { cut -d' ' -f1-3 /proc/loadavg; }
# commit_line DIR: the checkout's commit, short, with the start of its subject
commit_line() {
  local line
  line=$(git -C "$1" log -1 --format='%h %s' 2>/dev/null | cut -c1-72 | sed 's/ *$//')
  [[ -z $(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null) ]] || line+=" (and uncommitted changes)"
  echo "$line"
}

# start_display WxH DIR: a private Xvfb display (exports DISPLAY, sets xvfb_pid); its log in DIR.
start_display() {
  local size=$1 dir=$2
  Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$dir/display" 2>"$dir/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do [[ -s $dir/display ]] && break; sleep 0.1; done
  [[ -s $dir/display ]] || { echo "Xvfb did not start: $(cat "$dir/xvfb.log")" >&2; return 1; }
  export DISPLAY=":$(tr -d '\n' <"$dir/display")"
}
stop_display() {
  if [[ -n ${xvfb_pid:-} ]]; then kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; fi
  xvfb_pid=
  return 0
}

# gl_renderer: the OpenGL renderer string on $DISPLAY (glxinfo, Debian package mesa-utils).
gl_renderer() {
  if command -v glxinfo >/dev/null; then
    glxinfo -B 2>/dev/null | sed -n 's/^ *OpenGL renderer string: //p'
  else
    echo "unknown (glxinfo missing: mesa-utils)"
  fi
}

# A private configuration and data folder for chronomap, so no user setting or store is used.
private_home() {
  export XDG_CONFIG_HOME="$1/config" XDG_DATA_HOME="$1/data"
  mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
}
