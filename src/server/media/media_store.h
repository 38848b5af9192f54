// Content-addressed image files under DATA/media/<first 2 hex>/<sha256>. Writes are atomic
// (temp file, fsync, rename, fsync of the directory), so a crash never leaves a half file under
// a real id; writing bytes that already exist is a no-op.
#pragma once

#include <string>
#include <string_view>

#include "util/result.h"

namespace skyloom::server {

class MediaStore {
  public:
    explicit MediaStore(std::string root);
    // Stores the bytes and returns their id (SHA-256 hex).
    Result<std::string> Put(std::string_view bytes);
    [[nodiscard]] std::string PathFor(const std::string& id) const;
    [[nodiscard]] bool Exists(const std::string& id) const;
    void Remove(const std::string& id);
    // True for exactly 64 lowercase hex characters; anything else never becomes a path.
    [[nodiscard]] static bool IsValidId(std::string_view id);

  private:
    std::string m_root;
};

}  // namespace skyloom::server
