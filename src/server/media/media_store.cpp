#include "media/media_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "util/crypto.h"

namespace skyloom::server {
namespace {

bool WriteAll(int fd, std::string_view bytes) {
    size_t written = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        written += static_cast<size_t>(n);
    }
    return true;
}

void FsyncDirectory(const std::filesystem::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

MediaStore::MediaStore(std::string root) : m_root(std::move(root)) {
    std::filesystem::create_directories(std::filesystem::path(m_root) / "tmp");
}

bool MediaStore::IsValidId(std::string_view id) {
    if (id.size() != 64) return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string MediaStore::PathFor(const std::string& id) const {
    return (std::filesystem::path(m_root) / id.substr(0, 2) / id).string();
}

bool MediaStore::Exists(const std::string& id) const {
    std::error_code ec;
    return IsValidId(id) && std::filesystem::is_regular_file(PathFor(id), ec);
}

Result<std::string> MediaStore::Put(std::string_view bytes) {
    namespace fs = std::filesystem;
    std::string id = Sha256Hex(bytes);
    if (Exists(id)) return id;  // same bytes, same id: nothing to write
    fs::path final_path = PathFor(id);
    fs::path temp = fs::path(m_root) / "tmp" / (id + "." + RandomToken(6));
    Error failed{"storage_failed", "Could not store the image; try again", 500};
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return failed;
    bool ok = WriteAll(fd, bytes) && ::fsync(fd) == 0;
    ok = (::close(fd) == 0) && ok;
    std::error_code ec;
    if (ok) {
        fs::create_directories(final_path.parent_path(), ec);
        fs::rename(temp, final_path, ec);
        ok = !ec;
    }
    if (!ok) {
        fs::remove(temp, ec);
        return failed;
    }
    FsyncDirectory(final_path.parent_path());
    return id;
}

void MediaStore::Remove(const std::string& id) {
    if (!IsValidId(id)) return;
    std::error_code ec;
    std::filesystem::remove(PathFor(id), ec);
}

}  // namespace skyloom::server
