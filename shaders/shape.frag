in vec4 v_color;
in vec2 v_edge;
out vec4 frag_color;

void main() {
  // A stroke's edges fade over one pixel: the quad reaches half a pixel past them.
  float coverage = clamp(v_edge.y - abs(v_edge.x) + 0.5, 0.0, 1.0);
  frag_color = vec4(v_color.rgb, v_color.a * coverage);
}
