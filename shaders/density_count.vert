// Hexagons, first pass: every event that passes the time window (the test of
// shaders/event.vert) is one point on the texel of its hexagon in a float target of
// u_cells.zw cells from cell u_cells.xy; additive blending counts them.
layout(location = 1) in vec2 a_position;  // projected
layout(location = 2) in vec2 a_days;      // start day, end day
layout(location = 3) in float a_pass;     // 1: passes the filters (render::EventMask)

uniform float u_cursor;
uniform float u_window_start;
uniform vec2 u_anchor;
uniform float u_hex_size;
uniform ivec4 u_cells;  // first q, first r, number of q, number of r

void main() {
  bool visible = a_days.x <= u_cursor && a_days.y >= u_window_start && a_pass > 0.5;
  ivec2 cell = hex_cell(to_pixel(a_position), u_anchor, u_hex_size) - u_cells.xy;
  bool counted = visible && all(greaterThanEqual(cell, ivec2(0))) && all(lessThan(cell, u_cells.zw));
  vec2 t = (vec2(cell) + 0.5) / vec2(u_cells.zw);
  gl_Position = counted ? vec4(t * 2.0 - 1.0, 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
}
