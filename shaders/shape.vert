// Map furniture (legend boxes, swatches, scale bar, north arrow): triangles already
// in image pixels, tessellated on the CPU (render/furniture_layer.cpp). a_edge is the
// signed distance across a stroke and the stroke's half width, both in pixels; fills
// carry a half width so large that every fragment is inside.
layout(location = 0) in vec2 a_pixel;
layout(location = 1) in vec4 a_color;
layout(location = 2) in vec2 a_edge;

out vec4 v_color;
out vec2 v_edge;

void main() {
  v_color = a_color;
  v_edge = a_edge;
  gl_Position = pixel_to_clip(a_pixel);
}
