#!/bin/bash
# Peer: GMT 6 (modern mode; PostScript to PNG through Ghostscript) draws the benchmark map
# (map_spec.py) in one run, with the conversions GMT needs inside it: the boundaries to
# GMT/OGR text (ogr2ogr -f OGR_GMT, then one awk pass that writes each country's fill
# into its segment header and splits the borders), the events CSV to "lon lat category"
# (awk; the columns before the quoted notes hold no commas).
# usage: gmt_render.sh BOUNDARIES_GPKG EVENTS_CSV OUT_PNG [WxH]
# Differences from the other peers: GMT gives a symbol one pen, so every event's rim is
# the darkest category rim (attack's) instead of its own category's, and the 85 % opacity
# (-t15) applies to the rim too; the names are in Helvetica with an opaque halo.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 BOUNDARIES_GPKG EVENTS_CSV OUT_PNG [WxH]" >&2; exit 2; }
here=$(dirname "$(readlink -f "$0")")
gpkg=$(readlink -f "$1"); csv=$(readlink -f "$2"); out=$(readlink -f "$3"); size=${4:-3840x2160}
W=${size%x*}; H=${size#*x}; DPI=300
eval "$(/usr/bin/python3 "$here/map_spec.py" --shell "$W" "$H")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
export GMT_USERDIR="$tmp/user"; mkdir -p "$GMT_USERDIR"  # a private modern-mode session and settings

read -r west south east north <<<"$BOX"
px() { awk -v n="$1" -v d="$DPI" 'BEGIN { printf "%.4fp", n * 72 / d }'; }   # n pixels in points
inch() { awk -v n="$1" -v d="$DPI" 'BEGIN { printf "%.6fi", n / d }'; }      # n pixels in inches

ogr2ogr -f OGR_GMT countries.gmt "$gpkg" countries -select iso_a3
ogr2ogr -f OGR_GMT admin1.gmt "$gpkg" admin1
# others.gmt: the countries other than the focus ones; focus_ISO.gmt: each focus country (its
# fill); focus.gmt: all of them (their borders). The OGR/GMT header and comments (@P, @H: a
# hole) stay in every file.
awk -v focus="$FOCUS" '
  BEGIN { n = split(focus, f, " "); for (i = 1; i <= n; i++) { split(f[i], kv, "="); files[i] = "focus_" kv[1] ".gmt" }
          files[0] = "others.gmt"; files[-1] = "focus.gmt" }
  !data { for (i in files) print > files[i]; data = /FEATURE_DATA/; next }
  /^>/ { pending = 1; next }
  pending && /^# @D/ { iso = substr($0, 5); is_focus = index(focus, iso "=") && iso != ""
                       out = is_focus ? "focus_" iso ".gmt" : "others.gmt"; values = $0; next }
  pending && /^# @[PH]/ { emit(">"); if (values != "") emit(values); values = ""; pending = 0 }
  { emit($0) }
  function emit(line) { print line > out; if (is_focus) print line > "focus.gmt" }' countries.gmt

# events: chronomap's category of each row (map_spec.category), as an index into the palette
awk -F, -v cats="$CATEGORIES" -v attack="$ATTACK_TYPES" -v protest="$PROTEST_TYPES" '
  BEGIN { n = split(attack, a, "|"); for (i = 1; i <= n; i++) kind[a[i]] = "attack"
          n = split(protest, p, "|"); for (i = 1; i <= n; i++) kind[p[i]] = "protest"
          n = split(cats, c, " "); for (i = 1; i <= n; i++) { split(c[i], parts, "="); index_of[parts[1]] = i - 1 } }
  NR == 1 { for (i = 1; i <= NF; i++) column[$i] = i; next }
  { sub_type = $column["sub_event_type"]; type = $column["event_type"]
    name = sub_type == "Arrests" ? "arrest" : sub_type == "Agreement" ? "agreement" : (type in kind) ? kind[type] : "other"
    print $column["longitude"], $column["latitude"], index_of[name] }' "$csv" > events.txt
