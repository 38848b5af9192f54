// Demo pictures for `make run` and the image benchmarks, drawn in code (gradients, a horizon
// and soft discs in a palette per image) so nothing is downloaded or committed. Each is
// uploaded through MediaService like a user's photo (thumbnail, placeholder).
#pragma once

#include <string>
#include <vector>

#include "services/auth_service.h"
#include "services/media_service.h"

namespace skyloom::server {

// Media ids of `count` distinct images (fewer if an upload fails).
[[nodiscard]] std::vector<std::string> SeedDemoImages(MediaService& media, const AuthUser& owner,
                                                      int count);

}  // namespace skyloom::server
