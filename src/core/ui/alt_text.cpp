#include "ui/alt_text.h"

#include <cmath>

namespace skyloom::ui {
namespace {

// nsfwjs' five classes, as a person would describe the picture.
const char* Phrase(const std::string& label) {
    if (label == "Drawing") return "A drawing or illustration";
    if (label == "Neutral") return "A photo";
    if (label == "Sexy") return "A suggestive photo";
    if (label == "Porn") return "An explicit photo";
    if (label == "Hentai") return "An explicit drawing";
    return "An image";
}

}  // namespace

std::string DraftAltText(const std::vector<MediaLabel>& labels) {
    if (labels.empty()) return "";
    std::string out = std::string(Phrase(labels[0].label)) + " (AI guess: ";
    int shown = 0;
    for (const MediaLabel& l : labels) {
        const long percent = std::lround(l.probability * 100.0);
        // Only labels worth reading: the top one always, others from 10% up, at most three.
        if (shown > 0 && (percent < 10 || shown == 3)) break;
        out += std::string(shown > 0 ? ", " : "") + l.label + " " + std::to_string(percent) + "%";
        ++shown;
    }
    return out + ").";
}

}  // namespace skyloom::ui
