// Alliance links: geodesic arcs as instanced segments (like line.vert) that carry
// their link's dates; shown while the cursor is inside the link's interval, shown as
// ended when the window covers its end, hidden otherwise.
layout(location = 0) in vec2 a_corner;  // x: 0 start .. 1 end; y: -1 .. 1 across
layout(location = 1) in vec2 a_from;
layout(location = 2) in vec2 a_to;
layout(location = 3) in vec2 a_days;    // the link's start and end day
layout(location = 4) in vec2 a_along;   // projected distance along the arc at from and to
layout(location = 5) in float a_kind;
layout(location = 6) in vec2 a_lane;    // the link's lane (design px) and its arc's projected length

uniform float u_width;
uniform float u_cursor;
uniform float u_window_start;
uniform vec4 u_colors[7];
uniform float u_scale;  // design px to output px

out float v_across;
out float v_along;
out vec4 v_color;
flat out int v_state;  // 1 active, 2 ended
flat out int v_kind;

// Parallel links side by side: mirrors render::lane_offset_at() and
// render::offset_segment() (src/render/link_lanes.cpp); keep the three in step, the
// window's hover test and vector output use the C++ ones.
float lane_offset_at(float lane, float t) { return lane * sqrt(max(sin(3.14159265 * clamp(t, 0.0, 1.0)), 0.0)); }

void main() {
  v_state = a_days.x > u_cursor ? 0 : (a_days.y >= u_cursor ? 1 : (a_days.y >= u_window_start ? 2 : 0));
  v_kind = int(a_kind);
  v_color = u_colors[v_kind];
  vec2 a = to_pixel(a_from);
  vec2 b = to_pixel(a_to);
  if (a_lane.x != 0.0 && a_lane.y > 0.0) {
    vec2 d0 = b - a;
    float l0 = length(d0);
    vec2 n0 = l0 > 1e-6 ? vec2(-d0.y, d0.x) / l0 : vec2(0.0, 1.0);
    float oa = lane_offset_at(a_lane.x, a_along.x / a_lane.y) * u_scale;
    float ob = lane_offset_at(a_lane.x, a_along.y / a_lane.y) * u_scale;
    a += n0 * oa;
    b += n0 * ob;
  }
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
