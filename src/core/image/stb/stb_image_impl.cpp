// The one translation unit that compiles stb_image (Debian libstb-dev), limited to the formats
// uploads accept. The header is a SYSTEM include, so its own warnings stay out of our build.
// STBI_MALLOC/STBI_FREE stay malloc/free: decode.cpp adopts stb's buffer into a PixelBuffer.
// No stdio: the pipeline decodes from memory only, in the browser as on the server.
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_ONLY_GIF
#define STBI_ONLY_BMP
// A second guard behind ProbeImage's limits (kMaxSide), in case a header lies about its size.
#define STBI_MAX_DIMENSIONS 12000
// stb enables its SSE2 JPEG paths (IDCT, YCbCr->RGB, chroma upsampling) only on x86 targets.
// WebAssembly built with -msse2 -msimd128 (src/image_worker) gets them too: Emscripten maps
// SSE2 intrinsics onto wasm SIMD (https://emscripten.org/docs/porting/simd.html).
// STBI__X86_TARGET is stb's own internal switch; without -msse2 wasm stays scalar.
#if defined(__wasm__) && defined(__SSE2__)
#define STBI__X86_TARGET
#endif
#include <stb/stb_image.h>
