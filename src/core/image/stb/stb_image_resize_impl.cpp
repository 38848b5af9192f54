// The one translation unit that compiles stb_image_resize (Debian libstb-dev).
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb/stb_image_resize.h>
