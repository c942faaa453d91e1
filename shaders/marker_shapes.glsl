// Signed distances (negative inside) to the outlines of render::MarkerShape for a
// marker of radius 1, y down; the numbers are those of src/render/symbols.cpp.
const float kPi = 3.14159265;
// The dashed circle around an event placed at an area's centroid, in radii.
const float kPlaceHaloRadius = 1.95;

// Regular polygons and the star as the largest of their edges' half-plane distances
// (exact inside, a mitred corner outside: right within the pixel the edge is smoothed
// over), with the edge normals written out: no trigonometry per fragment, which a
// software rasteriser pays for dearly. Mirror symmetry in x halves the edges.
float sd_triangle(vec2 p, float circumradius) {  // point up
  vec2 q = vec2(abs(p.x), p.y);
  return max(dot(q, vec2(0.8660254, -0.5)), q.y) - 0.5 * circumradius;
}

float sd_pentagon(vec2 p, float circumradius) {  // point up
  vec2 q = vec2(abs(p.x), p.y);
  float d = max(max(dot(q, vec2(0.5877853, -0.8090170)), dot(q, vec2(0.9510565, 0.3090170))), q.y);
  return d - 0.8090170 * circumradius;
}

float sd_hexagon(vec2 p, float circumradius) {  // flat top
  vec2 q = abs(p);
  return max(dot(q, vec2(0.8660254, 0.5)), q.y) - 0.8660254 * circumradius;
}

// A regular pentagram: the five lines through every other point bound a pentagon
// (their normals point at the star's points), and a point is in the star when at most
// one of them has it outside, so its distance is the second largest of the five.
float sd_star(vec2 p, float outer) {
  float d0 = -p.y;
  float d1 = dot(p, vec2(0.9510565, -0.3090170));
  float d2 = dot(p, vec2(0.5877853, 0.8090170));
  float d3 = dot(p, vec2(-0.5877853, 0.8090170));
  float d4 = dot(p, vec2(-0.9510565, -0.3090170));
  float first = max(d0, d1), second = min(d0, d1);
  second = max(second, min(first, d2)); first = max(first, d2);
  second = max(second, min(first, d3)); first = max(first, d3);
  second = max(second, min(first, d4));
  return second - outer * 0.3090170;
}

float sd_box(vec2 p, vec2 half_size) { return max(abs(p.x) - half_size.x, abs(p.y) - half_size.y); }

float sd_plus(vec2 p) { return min(sd_box(p, vec2(1.15, 0.42)), sd_box(p, vec2(0.42, 1.15))); }

float sd_marker(vec2 p, int shape) {
  switch (shape) {
    case 0: return length(p) - 1.0;                                            // circle
    case 1: return sd_box(p, vec2(0.9));                                       // square
    case 2: return sd_triangle(p, 1.35);                                       // triangle
    case 3: return (abs(p.x) + abs(p.y) - 1.2) * 0.70710678;                   // diamond
    case 4: return sd_triangle(vec2(p.x, -p.y), 1.35);                         // triangle down
    case 5: return sd_star(p, 1.55);                                           // star
    case 6: return sd_plus(p);                                                 // plus
    case 7: return sd_plus(0.70710678 * vec2(p.x + p.y, p.y - p.x));           // cross
    case 8: return sd_hexagon(p, 1.1);                                         // hexagon
    case 9: return sd_pentagon(p, 1.15);                                       // pentagon
    default: {                                                                 // hourglass
      vec2 q = abs(p);
      return max(q.y - 1.0, (q.x - 0.28 - 0.67 * q.y) * 0.8309);
    }
  }
}
