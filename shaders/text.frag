uniform sampler2D u_atlas;
uniform vec4 u_color;
uniform vec4 u_halo;
uniform float u_halo_width;  // in distance-field units (0.5 is the glyph edge)
uniform float u_size;        // output pixels; small text is drawn a little bolder

in vec2 v_uv;
out vec4 frag_color;

void main() {
  float d = texture(u_atlas, v_uv).r;
  float w = max(fwidth(d) * 0.75, 1e-3);
  // Below about 14 px thin stems (i, l) would fall under the edge value once the field
  // is minified: lower the edge a little so they keep their ink.
  float edge_in = 0.5 - 0.09 * clamp((14.0 - u_size) / 7.0, 0.0, 1.0);
  float fill = smoothstep(edge_in - w, edge_in + w, d);
  float edge = 0.5 - u_halo_width;
  float halo = u_halo_width > 0.0 ? smoothstep(edge - w, edge + w, d) : 0.0;
  vec3 rgb = mix(u_halo.rgb, u_color.rgb, fill);
  float alpha = max(u_color.a * fill, u_halo.a * halo);
  frag_color = vec4(rgb, alpha);
}
