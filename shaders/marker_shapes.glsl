// Signed distances (negative inside) to the outlines of render::MarkerShape for a
// marker of radius 1, y down; the numbers are those of src/render/symbols.cpp.
const float kPi = 3.14159265;
// The dashed circle around an event placed at an area's centroid, in radii.
const float kPlaceHaloRadius = 1.95;

// A regular polygon: the largest of its edges' half-plane distances (exact inside,
// a mitred corner outside: right within the pixel the edge is smoothed over).
float sd_regular(vec2 p, int n, float circumradius, float first_vertex) {
  float step = 2.0 * kPi / float(n);
  float d = -1e9;
  for (int k = 0; k < n; ++k) {
    float a = first_vertex + (float(k) + 0.5) * step;
    d = max(d, dot(p, vec2(cos(a), sin(a))));
  }
  return d - circumradius * cos(kPi / float(n));
}

// A regular pentagram: the five lines through every other point bound a pentagon,
// and a point is in the star when at most one of them has it outside, so its distance
// is the second largest of the five.
float sd_star(vec2 p, float outer) {
  float first = -1e9, second = -1e9;
  for (int k = 0; k < 5; ++k) {
    float a = -0.5 * kPi + float(k) * 0.4 * kPi;
    float d = dot(p, vec2(cos(a), sin(a)));
    second = max(second, min(first, d));
    first = max(first, d);
  }
  return second - outer * cos(0.4 * kPi);
}

float sd_box(vec2 p, vec2 half_size) { return max(abs(p.x) - half_size.x, abs(p.y) - half_size.y); }

float sd_plus(vec2 p) { return min(sd_box(p, vec2(1.15, 0.42)), sd_box(p, vec2(0.42, 1.15))); }

float sd_marker(vec2 p, int shape) {
  switch (shape) {
    case 0: return length(p) - 1.0;                                            // circle
    case 1: return sd_box(p, vec2(0.9));                                       // square
    case 2: return sd_regular(p, 3, 1.35, -0.5 * kPi);                         // triangle
    case 3: return (abs(p.x) + abs(p.y) - 1.2) * 0.70710678;                   // diamond
    case 4: return sd_regular(p, 3, 1.35, 0.5 * kPi);                          // triangle down
    case 5: return sd_star(p, 1.55);                                           // star
    case 6: return sd_plus(p);                                                 // plus
    case 7: return sd_plus(0.70710678 * vec2(p.x + p.y, p.y - p.x));           // cross
    case 8: return sd_regular(p, 6, 1.1, 0.0);                                 // hexagon
    case 9: return sd_regular(p, 5, 1.15, -0.5 * kPi);                         // pentagon
    default: {                                                                 // hourglass
      vec2 q = abs(p);
      return max(q.y - 1.0, (q.x - 0.28 - 0.67 * q.y) * 0.8309);
    }
  }
}
