// Training text for the built-in model: Debian's fortune cookie files (packages `fortunes`,
// `fortunes-min`, installed by scripts/setup) plus the site's own posts.
#pragma once

#include <string>
#include <vector>

namespace skyloom::server::ai {

constexpr const char* kDefaultFortuneDir = "/usr/share/games/fortunes";

// One document per fortune (files split on lines holding a single "%"). Reads every regular
// file in `dir` except the strfile indexes (*.dat) and symlinks (the *.u8 aliases); a missing
// directory gives no documents.
[[nodiscard]] std::vector<std::string> LoadFortunes(const std::string& dir);

// Splits one fortune file's text into its fortunes, without their attribution lines
// ("\t\t-- Mark Twain" and what follows it).
[[nodiscard]] std::vector<std::string> SplitFortunes(const std::string& text);

// A few sentences so the model can still speak when no corpus is installed.
[[nodiscard]] const std::vector<std::string>& FallbackDocuments();

}  // namespace skyloom::server::ai
