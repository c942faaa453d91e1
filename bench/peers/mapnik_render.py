#!/usr/bin/python3
"""Peer: Mapnik (python3-mapnik, AGG) draws the benchmark map (map_spec.py) in one process.

usage: mapnik_render.py BOUNDARIES_GPKG EVENTS_CSV OUT_PNG [WxH]

Boundaries through the ogr input plugin (layers countries and admin1), events through
the csv input plugin (columns longitude/latitude found by name), graticule and places
as inline WKT. Each pass of chronomap's drawing order is one Mapnik style, so a pass
covers every feature before the next begins.
"""
import os
import sys

import mapnik

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import map_spec as spec  # noqa: E402

gpkg, csv_path, out = sys.argv[1:4]
w, h = (int(v) for v in (sys.argv[4] if len(sys.argv) > 4 else '3840x2160').split('x'))
m = mapnik.Map(w, h, '+proj=longlat +datum=WGS84 +no_defs')
m.background = mapnik.Color(spec.SEA)


def rule(symbolizers, expression=None, otherwise=False):
    r = mapnik.Rule()
    if expression:
        r.filter = mapnik.Expression(expression)
    if otherwise:
        r.set_else(True)
    for s in symbolizers:
        r.symbols.append(s)
    return r


def layer(name, datasource, styles):
    """A layer drawn with each of STYLES (lists of rules) in turn."""
    lay = mapnik.Layer(name, m.srs)
    lay.datasource = datasource
    for i, rules in enumerate(styles):
        style = mapnik.Style()
        style.filter_mode = mapnik.filter_mode.FIRST
        for r in rules:
            style.rules.append(r)
        m.append_style('%s%d' % (name, i), style)
        lay.styles.append('%s%d' % (name, i))
    m.layers.append(lay)


def line(colour, width, opacity=1.0):
    s = mapnik.LineSymbolizer()
    s.stroke = mapnik.Color(colour)
    s.stroke_width = width
    s.stroke_opacity = opacity
    return s


def fill(colour):
    s = mapnik.PolygonSymbolizer()
    s.fill = mapnik.Color(colour)
    return s


def disc(colour, radius, stroke, stroke_width, opacity=1.0):
    """A circle whose stroke lies inside RADIUS, as chronomap's discs and markers."""
    s = mapnik.MarkersSymbolizer()
    s.fill = mapnik.Color(colour)
    s.fill_opacity = opacity
    s.stroke = mapnik.Color(stroke)
    s.stroke_width = stroke_width
    size = '%g' % (2 * radius - stroke_width)
    s.width = mapnik.Expression(size)
    s.height = mapnik.Expression(size)
    s.allow_overlap = True
    s.ignore_placement = True
    return s


def wkt_source(wkts):
    return mapnik.CSV(inline='wkt\n' + ''.join('"%s"\n' % t for t in wkts))


def quoted(values):
    return ' or '.join("[%%s] = '%s'" % v for v in values)


box = spec.extent(w, h)
focus = ' or '.join("[iso_a3] = '%s'" % code for code in spec.FOCUS)
layer('graticule', wkt_source('LINESTRING(%g %g, %g %g)' % (a + b) for a, b in spec.graticule_lines(box)),
      [[rule([line(*spec.GRATICULE[::2], opacity=spec.GRATICULE[1])])]])
countries = mapnik.Ogr(file=gpkg, layer='countries')
layer('fills', countries,
      [[rule([fill(c)], "[iso_a3] = '%s'" % code) for code, c in spec.FOCUS.items()] + [rule([fill(spec.LAND)], otherwise=True)]])
layer('moscow_fill', mapnik.Ogr(file=gpkg, layer='admin1'), [[rule([fill(spec.MOSCOW_FILL)])]])
layer('borders', countries, [[rule([line(*spec.BORDER)], 'not (%s)' % focus)], [rule([line(*spec.FOCUS_BORDER)], focus)]])
layer('moscow_outline', mapnik.Ogr(file=gpkg, layer='admin1'), [[rule([line(*spec.MOSCOW_OUTLINE)])]])
mapnik.register_fonts('/usr/share/fonts/truetype/dejavu')  # Debian's fonts-dejavu-core


def label_layer():
    """The names: Mapnik's Python binding sets no text property, so this layer is XML."""
    styles = sorted({l[3:] for l in spec.LABELS})  # (size, bold, offset)
    halo = mapnik.Color(spec.LABEL_HALO[0])
    rules = ''.join(
        '<Rule><Filter>[style] = %d</Filter><TextSymbolizer face-name="DejaVu Sans %s" size="%g" fill="%s" '
        'halo-fill="rgba(%d,%d,%d,%g)" halo-radius="%g" allow-overlap="true" dx="%g" horizontal-alignment="%s" '
        'vertical-alignment="middle">[name]</TextSymbolizer></Rule>' % (
            i, 'Bold' if bold else 'Book', size * spec.EM_PER_SIZE, spec.LABEL_COLOUR, halo.r, halo.g, halo.b, spec.LABEL_HALO[1],
            spec.LABEL_HALO[2], offset, 'right' if offset else 'middle') for i, (size, bold, offset) in enumerate(styles))
    rows = '\n'.join('"POINT(%s %s)",%d,"%s"' % (l[1], l[2], styles.index(l[3:]), l[0]) for l in spec.LABELS)
    xml = ('<Map srs="%s"><Style name="labels">%s</Style><Layer name="labels" srs="%s"><StyleName>labels</StyleName>'
           '<Datasource><Parameter name="type">csv</Parameter><Parameter name="inline">wkt,style,name\n%s\n'
           '</Parameter></Datasource></Layer></Map>' % (m.srs, rules, m.srs, rows))
    mapnik.load_map_from_string(m, xml)


label_layer()
kinds = sorted({(p[3], p[4]) for p in spec.PLACES})  # (radius, fill): the capitals' and Moscow's
layer('places', mapnik.CSV(inline='wkt,kind\n' + ''.join('"POINT(%s %s)",%d\n' % (p[1], p[2], kinds.index(p[3:]))
                                                         for p in spec.PLACES)),
      [[rule([disc(fill_colour, radius, *spec.PLACE_STROKE)], '[kind] = %d' % i)
        for i, (radius, fill_colour) in enumerate(kinds)]])
tests = {'arrest': "[sub_event_type] = 'Arrests'", 'agreement': "[sub_event_type] = 'Agreement'",
         'attack': quoted(spec.ATTACK_TYPES) % (('event_type',) * len(spec.ATTACK_TYPES)),
         'protest': quoted(spec.PROTEST_TYPES) % (('event_type',) * len(spec.PROTEST_TYPES))}
event_rules = []
for name, colour in spec.CATEGORIES:
    symbol = disc(colour, spec.EVENT_RADIUS, spec.rim(colour), spec.EVENT_RIM, spec.EVENT_OPACITY)
    event_rules.append(rule([symbol], tests[name]) if name in tests else rule([symbol], otherwise=True))
layer('events', mapnik.CSV(file=csv_path), [event_rules])

m.zoom_to_box(mapnik.Box2d(*box))
mapnik.render_to_file(m, out, 'png')
