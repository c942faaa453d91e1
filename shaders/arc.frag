uniform float u_width;
uniform float u_phase;      // animation time, moves the dashes from start to end
uniform float u_dash_period;  // projected units per dash: a fixed length on screen
uniform int u_animate;

in float v_across;
in float v_along;
in vec4 v_color;
flat in int v_state;
out vec4 frag_color;

void main() {
  float coverage = clamp(0.5 * u_width + 0.5 - abs(v_across), 0.0, 1.0);
  float dash = fract(v_along / u_dash_period - u_phase);
  if (v_state == 2) {
    // Ended: grey, dashed, still.
    if (fract(v_along / u_dash_period * 1.5) > 0.5) discard;
    frag_color = vec4(0.35, 0.35, 0.35, 0.7 * coverage);
    return;
  }
  vec3 rgb = v_color.rgb;
  if (u_animate == 1 && dash > 0.55) rgb = mix(rgb, vec3(1.0), 0.55);
  frag_color = vec4(rgb, v_color.a * coverage);
}
