// Text: an instanced quad per glyph, sampled from a signed-distance-field atlas so
// labels stay sharp at any size and get a halo for free.
layout(location = 0) in vec2 a_corner;  // 0 .. 1
layout(location = 1) in vec2 a_anchor;  // projected, or image pixels when u_screen_space
layout(location = 2) in vec4 a_rect;    // glyph quad relative to the anchor: x, y, w, h (design px)
layout(location = 3) in vec4 a_uv;      // atlas rectangle: u0, v0, u1, v1

uniform int u_screen_space;
uniform float u_scale;

out vec2 v_uv;

void main() {
  vec2 base = u_screen_space == 1 ? a_anchor : to_pixel(a_anchor);
  base = floor(base + 0.5);  // whole pixels keep small text crisp
  vec2 p = base + (a_rect.xy + a_corner * a_rect.zw) * u_scale;
  v_uv = mix(a_uv.xy, a_uv.zw, a_corner);
  gl_Position = pixel_to_clip(p);
}
