// The quartic (biweight) kernel, 3 / (pi R^2) * (1 - d^2 / R^2)^2 inside radius R: its
// integral over the plane is one event. u_unit turns events per pixel^2 into the
// legend's unit (events per 100 km^2 at the map's centre).
uniform float u_radius;
uniform float u_unit;

in vec2 v_offset;
out vec4 frag_density;

void main() {
  float d2 = dot(v_offset, v_offset) / (u_radius * u_radius);
  if (d2 >= 1.0) discard;
  float k = 1.0 - d2;
  frag_density = vec4(u_unit * 3.0 / (3.14159265 * u_radius * u_radius) * k * k, 0.0, 0.0, 0.0);
}
