#!/usr/bin/python3
"""The benchmark map, written down once for the peers (Mapnik, QGIS, GMT): what
`chronomap render` draws with its default theme (src/render/theme.hpp, time_data.cpp,
scene.cpp, shaders/event.*), in the order chronomap draws it.

  python3 map_spec.py --shell WIDTH HEIGHT   prints the values as shell variables (GMT)
  import map_spec                            the same values for Python (Mapnik, QGIS)

View: plate carree (EPSG:4326), latitude 0..62 filling the height, longitude centred
on 20E with the span that keeps pixels square on the canvas (16:9: -35.11..75.11).
chronomap is given the same box with --bbox, so every renderer draws the same pixels.
Layers, bottom to top:
  sea; graticule every 10 degrees; land; the focus countries' fills; Moscow's fill
  (layer admin1); borders; the focus countries' borders; Moscow's outline; the names
  (3 countries, bold, centred; 3 places, right of their marker: chronomap's declutter
  drops Ouagadougou's under "Burkina Faso"); the places (3 capitals and Moscow); the
  events, discs of radius 5 px coloured by category with a dark rim, 85 % opaque inside.
Not drawn by the peers: chronomap's attribution line. The peers' type is DejaVu Sans
as chronomap's (GMT: Helvetica, PostScript's own).
"""
import sys

SEA = '#c9dde8'
GRATICULE = ('#ffffff', 0.55, 0.8)          # colour, opacity, width in px
LAND = '#eeebe4'
FOCUS = {'MLI': '#e0995e', 'BFA': '#6aaa7b', 'NER': '#9c86c9'}
MOSCOW_FILL = '#c0392b'
BORDER = ('#9d978c', 0.7)
FOCUS_BORDER = ('#3d3a35', 1.6)
MOSCOW_OUTLINE = ('#7b1d14', 1.4)
# places: (name, lon, lat, radius px, fill); a white 1.5 px stroke inside the radius
PLACES = [('Bamako', -8.0029, 12.6392, 3.5, '#24221f'), ('Ouagadougou', -1.5197, 12.3714, 3.5, '#24221f'),
          ('Niamey', 2.1098, 13.5137, 3.5, '#24221f'), ('Moscow', 37.6173, 55.7558, 6.0, MOSCOW_FILL)]
PLACE_STROKE = ('#ffffff', 1.5)
# names: (text, lon, lat, size px, bold, offset px to the right; 0: centred). A country's
# name sits on the area-weighted centroid of its largest ring (scene.cpp: label_point).
LABELS = [('Mali', -3.5427, 17.3458, 17, True, 0), ('Burkina Faso', -1.7545, 12.2695, 17, True, 0),
          ('Niger', 9.3856, 17.4190, 17, True, 0), ('Bamako', -8.0029, 12.6392, 12.5, False, 7.5),
          ('Niamey', 2.1098, 13.5137, 12.5, False, 7.5), ('Moscow · Москва', 37.6173, 55.7558, 12.5, False, 10)]
# chronomap's type size is the height from ascent to descent (stb_truetype's pixel height);
# the peers' is the em, smaller by DejaVu Sans's 2048 / (1901 + 483)
EM_PER_SIZE = 2048 / (1901 + 483)
LABEL_COLOUR = '#24221f'
LABEL_HALO = ('#ffffff', 0.85, 1.5)       # colour, opacity, width in px
EVENT_RADIUS, EVENT_RIM, EVENT_OPACITY = 5.0, 1.2, 0.85
# chronomap's categories for an ACLED row (src/store/known_layouts.cpp: acled_category), in
# the order they are tested, with the colour of each (src/render/time_data.cpp)
CATEGORIES = [('arrest', '#8c510a'), ('agreement', '#2166ac'), ('attack', '#e6550d'), ('protest', '#f1b6da'),
              ('other', '#969696')]
ATTACK_TYPES = ['Battles', 'Violence against civilians', 'Explosions/Remote violence']
PROTEST_TYPES = ['Protests', 'Riots']
LAT_MIN, LAT_MAX, LON_CENTRE = 0.0, 62.0, 20.0