i=0; rim=""
for c in $CATEGORIES; do
  IFS== read -r name colour rim_colour <<<"$c"
  echo "$i $colour $((i + 1)) $colour" >> categories.cpt
  [ "$name" = attack ] && rim=$rim_colour
  i=$((i + 1))
done
for line in $GRATICULE; do IFS=, read -r x0 y0 x1 y1 <<<"$line"; printf '>\n%s %s\n%s %s\n' "$x0" "$y0" "$x1" "$y1"; done > graticule.txt
# places: "lon lat kind diameter" (inches, the stroke inside the radius), a palette of the kinds' fills
i=0
for p in $PLACES; do
  IFS=, read -r lon lat radius colour <<<"$p"
  echo "$lon $lat $i $(awk -v r="$radius" -v s="$PLACE_STROKE_WIDTH" -v d="$DPI" 'BEGIN { print (2 * r - s) / d }')"
  echo "$i $colour $((i + 1)) $colour" >> places.cpt
  i=$((i + 1))
done > places.txt
# names: "lon lat font justify text" (Helvetica: GMT's PostScript type has no Cyrillic, so a
# name with a " · " part in another script keeps its Latin part; a place's offset to the right of
# its marker is turned into degrees, exact in this plate carree view)
printf '%s\n' "$LABELS" | while read -r lon lat size bold offset name; do
  [[ $name == *" · "* ]] && name=${name%% · *}
  awk -v lon="$lon" -v lat="$lat" -v s="$size" -v b="$bold" -v o="$offset" -v n="$name" -v d="$DPI" \
      -v w="$west" -v e="$east" -v px="$W" -v c="$LABEL_COLOUR" -v halo="$LABEL_HALO_WIDTH" -v hc="$LABEL_HALO_COLOUR" \
    'BEGIN { printf "%.6f %s %.3fp,%s,%s=~%.3fp,%s %s %s\n", lon + o * (e - w) / px, lat, s * 72 / d,
             b ? "Helvetica-Bold" : "Helvetica", c, 2 * halo * 72 / d, hc, o ? "LM" : "CM", n }'
done > labels.txt
transparency() { awk -v o="$1" 'BEGIN { printf "%d", (1 - o) * 100 + 0.5 }'; }

gmt begin map png A+r,E$DPI
  printf '%s %s\n' "$west" "$south" "$east" "$south" "$east" "$north" "$west" "$north" |
    gmt plot -R$west/$east/$south/$north -JQ$(awk -v a="$west" -v b="$east" 'BEGIN { print (a + b) / 2 }')/$(inch "$W") \
      -G$SEA -A
  gmt plot graticule.txt -W"$(px "$GRAT_WIDTH")",$GRAT_COLOUR -t"$(transparency "$GRAT_OPACITY")" -A
  gmt plot others.gmt -G$LAND
  for f in $FOCUS; do gmt plot "focus_${f%=*}.gmt" -G"${f#*=}"; done
  gmt plot admin1.gmt -G$MOSCOW_FILL
  gmt plot others.gmt -W"$(px "$BORDER_WIDTH")",$BORDER_COLOUR
  gmt plot focus.gmt -W"$(px "$FOCUS_BORDER_WIDTH")",$FOCUS_BORDER_COLOUR
  gmt plot admin1.gmt -W"$(px "$MOSCOW_OUTLINE_WIDTH")",$MOSCOW_OUTLINE_COLOUR
  gmt text labels.txt -F+f+j
  gmt plot places.txt -Sci -Cplaces.cpt -W"$(px "$PLACE_STROKE_WIDTH")",$PLACE_STROKE_COLOUR
  gmt plot events.txt -Sc"$(inch "$(awk -v r="$EVENT_RADIUS" -v s="$EVENT_RIM" 'BEGIN { print 2 * r - s }')")" \
      -Ccategories.cpt -W"$(px "$EVENT_RIM")",$rim -t"$(transparency "$EVENT_OPACITY")"
gmt end
mv map.png "$out"
