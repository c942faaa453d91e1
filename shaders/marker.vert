// Point markers: an instanced quad per marker, shaded as an antialiased disc.
layout(location = 0) in vec2 a_corner;  // -1 .. 1
layout(location = 1) in vec2 a_center;  // per marker, projected
layout(location = 2) in float a_radius; // pixels
layout(location = 3) in vec4 a_fill;
layout(location = 4) in vec4 a_stroke;

uniform float u_scale;  // output pixels per design pixel

out vec2 v_offset;
out float v_radius;
out vec4 v_fill;
out vec4 v_stroke;

void main() {
  v_radius = a_radius * u_scale;
  v_offset = a_corner * (v_radius + 1.0);
  v_fill = a_fill;
  v_stroke = a_stroke;
  gl_Position = pixel_to_clip(to_pixel(a_center) + v_offset);
}
