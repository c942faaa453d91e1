// A link's arc: its kind's colour and dash pattern (render::link_kind_dash, design px
// along the arc, anti-aliased at the ends of each dash). An ended link is grey and
// thinner with its kind's dashes, so the kind still reads. While links animate, a
// lighter pulse runs from start to end.
uniform float u_width;
uniform float u_phase;            // animation time, moves the pulses from start to end
uniform float u_dash_period;      // projected units per pulse: a fixed length on screen
uniform float u_units_per_pixel;  // projected units per output pixel along the arc
uniform float u_scale;            // output pixels per design pixel
uniform int u_animate;
uniform vec4 u_dashes[7];         // on, off, on, off per kind, design px; all 0: solid

in float v_across;
in float v_along;
in vec4 v_color;
flat in int v_state;
flat in int v_kind;
out vec4 frag_color;

// How much of the pixel at `along` (output px) a dash covers: the distance to the
// nearest dash, anti-aliased over a pixel.
float dash_coverage(vec4 dash, float along) {
  float period = dash.x + dash.y + dash.z + dash.w;
  if (period <= 0.0) return 1.0;
  float t = mod(along, period);
  // Signed distance into each "on" interval, the first also shifted by a period
  // either way (a dash at the start of the next period).
  float second = dash.x + dash.y;
  float inside = min(t, dash.x - t);
  inside = max(inside, min(t - period, dash.x - (t - period)));
  inside = max(inside, min(t + period, dash.x - (t + period)));
  if (dash.z > 0.0) inside = max(inside, min(t - second, second + dash.z - t));
  return clamp(inside + 0.5, 0.0, 1.0);
}

void main() {
  bool ended = v_state == 2;
  float width = ended ? 0.6 * u_width : u_width;
  float coverage = clamp(0.5 * width + 0.5 - abs(v_across), 0.0, 1.0);
  float along = v_along / u_units_per_pixel;
  coverage *= dash_coverage(u_dashes[v_kind] * u_scale, along);
  if (ended) {
    frag_color = vec4(0.35, 0.35, 0.35, 0.75 * coverage);
    return;
  }
  vec3 rgb = v_color.rgb;
  float pulse = fract(v_along / u_dash_period - u_phase);
  if (u_animate == 1 && pulse > 0.55) rgb = mix(rgb, vec3(1.0), 0.55);
  frag_color = vec4(rgb, v_color.a * coverage);
}
