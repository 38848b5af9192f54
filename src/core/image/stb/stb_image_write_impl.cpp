// The one translation unit that compiles stb_image_write (Debian libstb-dev). No stdio: the
// pipeline encodes into memory through the *_to_func writers.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>
