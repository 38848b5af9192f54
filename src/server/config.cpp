#include "config.h"

#include <cstdlib>
#include <functional>
#include <map>

namespace skyloom::server {
namespace {

struct Option {
    const char* env;
    bool takes_value;
    std::function<bool(ServerConfig&, const std::string&)> apply;
    const char* help;
};

// "https://app.example" or "http://localhost:5173": a scheme, a host, maybe a port, no path.
bool IsOrigin(const std::string& text) {
    size_t rest = 0;
    if (text.rfind("https://", 0) == 0)
        rest = 8;
    else if (text.rfind("http://", 0) == 0)
        rest = 7;
    else
        return false;
    if (text.size() == rest || text.size() > 200) return false;
    for (size_t i = rest; i < text.size(); i++) {
        const char c = text[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' || c == '[' ||
                        c == ']';
        if (!ok) return false;
    }
    return true;
}

bool AddOrigins(ServerConfig& c, const std::string& list) {
    size_t start = 0;
    while (start <= list.size()) {
        size_t comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        std::string origin = list.substr(start, comma - start);
        while (!origin.empty() && origin.front() == ' ') origin.erase(0, 1);
        while (!origin.empty() && origin.back() == ' ') origin.pop_back();
        if (!IsOrigin(origin)) return false;
        c.cors_origins.push_back(origin);
        start = comma + 1;
    }
    return true;
}

bool ParseInt(const std::string& text, int min, int max, int& out) {
    if (text.empty() || text.size() > 9) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    int value = std::atoi(text.c_str());
    if (value < min || value > max) return false;
    out = value;
    return true;
}

const std::map<std::string, Option>& Options() {
    static const std::map<std::string, Option> options = {
        {"--host",
         {"SKYLOOM_HOST", true,
          [](ServerConfig& c, const std::string& v) {
              c.host = v;
              return !v.empty();
          },
          "address to listen on (default 127.0.0.1)"}},
        {"--port",
         {"SKYLOOM_PORT", true,
          [](ServerConfig& c, const std::string& v) { return ParseInt(v, 0, 65535, c.port); },
          "port; 0 picks a free one (default 8080)"}},
        {"--data",
         {"SKYLOOM_DATA", true,
          [](ServerConfig& c, const std::string& v) {
              c.data_dir = v;
              return !v.empty();
          },
          "data directory: database, outbox, keys (default ./data)"}},
        {"--site",
         {"SKYLOOM_SITE", true,
          [](ServerConfig& c, const std::string& v) {
              c.site_dir = v;
              return true;
          },
          "static site directory served at / (default: none)"}},
        {"--app-url",
         {"SKYLOOM_APP_URL", true,
          [](ServerConfig& c, const std::string& v) {
              c.app_url = v;
              // An absolute http(s) URL: shared-link pages link to it from other origins.
              return v.rfind("https://", 0) == 0 || v.rfind("http://", 0) == 0;
          },
          "the app's URL for links from shared-link pages /p/ID, /u/NAME (default: this site)"}},
        {"--cors-origin",
         {"SKYLOOM_CORS_ORIGINS", true, AddOrigins,
          "an origin (https://host[:port]) allowed to call the API and read media cross-origin; "
          "repeatable (env: comma separated)"}},
        {"--hsts",
         {"SKYLOOM_HSTS", false,
          [](ServerConfig& c, const std::string& v) {
              c.hsts = v != "0";
              return true;
          },
          "send Strict-Transport-Security (only when clients reach the server over HTTPS)"}},
        {"--mailer",
         {"SKYLOOM_MAILER", true,
          [](ServerConfig& c, const std::string& v) {
              c.mailer = v;
              return true;
          },
          "outbox (files in DATA/outbox) or smtp://HOST:PORT"}},
        {"--mail-from",
         {"SKYLOOM_MAIL_FROM", true,
          [](ServerConfig& c, const std::string& v) {
              c.mail_from = v;
              return !v.empty();
          },
          "From: header of outgoing mail"}},
        {"--demo",
         {"SKYLOOM_DEMO", false,
          [](ServerConfig& c, const std::string& v) {
              c.demo = v != "0";
              return true;
          },
          "seed demo users and posts into an empty database"}},
        {"--demo-posts",
         {"SKYLOOM_DEMO_POSTS", true,
          [](ServerConfig& c, const std::string& v) {
              return ParseInt(v, 0, 10000000, c.demo_posts);
          },
          "number of demo posts (default 60)"}},
        {"--model",
         {"SKYLOOM_MODEL", true,
          [](ServerConfig& c, const std::string& v) {
              c.model_path = v;
              return !v.empty();
          },
          "image classifier model (.skm); default: models/mobilenet_v2.skm beside bin/"}},
        {"--demo-images",
         {"SKYLOOM_DEMO_IMAGES", true,
          [](ServerConfig& c, const std::string& v) { return ParseInt(v, 1, 1000, c.demo_images); },
          "distinct demo pictures (default 12)"}},
        {"--demo-image-every",
         {"SKYLOOM_DEMO_IMAGE_EVERY", true,
          [](ServerConfig& c, const std::string& v) {
              return ParseInt(v, 0, 1000000, c.demo_image_every);
          },
          "every n-th demo post carries a picture; 0: none (default 2)"}},
        {"--demo-world-every",
         {"SKYLOOM_DEMO_WORLD_EVERY", true,
          [](ServerConfig& c, const std::string& v) {
              return ParseInt(v, 0, 1000000, c.demo_world_every);
          },
          "every n-th demo post is in another script (CJK, emoji...); 0: none (default 3)"}},
        {"--threads",
         {"SKYLOOM_THREADS", true,
          [](ServerConfig& c, const std::string& v) { return ParseInt(v, 0, 256, c.threads); },
          "I/O threads; 0 = one per core"}},
        {"--login-failures-per-account",
         {"SKYLOOM_LOGIN_FAILURES_PER_ACCOUNT", true,
          [](ServerConfig& c, const std::string& v) {
              return ParseInt(v, 1, 100000, c.login_failures_per_account);
          },
          "failed sign-ins per account per 15 min (default 10)"}},
        {"--login-failures-per-address",
         {"SKYLOOM_LOGIN_FAILURES_PER_ADDRESS", true,
          [](ServerConfig& c, const std::string& v) {
              return ParseInt(v, 1, 100000, c.login_failures_per_address);
          },
          "failed sign-ins per client address per 15 min (default 50)"}},
        {"--ai-provider",
         {"SKYLOOM_AI_PROVIDER", true,
          [](ServerConfig& c, const std::string& v) {
              c.ai_provider = v;
              return v == "builtin" || v == "hf" || v == "openai";
          },
          "AI text provider: builtin (offline n-gram model), hf or openai (default builtin)"}},
        {"--ai-url",
         {"SKYLOOM_AI_URL", true,
          [](ServerConfig& c, const std::string& v) {
              c.ai_url = v;
              return v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0;
          },
          "hf: the Inference Endpoint URL; openai: the server's base URL (key: env "
          "SKYLOOM_AI_KEY)"}},
        {"--ai-model",
         {"SKYLOOM_AI_MODEL", true,
          [](ServerConfig& c, const std::string& v) {
              c.ai_model = v;
              return true;
          },
          "model name sent to the openai server"}},
        {"--ai-timeout-ms",
         {"SKYLOOM_AI_TIMEOUT_MS", true,
          [](ServerConfig& c, const std::string& v) {
              return ParseInt(v, 100, 600000, c.ai_timeout_ms);
          },
          "time limit for one call to the AI model (default 30000)"}},
        {"--ai-requests-per-minute",
         {"SKYLOOM_AI_REQUESTS_PER_MINUTE", true,
          [](ServerConfig& c, const std::string& v) {
              return ParseInt(v, 1, 1000000, c.ai_requests_per_minute);
          },
          "AI requests per user per minute (default 20)"}},
        {"--ai-concurrency",
         {"SKYLOOM_AI_CONCURRENCY", true,
          [](ServerConfig& c, const std::string& v) {
              return ParseInt(v, 1, 256, c.ai_concurrency);
          },
          "AI requests in flight at once (default 8)"}},
        {"--ai-corpus",
         {"SKYLOOM_AI_CORPUS", true,
          [](ServerConfig& c, const std::string& v) {
              c.ai_corpus = v;
              return true;
          },
          "fortune files the builtin model learns from (default /usr/share/games/fortunes)"}},
        {"--ai-persona-name",
         {"SKYLOOM_AI_PERSONA_NAME", true,
          [](ServerConfig& c, const std::string& v) {
              c.ai_persona_name = v;
              return !v.empty() && v.size() <= 40;
          },
          "the chat persona's name (default Loom)"}},
        {"--ai-persona-initial",
         {"SKYLOOM_AI_PERSONA_INITIAL", true,
          [](ServerConfig& c, const std::string& v) {
              c.ai_persona_initial = v;
              return v.size() <= 8;
          },
          "the persona's avatar letter (default: the name's first)"}},
        {"--ai-persona-style",
         {"SKYLOOM_AI_PERSONA_STYLE", true,
          [](ServerConfig& c, const std::string& v) {
              c.ai_persona_style = v;
              return v.size() <= 4000;
          },
          "the persona's style prompt (system message)"}},
        {"--gc",
         {nullptr, false,
          [](ServerConfig& c, const std::string&) {
              c.gc = true;
              return true;
          },
          "delete images no post uses (older than a day), then exit"}},
        {"--help",
         {nullptr, false,
          [](ServerConfig& c, const std::string&) {
              c.help = true;
              return true;
          },
          "print this help"}},
    };
    return options;
}

}  // namespace

Result<ServerConfig> ParseConfig(const std::vector<std::string>& args) {
    ServerConfig config;
    for (const auto& [flag, option] : Options()) {
        if (option.env == nullptr) continue;
        if (const char* value = std::getenv(option.env)) {
            if (!option.apply(config, value))
                return Error{"bad_config", std::string("bad value for ") + option.env, 0};
        }
    }
    // Secrets never come from flags: command lines are visible to every local user.
    if (const char* key = std::getenv("SKYLOOM_AI_KEY")) config.ai_key = key;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string flag = args[i];
        std::string value;
        bool has_inline_value = false;
        if (size_t eq = flag.find('='); eq != std::string::npos) {
            value = flag.substr(eq + 1);
            flag = flag.substr(0, eq);
            has_inline_value = true;
        }
        auto it = Options().find(flag);
        if (it == Options().end()) return Error{"bad_config", "unknown flag " + flag, 0};
        if (it->second.takes_value && !has_inline_value) {
            if (i + 1 >= args.size()) return Error{"bad_config", flag + " needs a value", 0};
            value = args[++i];
        }
        if (!it->second.apply(config, value))
            return Error{"bad_config", "bad value for " + flag + ": " + value, 0};
    }
    if (config.ai_provider != "builtin" && config.ai_url.empty()) {
        return Error{"bad_config", "--ai-provider " + config.ai_provider + " needs --ai-url", 0};
    }
    return config;
}

std::string ConfigHelp() {
    std::string text = "usage: skyloom-server [flags]\n";
    for (const auto& [flag, option] : Options()) {
        text += "  " + flag + (option.takes_value ? " VALUE" : "") + "\n      " + option.help;
        if (option.env) text += std::string(" [env ") + option.env + "]";
        text += "\n";
    }
    text +=
        "  env SKYLOOM_AI_KEY\n      bearer key for the hf/openai provider (environment only)\n";
    return text;
}

}  // namespace skyloom::server
