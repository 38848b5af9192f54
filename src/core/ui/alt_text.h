// A first draft of an image's alt text from the classifier's labels, for the composer to
// prefill (issue 6). The labels only say what kind of picture it is, so the draft says that,
// names itself as a guess, and invites the author to describe the rest.
//
//   DraftAltText({{"Drawing", 0.62}, {"Neutral", 0.28}})
//     -> "A drawing or illustration (AI guess: Drawing 62%, Neutral 28%)."
#pragma once

#include <string>
#include <vector>

#include "model/models.h"  // MediaLabel

namespace skyloom::ui {

// Empty when there are no labels.
[[nodiscard]] std::string DraftAltText(const std::vector<MediaLabel>& labels);

}  // namespace skyloom::ui
