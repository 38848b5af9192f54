#include "ai/corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace skyloom::server::ai {

namespace {

// "\t\t-- Albert Einstein": an indented dash line closes a fortune with its source, which the
// model would otherwise copy into people's drafts. A dash inside the text is not indented.
bool IsAttribution(const std::string& line) {
    const size_t start = line.find_first_not_of(" \t");
    if (start == 0 || start == std::string::npos) return false;
    return line.compare(start, 2, "--") == 0 || line.compare(start, 3, "\xE2\x80\x94") == 0;
}

}  // namespace

std::vector<std::string> SplitFortunes(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    bool attribution = false;  // the rest of this fortune is its source
    std::istringstream in(text);
    std::string line;
    auto flush = [&] {
        if (current.find_first_not_of(" \t\n") != std::string::npos) out.push_back(current);
        current.clear();
        attribution = false;
    };
    while (std::getline(in, line)) {
        if (line == "%") {
            flush();
            continue;
        }
        attribution = attribution || IsAttribution(line);
        if (attribution) continue;
        current += line;
        current += '\n';
    }
    flush();
    return out;
}

std::vector<std::string> LoadFortunes(const std::string& dir) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_symlink(ec) || !entry.is_regular_file(ec)) continue;
        if (entry.path().extension() == ".dat") continue;
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());  // a stable order keeps seeded output reproducible
    std::vector<std::string> documents;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        for (std::string& fortune : SplitFortunes(text.str())) {
            documents.push_back(std::move(fortune));
        }
    }
    return documents;
}

const std::vector<std::string>& FallbackDocuments() {
    static const std::vector<std::string> documents = {
        "Every day is a good day to share a picture with your friends.",
        "A good meme is worth a thousand words, and a great one is worth a thousand likes.",
        "The sky is wide and the loom is busy, so keep weaving your stories.",
        "Kindness is free, so sprinkle it everywhere you post.",
    };
    return documents;
}

}  // namespace skyloom::server::ai
