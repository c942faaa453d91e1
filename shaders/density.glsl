// Hexagon cells, shared by the density shaders' two stages: the GPU side of
// render::hex_cell() in src/render/density.cpp, with the same float arithmetic.
// Pointy-top hexagons of `size` image pixels from centre to corner; `anchor` is one
// lattice centre in image pixels; cells are axial coordinates (q, r).
ivec2 hex_cell(vec2 pixel, vec2 anchor, float size) {
  vec2 p = pixel - anchor;
  float qf = (0.57735026 * p.x - 0.33333334 * p.y) / size;
  float rf = (0.6666667 * p.y) / size;
  float sf = -qf - rf;
  float q = floor(qf + 0.5), r = floor(rf + 0.5), s = floor(sf + 0.5);
  float dq = abs(q - qf), dr = abs(r - rf), ds = abs(s - sf);
  if (dq > dr && dq > ds) {
    q = -r - s;
  } else if (dr > ds) {
    r = -q - s;
  }
  return ivec2(int(q), int(r));
}

vec2 hex_center(ivec2 cell, vec2 anchor, float size) {
  return anchor + size * vec2(1.7320508 * (float(cell.x) + 0.5 * float(cell.y)), 1.5 * float(cell.y));
}
