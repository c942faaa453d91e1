#!/usr/bin/python3
"""Peer: QGIS (PyQGIS, headless, Qt platform 'offscreen') draws the benchmark map (map_spec.py)
in one process.

usage: qgis_render.py BOUNDARIES_GPKG EVENTS_CSV OUT_PNG [WxH]

Boundaries through the ogr provider, events through the delimitedtext provider
(xField=longitude, yField=latitude, no spatial index), graticule and places as memory
layers. Each pass of chronomap's drawing order is one QGIS layer. The parallel render
job, as QGIS's map canvas uses; QGIS_JOB=sequential for the sequential one.
The ogr provider opens the GeoPackage for writing and changes the file: give it a copy.
"""
import os
import sys

os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')
from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsCoordinateReferenceSystem,  # noqa: E402
                       QgsFeature, QgsField, QgsFillSymbol, QgsGeometry, QgsLineSymbol, QgsMapRendererParallelJob,
                       QgsMapRendererSequentialJob, QgsMapSettings, QgsMarkerSymbol, QgsPalLayerSettings, QgsPointXY,
                       QgsRectangle, QgsRendererCategory, QgsTextBufferSettings, QgsTextFormat, QgsUnitTypes,
                       QgsVectorLayer, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtCore import QSize, QVariant  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import map_spec as spec  # noqa: E402

gpkg, csv_path, out = sys.argv[1:4]
w, h = (int(v) for v in (sys.argv[4] if len(sys.argv) > 4 else '3840x2160').split('x'))
app = QgsApplication([], False)
app.initQgis()
keep = []  # every QGIS object, dropped before exitQgis()


def rgba(colour, opacity=1.0):
    c = QColor(colour)
    return '%d,%d,%d,%d' % (c.red(), c.green(), c.blue(), round(255 * opacity))


def ogr_layer(name, subset=None):
    lay = QgsVectorLayer('%s|layername=%s' % (gpkg, name), name, 'ogr')
    assert lay.isValid(), name + ' did not load'
    if subset:
        lay.setSubsetString(subset)
    keep.append(lay)
    return lay


def line_symbol(colour, width, opacity=1.0):
    return QgsLineSymbol.createSimple({'color': rgba(colour, opacity), 'width': str(width), 'width_unit': 'Pixel'})


def outline_layer(name, colour, width, subset=None):
    lay = ogr_layer(name, subset)
    lay.renderer().setSymbol(QgsFillSymbol.createSimple(
        {'style': 'no', 'outline_color': colour, 'outline_width': str(width), 'outline_width_unit': 'Pixel'}))
    return lay


def fill_symbol(colour):
    return QgsFillSymbol.createSimple({'color': colour, 'outline_style': 'no'})


def disc(colour, radius, stroke, stroke_width, opacity=1.0):
    """A circle whose stroke lies inside RADIUS, as chronomap's discs and markers."""
    return QgsMarkerSymbol.createSimple(
        {'name': 'circle', 'color': rgba(colour, opacity), 'size': '%g' % (2 * radius - stroke_width),
         'size_unit': 'Pixel', 'outline_color': stroke, 'outline_width': str(stroke_width),
         'outline_width_unit': 'Pixel'})


def memory_layer(kind, geometries):
    lay = QgsVectorLayer(kind + '?crs=EPSG:4326', kind, 'memory')
    feats = []
    for g in geometries:
        f = QgsFeature()
        f.setGeometry(g)
        feats.append(f)
    lay.dataProvider().addFeatures(feats)
    keep.append(lay)
    return lay


box = spec.extent(w, h)
focus_list = ','.join("'%s'" % code for code in spec.FOCUS)
graticule = memory_layer('LineString', [QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in pts])
                                        for pts in spec.graticule_lines(box)])
graticule.renderer().setSymbol(line_symbol(*spec.GRATICULE[::2], opacity=spec.GRATICULE[1]))

fills = ogr_layer('countries')
fills.setRenderer(QgsCategorizedSymbolRenderer('iso_a3', [QgsRendererCategory(code, fill_symbol(c), code)
                                                         for code, c in spec.FOCUS.items()] +
                                               [QgsRendererCategory(None, fill_symbol(spec.LAND), 'land')]))
moscow_fill = ogr_layer('admin1')
moscow_fill.renderer().setSymbol(fill_symbol(spec.MOSCOW_FILL))
borders = outline_layer('countries', *spec.BORDER, subset='iso_a3 NOT IN (%s) OR iso_a3 IS NULL' % focus_list)
focus_borders = outline_layer('countries', *spec.FOCUS_BORDER, subset='iso_a3 IN (%s)' % focus_list)
moscow_outline = outline_layer('admin1', *spec.MOSCOW_OUTLINE)