def rim(colour):
    """The rim of an event disc: its colour 75 % of the way to rgb(0.08) (shaders/event.frag)."""
    c = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return '#' + ''.join('%02x' % round(v + (0.08 * 255 - v) * 0.75) for v in c)


def extent(width, height):
    """lon_min, lat_min, lon_max, lat_max of the view on a WIDTH x HEIGHT canvas."""
    half = (LAT_MAX - LAT_MIN) * width / height / 2
    return (LON_CENTRE - half, LAT_MIN, LON_CENTRE + half, LAT_MAX)


def graticule_lines(box):
    """The graticule's lines inside the box as (lon, lat) point lists, every 10 degrees."""
    lines = []
    for lon in range(-180, 181, 10):
        if box[0] <= lon <= box[2]:
            lines.append([(lon, box[1]), (lon, box[3])])
    for lat in range(-80, 81, 10):
        if box[1] <= lat <= box[3]:
            lines.append([(box[0], lat), (box[2], lat)])
    return lines


def category(event_type, sub_event_type):
    """chronomap's category of an ACLED row."""
    if sub_event_type == 'Arrests':
        return 'arrest'
    if sub_event_type == 'Agreement':
        return 'agreement'
    if event_type in ATTACK_TYPES:
        return 'attack'
    if event_type in PROTEST_TYPES:
        return 'protest'
    return 'other'


if __name__ == '__main__':
    if len(sys.argv) != 4 or sys.argv[1] != '--shell':
        sys.exit('usage: map_spec.py --shell WIDTH HEIGHT')
    w, h = int(sys.argv[2]), int(sys.argv[3])
    box = extent(w, h)
    print('BOX="%.6f %.6f %.6f %.6f"' % box)
    print('SEA=%s LAND=%s MOSCOW_FILL=%s' % (SEA, LAND, MOSCOW_FILL))
    print('GRAT_COLOUR=%s GRAT_OPACITY=%s GRAT_WIDTH=%s' % GRATICULE)
    print('FOCUS="%s"' % ' '.join('%s=%s' % kv for kv in FOCUS.items()))
    print('BORDER_COLOUR=%s BORDER_WIDTH=%s' % BORDER)
    print('FOCUS_BORDER_COLOUR=%s FOCUS_BORDER_WIDTH=%s' % FOCUS_BORDER)
    print('MOSCOW_OUTLINE_COLOUR=%s MOSCOW_OUTLINE_WIDTH=%s' % MOSCOW_OUTLINE)
    print('PLACES="%s"' % ' '.join('%s,%s,%s,%s' % p[1:] for p in PLACES))
    print('PLACE_STROKE_COLOUR=%s PLACE_STROKE_WIDTH=%s' % PLACE_STROKE)
    print('LABEL_COLOUR=%s LABEL_HALO_COLOUR=%s LABEL_HALO_OPACITY=%s LABEL_HALO_WIDTH=%s' % ((LABEL_COLOUR,) + LABEL_HALO))
    # one label a line: lon lat em_size bold offset text
    print('LABELS="%s"' % '\n'.join('%s %s %.2f %d %s %s' % (l[1], l[2], l[3] * EM_PER_SIZE, l[4], l[5], l[0])
                                     for l in LABELS))
    print('EVENT_RADIUS=%s EVENT_RIM=%s EVENT_OPACITY=%s' % (EVENT_RADIUS, EVENT_RIM, EVENT_OPACITY))
    print('CATEGORIES="%s"' % ' '.join('%s=%s=%s' % (n, c, rim(c)) for n, c in CATEGORIES))
    print('ATTACK_TYPES="%s"' % '|'.join(ATTACK_TYPES))
    print('PROTEST_TYPES="%s"' % '|'.join(PROTEST_TYPES))
    print('GRATICULE="%s"' % ' '.join('%s,%s,%s,%s' % (a[0], a[1], b[0], b[1]) for a, b in graticule_lines(box)))
