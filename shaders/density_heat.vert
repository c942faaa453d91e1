// Heatmap, first pass: every event that passes the time window (the test of
// shaders/event.vert, on the same start/end day attributes and uniforms) covers a
// square of 2 * u_radius pixels whose fragments add its kernel to a float target.
layout(location = 0) in vec2 a_corner;    // -1 .. 1
layout(location = 1) in vec2 a_position;  // projected
layout(location = 2) in vec2 a_days;      // start day, end day
layout(location = 3) in float a_pass;     // 1: passes the filters (render::EventMask)

uniform float u_cursor;
uniform float u_window_start;
uniform float u_radius;  // image px

out vec2 v_offset;

void main() {
  bool visible = a_days.x <= u_cursor && a_days.y >= u_window_start && a_pass > 0.5;
  v_offset = a_corner * u_radius;
  gl_Position = visible ? pixel_to_clip(to_pixel(a_position) + v_offset) : vec4(2.0, 2.0, 2.0, 1.0);
}