places = memory_layer('Point', [QgsGeometry.fromPointXY(QgsPointXY(p[1], p[2])) for p in spec.PLACES[:3]])
places.renderer().setSymbol(disc(spec.PLACES[0][4], spec.PLACES[0][3], *spec.PLACE_STROKE))
moscow = memory_layer('Point', [QgsGeometry.fromPointXY(QgsPointXY(*spec.PLACES[3][1:3]))])
moscow.renderer().setSymbol(disc(spec.PLACES[3][4], spec.PLACES[3][3], *spec.PLACE_STROKE))

def label_layer(size, bold, offset):
    """The names of one style. QGIS's labelling engine draws every layer's labels above all
    the layers (chronomap draws them under the places and events)."""
    lay = QgsVectorLayer('Point?crs=EPSG:4326', 'labels', 'memory')
    lay.dataProvider().addAttributes([QgsField('name', QVariant.String)])
    lay.updateFields()
    feats = []
    for label in spec.LABELS:
        if label[3:] == (size, bold, offset):
            f = QgsFeature(lay.fields())
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(label[1], label[2])))
            f.setAttribute('name', label[0])
            feats.append(f)
    lay.dataProvider().addFeatures(feats)
    text = QgsTextFormat()
    text.setFont(QFont('DejaVu Sans', weight=QFont.Bold if bold else QFont.Normal))
    text.setSize(size * spec.EM_PER_SIZE)
    text.setSizeUnit(QgsUnitTypes.RenderPixels)
    text.setColor(QColor(spec.LABEL_COLOUR))
    halo = QgsTextBufferSettings()
    halo.setEnabled(True)
    halo.setColor(QColor(spec.LABEL_HALO[0]))
    halo.setOpacity(spec.LABEL_HALO[1])
    halo.setSize(spec.LABEL_HALO[2])
    halo.setSizeUnit(QgsUnitTypes.RenderPixels)
    text.setBuffer(halo)
    settings = QgsPalLayerSettings()
    settings.fieldName = 'name'
    settings.setFormat(text)
    settings.placement = QgsPalLayerSettings.OverPoint
    settings.quadOffset = QgsPalLayerSettings.QuadrantRight if offset else QgsPalLayerSettings.QuadrantOver
    settings.xOffset = offset
    settings.offsetUnits = QgsUnitTypes.RenderPixels
    settings.displayAll = True
    lay.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    lay.setLabelsEnabled(True)
    lay.renderer().setSymbol(QgsMarkerSymbol.createSimple({'name': 'circle', 'size': '0'}))
    keep.append(lay)
    return lay


labels = [label_layer(*style) for style in sorted({label[3:] for label in spec.LABELS})]

uri = ('file://%s?type=csv&delimiter=,&xField=longitude&yField=latitude&crs=EPSG:4326'
       '&spatialIndex=no&subsetIndex=no&watchFile=no' % os.path.abspath(csv_path))
events = QgsVectorLayer(uri, 'events', 'delimitedtext')
assert events.isValid(), 'events layer did not load'
keep.append(events)


def listed(values):
    return ','.join("'%s'" % v for v in values)


expression = ("CASE WHEN \"sub_event_type\" = 'Arrests' THEN 'arrest' WHEN \"sub_event_type\" = 'Agreement' "
              "THEN 'agreement' WHEN \"event_type\" IN (%s) THEN 'attack' WHEN \"event_type\" IN (%s) "
              "THEN 'protest' ELSE 'other' END" % (listed(spec.ATTACK_TYPES), listed(spec.PROTEST_TYPES)))
events.setRenderer(QgsCategorizedSymbolRenderer(expression, [
    QgsRendererCategory(name, disc(c, spec.EVENT_RADIUS, spec.rim(c), spec.EVENT_RIM, spec.EVENT_OPACITY), name)
    for name, c in spec.CATEGORIES]))

ms = QgsMapSettings()
# top to bottom
ms.setLayers([events, moscow, places] + labels + [moscow_outline, focus_borders, borders, moscow_fill, fills, graticule])
ms.setBackgroundColor(QColor(spec.SEA))
ms.setFlag(QgsMapSettings.Antialiasing, True)
ms.setDestinationCrs(QgsCoordinateReferenceSystem('EPSG:4326'))
ms.setOutputSize(QSize(w, h))
ms.setExtent(QgsRectangle(*box))
job_class = QgsMapRendererSequentialJob if os.environ.get('QGIS_JOB') == 'sequential' else QgsMapRendererParallelJob
job = job_class(ms)
job.start()
job.waitForFinished()
for err in job.errors():
    print('render error:', err.layerID, err.message, file=sys.stderr)
if not job.renderedImage().save(out, 'png'):
    sys.exit('could not write ' + out)
# every QGIS object goes before exitQgis(), or the interpreter's teardown crashes
del job, ms, keep, labels, graticule, fills, moscow_fill, borders, focus_borders, moscow_outline, places, moscow, events
app.exitQgis()
