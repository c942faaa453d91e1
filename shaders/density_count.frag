out vec4 frag_count;

void main() { frag_count = vec4(1.0, 0.0, 0.0, 0.0); }
