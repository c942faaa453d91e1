// An event's marker: its category's shape, filled with a dark rim that keeps
// overlapping events apart; a ring (the shape's outline only) when the date is known
// only to its week, month or year; with a dashed circle around it when the place is
// known only to its region or country (render::PrecisionFlags).
uniform float u_scale;
uniform vec3 u_rim;  // the rim's colour (the theme's)

in vec2 v_offset;
in float v_radius;
in vec4 v_fill;
in float v_fade;
flat in int v_shape;
flat in int v_precision;
out vec4 frag_color;

void main() {
  float d = sd_marker(v_offset / v_radius, v_shape) * v_radius;  // pixels, negative inside
  float coverage = clamp(0.5 - d, 0.0, 1.0);
  float rim = clamp(d + 1.2 * u_scale + 0.5, 0.0, 1.0);
  float alpha = mix(0.85, 1.0, rim);
  if ((v_precision & 1) != 0) {
    // Hollow: a band along the outline, the map showing through the middle.
    float band = max(2.4 * u_scale, 0.38 * v_radius);
    coverage *= clamp(d + band + 0.5, 0.0, 1.0);
    rim = clamp(d + 0.6 * u_scale + 0.5, 0.0, 1.0);  // thinner: the band is the symbol
    alpha = 1.0;
  }
  vec3 rgb = mix(v_fill.rgb, u_rim, rim * 0.75);
  float a = coverage * alpha;
  if ((v_precision & 2) != 0) {
    // "Somewhere around here": a dashed circle, twelve dashes, in the rim's colour
    // tinted by the category's.
    float r = kPlaceHaloRadius * v_radius;
    float across = abs(length(v_offset) - r) - 0.6 * u_scale;
    float period = 2.0 * kPi * r / 12.0;
    float along = mod((atan(v_offset.y, v_offset.x) + kPi) * r, period);
    float dash = min(along, 0.6 * period - along);  // > 0 on a dash, pixels
    float halo = clamp(0.5 - across, 0.0, 1.0) * clamp(dash + 0.5, 0.0, 1.0);
    vec3 halo_rgb = mix(v_fill.rgb, u_rim, 0.55);
    float out_a = a + halo * (1.0 - a);
    rgb = out_a > 0.0 ? (rgb * a + halo_rgb * halo * (1.0 - a)) / out_a : rgb;
    a = out_a;
  }
  frag_color = vec4(rgb, a * v_fade);
}
