// Helpers for image_tests: fixtures generated at test time by fixtures/make_image_fixtures.sh
// (ImageMagick), file reading, pixel comparisons and PSNR.
#pragma once

#include <string>

#include "image/image.h"

namespace skyloom::image::testing {

// Generates the fixtures once per build tree (cheap when current) and returns the path of
// `name` inside the fixture directory. On failure (ImageMagick missing, ...) `*error` says why
// and the returned path is empty; tests ASSERT on it, so a missing tool is a failure, not a skip.
std::string Fixture(const std::string& name, std::string* error);

std::string ReadFile(const std::string& path);  // "" when unreadable

// Peak signal-to-noise ratio over RGB of two same-sized images, in dB (99 when identical).
double Psnr(const Image& a, const Image& b);

// True when the pixel at (x, y) is within `tolerance` of (r, g, b) on every channel.
bool ColorNear(const Image& image, int x, int y, int r, int g, int b, int tolerance);

}  // namespace skyloom::image::testing
