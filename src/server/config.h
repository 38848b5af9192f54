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
    std::string app_url;             // --app-url / SKYLOOM_APP_URL: the app, when hosted elsewhere
    // --cors-origin ORIGIN (repeatable) / SKYLOOM_CORS_ORIGINS (comma separated): sites on other
    // origins (the static app on S3/CloudFront/Amplify) allowed to call the API and read media.
    std::vector<std::string> cors_origins;
    bool hsts = false;  // --hsts: Strict-Transport-Security on every answer (behind TLS)
    std::string mailer = "outbox";  // --mailer / SKYLOOM_MAILER: outbox | smtp://HOST:PORT
    std::string mail_from = "Skyloom <no-reply@skyloom.local>";  // --mail-from / SKYLOOM_MAIL_FROM
    bool demo = false;         // --demo / SKYLOOM_DEMO=1: seed demo users and posts
    std::string model_path;    // --model / SKYLOOM_MODEL: classifier .skm ("" = beside the build)
    int demo_posts = 60;       // --demo-posts / SKYLOOM_DEMO_POSTS: posts to seed with --demo
    int demo_images = 12;      // --demo-images: distinct pictures drawn for the demo posts
    int demo_world_every = 3;  // --demo-world-every: every n-th demo post is in another script
    int demo_image_every = 2;  // --demo-image-every: every n-th demo post has one (0: none)
    int threads = 0;           // --threads / SKYLOOM_THREADS: I/O threads, 0 = cores
    int login_failures_per_account = 10;  // --login-failures-per-account: per 15 min
    int login_failures_per_address = 50;  // --login-failures-per-address: per 15 min
    // AI (issue 6). The key is read from SKYLOOM_AI_KEY only (never a flag: argv is public).
    std::string ai_provider = "builtin";  // --ai-provider: builtin | hf | openai
    std::string ai_url;    // --ai-url: hf endpoint URL, or the openai server's base URL
    std::string ai_key;    // SKYLOOM_AI_KEY: bearer key for hf/openai (env only)
    std::string ai_model;  // --ai-model: model name sent to openai servers (informational for hf)
    int ai_timeout_ms = 30000;        // --ai-timeout-ms: a whole upstream call
    int ai_requests_per_minute = 20;  // --ai-requests-per-minute: per user
    int ai_concurrency = 8;  // --ai-concurrency: AI requests in flight (and AI worker threads)
    std::string ai_corpus = "/usr/share/games/fortunes";  // --ai-corpus: builtin training text
    std::string ai_persona_name = "Loom";                 // --ai-persona-name
    std::string ai_persona_initial;  // --ai-persona-initial: avatar letter (default: name's)
    std::string ai_persona_style;    // --ai-persona-style: system prompt (default built in)
    bool gc = false;                 // --gc: collect unreferenced media older than a day, then exit
    bool help = false;
};

// Parses argv after applying the environment. Errors name the bad flag.
[[nodiscard]] Result<ServerConfig> ParseConfig(const std::vector<std::string>& args);
[[nodiscard]] std::string ConfigHelp();

}  // namespace skyloom::server
