// Answers imgui_impl_opengl3's per-frame state backup queries from a client-side cache.
//
// Why: in Chromium, WebGL getParameter(SCISSOR_BOX) and getParameter(BLEND_*) are synchronous
// round trips to the GPU process, which first finishes all queued GPU work. The ImGui backend
// backs up that state at the start of every RenderDrawData, so each frame waited for the
// previous frame to be rasterised: 30-80 ms of "CPU" per frame under SwiftShader (measured with
// performance.now around the GL calls; GL_SCISSOR_BOX alone took ~99% of it).
//
// How: the GL entry points below are defined in the module, so the linker uses them instead of
// emscripten's JS library versions; each records the state and forwards to the emscripten_gl*
// alias of the real call. Queries for anything else pass through unchanged. Every GL call in
// the app goes through these symbols, so the cache cannot go stale.
#include <GLES3/gl3.h>

extern "C" {
void emscripten_glGetIntegerv(GLenum pname, GLint* data);
void emscripten_glScissor(GLint x, GLint y, GLsizei width, GLsizei height);
void emscripten_glBlendFunc(GLenum sfactor, GLenum dfactor);
void emscripten_glBlendFuncSeparate(GLenum src_rgb, GLenum dst_rgb, GLenum src_alpha,
                                    GLenum dst_alpha);
void emscripten_glBlendEquation(GLenum mode);
void emscripten_glBlendEquationSeparate(GLenum mode_rgb, GLenum mode_alpha);
}

namespace {

// GL's initial values (ES 3.0 spec, 6.2 state tables); the scissor box starts empty here
// because the scissor test is off until the ImGui backend sets both.
struct GlStateCache {
    GLint scissor[4] = {0, 0, 0, 0};
    GLint blend_src_rgb = GL_ONE;
    GLint blend_dst_rgb = GL_ZERO;
    GLint blend_src_alpha = GL_ONE;
    GLint blend_dst_alpha = GL_ZERO;
    GLint blend_equation_rgb = GL_FUNC_ADD;
    GLint blend_equation_alpha = GL_FUNC_ADD;
};

GlStateCache& Cache() {
    static GlStateCache cache;
    return cache;
}

}  // namespace

extern "C" {

void glGetIntegerv(GLenum pname, GLint* data) {
    const GlStateCache& c = Cache();
    switch (pname) {
        case GL_SCISSOR_BOX:
            for (int i = 0; i < 4; i++) data[i] = c.scissor[i];
            return;
        case GL_BLEND_SRC_RGB: *data = c.blend_src_rgb; return;
        case GL_BLEND_DST_RGB: *data = c.blend_dst_rgb; return;
        case GL_BLEND_SRC_ALPHA: *data = c.blend_src_alpha; return;
        case GL_BLEND_DST_ALPHA: *data = c.blend_dst_alpha; return;
        case GL_BLEND_EQUATION_RGB: *data = c.blend_equation_rgb; return;
        case GL_BLEND_EQUATION_ALPHA: *data = c.blend_equation_alpha; return;
        default: emscripten_glGetIntegerv(pname, data); return;
    }
}

void glScissor(GLint x, GLint y, GLsizei width, GLsizei height) {
    GlStateCache& c = Cache();
    c.scissor[0] = x;
    c.scissor[1] = y;
    c.scissor[2] = width;
    c.scissor[3] = height;
    emscripten_glScissor(x, y, width, height);
}

void glBlendFunc(GLenum sfactor, GLenum dfactor) {
    GlStateCache& c = Cache();
    c.blend_src_rgb = c.blend_src_alpha = static_cast<GLint>(sfactor);
    c.blend_dst_rgb = c.blend_dst_alpha = static_cast<GLint>(dfactor);
    emscripten_glBlendFunc(sfactor, dfactor);
}

void glBlendFuncSeparate(GLenum src_rgb, GLenum dst_rgb, GLenum src_alpha, GLenum dst_alpha) {
    GlStateCache& c = Cache();
    c.blend_src_rgb = static_cast<GLint>(src_rgb);
    c.blend_dst_rgb = static_cast<GLint>(dst_rgb);
    c.blend_src_alpha = static_cast<GLint>(src_alpha);
    c.blend_dst_alpha = static_cast<GLint>(dst_alpha);
    emscripten_glBlendFuncSeparate(src_rgb, dst_rgb, src_alpha, dst_alpha);
}

void glBlendEquation(GLenum mode) {
    GlStateCache& c = Cache();
    c.blend_equation_rgb = c.blend_equation_alpha = static_cast<GLint>(mode);
    emscripten_glBlendEquation(mode);
}

void glBlendEquationSeparate(GLenum mode_rgb, GLenum mode_alpha) {
    GlStateCache& c = Cache();
    c.blend_equation_rgb = static_cast<GLint>(mode_rgb);
    c.blend_equation_alpha = static_cast<GLint>(mode_alpha);
    emscripten_glBlendEquationSeparate(mode_rgb, mode_alpha);
}

}  // extern "C"
