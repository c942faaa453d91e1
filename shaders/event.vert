// Events: an instanced marker per event, its shape the category's (render::category_shape).
// The CPU draws only the index ranges the window can touch (render::SpanIndex, two
// binary searches per span class); the exact time filter runs here on each event's
// start and end day against the cursor and window uniforms. Filtered events collapse
// outside the clip. The fade and the radius have a CPU twin for the vector backend:
// render::event_fade and event_radius (time_data.hpp).
layout(location = 0) in vec2 a_corner;      // -1 .. 1
layout(location = 1) in vec2 a_position;    // projected
layout(location = 2) in vec2 a_days;        // start day, end day
layout(location = 3) in float a_category;   // index into u_colors and u_shapes
layout(location = 4) in float a_fatalities;
layout(location = 5) in float a_pass;       // 1: passes the filters (render::EventMask)
layout(location = 6) in float a_precision;  // render::PrecisionFlags

uniform float u_cursor;
uniform float u_window_start;
uniform float u_fade_span;  // 0: no fading
uniform float u_scale;
uniform int u_size_by_fatalities;
uniform vec4 u_colors[11];    // one per render::event_categories()
uniform int u_shapes[11];     // render::MarkerShape per category
uniform float u_extents[11];  // how far each category's shape reaches, in radii

out vec2 v_offset;
out float v_radius;
out vec4 v_fill;
out float v_fade;
flat out int v_shape;
flat out int v_precision;

void main() {
  int category = int(a_category);
  v_fill = u_colors[category];
  v_shape = u_shapes[category];
  v_precision = int(a_precision + 0.5);
  bool visible = a_days.x <= u_cursor && a_days.y >= u_window_start && a_pass > 0.5;
  float age = u_cursor - min(a_days.y, u_cursor);
  v_fade = u_fade_span > 0.0 ? 1.0 - 0.7 * clamp(age / u_fade_span, 0.0, 1.0) : 1.0;
  float radius = u_size_by_fatalities == 1 ? clamp(3.0 + 1.8 * sqrt(a_fatalities), 3.0, 24.0) : 5.0;
  v_radius = radius * u_scale;
  // The quad covers the shape and, for a place known only to its area, the dashed
  // circle around it (shaders/event.frag), plus a pixel for anti-aliasing.
  float reach = (v_precision & 2) != 0 ? kPlaceHaloRadius * v_radius + 2.0 * u_scale : u_extents[category] * v_radius;
  v_offset = a_corner * (reach + 1.0);
  gl_Position = visible ? pixel_to_clip(to_pixel(a_position) + v_offset) : vec4(2.0, 2.0, 2.0, 1.0);
}
