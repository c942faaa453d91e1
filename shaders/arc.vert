// Alliance links: geodesic arcs as instanced segments (like line.vert) that carry
// their link's dates; shown while the cursor is inside the link's interval, shown as
// ended when the window covers its end, hidden otherwise.
layout(location = 0) in vec2 a_corner;  // x: 0 start .. 1 end; y: -1 .. 1 across
layout(location = 1) in vec2 a_from;
layout(location = 2) in vec2 a_to;
layout(location = 3) in vec2 a_days;    // the link's start and end day
layout(location = 4) in vec2 a_along;   // projected distance along the arc at from and to
layout(location = 5) in float a_kind;

uniform float u_width;
uniform float u_cursor;
uniform float u_window_start;
uniform vec4 u_colors[7];

out float v_across;
out float v_along;
out vec4 v_color;
flat out int v_state;  // 1 active, 2 ended
flat out int v_kind;

void main() {
  v_state = a_days.x > u_cursor ? 0 : (a_days.y >= u_cursor ? 1 : (a_days.y >= u_window_start ? 2 : 0));
  v_kind = int(a_kind);
  v_color = u_colors[v_kind];
  vec2 a = to_pixel(a_from);
  vec2 b = to_pixel(a_to);
  vec2 d = b - a;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  float half_extent = 0.5 * u_width + 1.0;
  float cap = 0.5 * u_width;
  vec2 p = mix(a - dir * cap, b + dir * cap, a_corner.x) + normal * half_extent * a_corner.y;
  v_across = half_extent * a_corner.y;
  v_along = mix(a_along.x, a_along.y, a_corner.x);
  gl_Position = v_state == 0 ? vec4(2.0, 2.0, 2.0, 1.0) : pixel_to_clip(p);
}
