// The classifier's input: an 8-bit image turned into the float tensor nsfwjs feeds its model.
// nsfwjs 4.4.0 (dist/cjs/core.js, NSFWJS.infer) takes RGB, divides by 255 and, unless the image
// already has the model's size, resizes with tf.image.resizeBilinear(alignCorners = true,
// halfPixelCenters = false). This reproduces tfjs-backend-cpu's ResizeBilinear arithmetic
// (double precision, float32 storage), so both sides start from the same numbers.
//
//   std::vector<float> x = ml::PrepareInput(image, 224, 224);  // 224 * 224 * 3 values
#pragma once

#include <vector>

#include "image/image.h"

namespace skyloom::ml {

// RGB of `image` (alpha ignored, as tf.browser.fromPixels(img, 3) does), scaled to [0, 1],
// resized to height x width; channels-last. Empty when the image is empty.
[[nodiscard]] std::vector<float> PrepareInput(const image::Image& image, int height, int width);

}  // namespace skyloom::ml
