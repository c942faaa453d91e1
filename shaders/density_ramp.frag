// Density, second pass: the value under each pixel through the colour ramp. Heatmap:
// the first pass's half-resolution target over u_region, filtered bilinearly (its
// texels are fixed to even image pixels, so tiles agree). Hexagons: the count of
// the pixel's cell, with a thin clear gap along the cells' edges. The ramp is
// logarithmic over u_decades decades from u_low; below u_low it fades out, and a
// pixel with nothing is left untouched (render::density_color is the same rule in C++).
uniform int u_mode;  // 0 heatmap, 1 hexagons
uniform sampler2D u_values;
uniform vec4 u_tile;    // tile origin and size in image pixels
uniform vec4 u_region;  // heatmap: the heat target's origin and size in image pixels
uniform float u_low;
uniform float u_decades;
uniform vec4 u_ramp[5];
uniform vec2 u_anchor;
uniform float u_hex_size;
uniform ivec4 u_cells;
uniform float u_gap;  // image px between neighbouring hexagons

out vec4 frag_color;

vec3 ramp(float t) {
  float x = clamp(t, 0.0, 1.0) * 4.0;
  int i = min(int(x), 3);
  return mix(u_ramp[i].rgb, u_ramp[i + 1].rgb, x - float(i));
}

void main() {
  float value;
  float edge = 1.0;
  vec2 pixel = u_tile.xy + vec2(gl_FragCoord.x, u_tile.w - gl_FragCoord.y);  // image px, y down
  if (u_mode == 0) {
    vec2 t = (pixel - u_region.xy) / u_region.zw;
    value = texture(u_values, vec2(t.x, 1.0 - t.y)).r;
  } else {
    ivec2 cell = hex_cell(pixel, u_anchor, u_hex_size);
    ivec2 texel = cell - u_cells.xy;
    bool inside = all(greaterThanEqual(texel, ivec2(0))) && all(lessThan(texel, u_cells.zw));
    value = inside ? texelFetch(u_values, texel, 0).r : 0.0;
    // Distance to the hexagon's nearest side (flat sides left and right).
    vec2 d = abs(pixel - hex_center(cell, u_anchor, u_hex_size));
    float inner = max(d.x, dot(d, vec2(0.5, 0.8660254)));
    edge = clamp(u_hex_size * 0.8660254 - inner - 0.5 * u_gap + 0.5, 0.0, 1.0);
  }
  if (value <= 0.0 || edge <= 0.0) discard;
  float t = log(max(value, u_low) / u_low) / (u_decades * 2.3025851);
  float alpha = mix(0.8, 0.92, clamp(t * 3.0, 0.0, 1.0)) * clamp(value / u_low, 0.0, 1.0) * edge;
  frag_color = vec4(ramp(t), alpha);
}
