// Lines of a given width in pixels: one instanced quad per segment, expanded here in
// pixel space (glLineWidth is neither portable nor antialiased in core profiles).
layout(location = 0) in vec2 a_corner;  // x: 0 start .. 1 end; y: -1 .. 1 across
layout(location = 1) in vec2 a_from;    // per segment, projected
layout(location = 2) in vec2 a_to;

uniform float u_width;  // pixels

out float v_across;  // signed distance from the centre line, pixels

void main() {
  vec2 a = to_pixel(a_from);
  vec2 b = to_pixel(a_to);
  vec2 d = b - a;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  float half_extent = 0.5 * u_width + 1.0;  // one extra pixel for the antialiased fringe
  float cap = 0.5 * u_width;                // square caps close the gaps at joints
  vec2 p = mix(a - dir * cap, b + dir * cap, a_corner.x) + normal * half_extent * a_corner.y;
  v_across = half_extent * a_corner.y;
  gl_Position = pixel_to_clip(p);
}
