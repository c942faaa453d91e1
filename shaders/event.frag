uniform float u_scale;

in vec2 v_offset;
in float v_radius;
in vec4 v_fill;
in float v_fade;
out vec4 frag_color;

void main() {
  float d = length(v_offset);
  float coverage = clamp(v_radius + 0.5 - d, 0.0, 1.0);
  // A dark rim keeps overlapping events apart.
  float rim = clamp(d - (v_radius - 1.2 * u_scale) + 0.5, 0.0, 1.0);
  vec3 rgb = mix(v_fill.rgb, vec3(0.08), rim * 0.75);
  frag_color = vec4(rgb, coverage * mix(0.85, 1.0, rim) * v_fade);
}
