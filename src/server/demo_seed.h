// Demo content for `make run` and benchmarks: a few verified users and posts, seeded only into
// an empty database.
#pragma once

#include "services/auth_service.h"
#include "services/group_service.h"
#include "services/media_service.h"
#include "services/post_service.h"

namespace skyloom::server {

constexpr const char* kDemoPassword = "skyloom-demo-2026";

struct DemoOptions {
    int posts = 60;
    int images = 12;      // distinct demo pictures
    int image_every = 2;  // every n-th post carries one (0: none, 1: all)
    int world_every = 3;  // every n-th post is in another script (0: none, 1: all; cycles
                          // through Japanese, Chinese, Korean, Greek, Russian, Arabic, Hebrew,
                          // Hindi, Thai, emoji and a mix: make run shows them, benchmarks scroll them)
};

// Returns the number of posts created (0 when the database already had users).
int SeedDemoContent(Database& db, AuthService& auth, GroupService& groups, MediaService& media,
                    const DemoOptions& options);

}  // namespace skyloom::server
