// Polygon fills: triangle fans into the stencil, then a cover quad (see fill_layer.cpp).
layout(location = 0) in vec2 a_position;

void main() { gl_Position = pixel_to_clip(to_pixel(a_position)); }
