// Prepended to every vertex shader (after the #version line the loader writes).
// Positions arrive in projected map units; the frame maps them to image pixels
// (y down), and the tile says which part of the image this framebuffer holds, so
// exports larger than a GPU framebuffer are drawn tile by tile with the same shaders.
uniform vec4 u_to_pixel;  // pixel = xy * u_to_pixel.xy + u_to_pixel.zw
uniform vec4 u_tile;      // tile origin (xy) and size (zw) in image pixels

vec2 to_pixel(vec2 xy) { return xy * u_to_pixel.xy + u_to_pixel.zw; }

vec4 pixel_to_clip(vec2 pixel) {
  vec2 t = (pixel - u_tile.xy) / u_tile.zw;
  return vec4(t.x * 2.0 - 1.0, 1.0 - t.y * 2.0, 0.0, 1.0);
}
