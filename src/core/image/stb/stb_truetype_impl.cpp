// The one translation unit that compiles stb_truetype (Debian libstb-dev).
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb/stb_truetype.h>
