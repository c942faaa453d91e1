uniform float u_scale;

in vec2 v_offset;
in float v_radius;
in vec4 v_fill;
in vec4 v_stroke;
out vec4 frag_color;

void main() {
  float d = length(v_offset);
  float coverage = clamp(v_radius + 0.5 - d, 0.0, 1.0);
  float stroke_width = 1.5 * u_scale;
  float in_stroke = clamp(d - (v_radius - stroke_width) + 0.5, 0.0, 1.0);
  vec4 color = mix(v_fill, v_stroke, in_stroke);
  frag_color = vec4(color.rgb, color.a * coverage);
}
