// Server configuration from flags and SKYLOOM_* environment variables (flags win).
// Every field has a default and a one-line doc; `skyloom-server --help` prints them.
#pragma once

#include <string>
#include <vector>

#include "util/result.h"

namespace skyloom::server {

struct ServerConfig {
    std::string host = "127.0.0.1";  // --host / SKYLOOM_HOST: address to listen on
    int port = 8080;                 // --port / SKYLOOM_PORT: 0 picks a free port
    std::string data_dir = "data";   // --data / SKYLOOM_DATA: SQLite file, outbox, keys
    std::string site_dir;            // --site / SKYLOOM_SITE: static files served at /
    std::string mailer = "outbox";   // --mailer / SKYLOOM_MAILER: outbox | smtp://HOST:PORT
    std::string mail_from = "Skyloom <no-reply@skyloom.local>";  // --mail-from / SKYLOOM_MAIL_FROM
    bool demo = false;         // --demo / SKYLOOM_DEMO=1: seed demo users and posts
    std::string model_path;    // --model / SKYLOOM_MODEL: classifier .skm ("" = beside the build)
    int demo_posts = 60;       // --demo-posts / SKYLOOM_DEMO_POSTS: posts to seed with --demo
    int demo_images = 12;      // --demo-images: distinct pictures drawn for the demo posts
    int demo_image_every = 2;  // --demo-image-every: every n-th demo post has one (0: none)
    int threads = 0;           // --threads / SKYLOOM_THREADS: I/O threads, 0 = cores
    int login_failures_per_account = 10;  // --login-failures-per-account: per 15 min
    int login_failures_per_address = 50;  // --login-failures-per-address: per 15 min
    bool gc = false;  // --gc: collect unreferenced media older than a day, then exit
    bool help = false;
};

// Parses argv after applying the environment. Errors name the bad flag.
[[nodiscard]] Result<ServerConfig> ParseConfig(const std::vector<std::string>& args);
[[nodiscard]] std::string ConfigHelp();

}  // namespace skyloom::server
