// skyloom-server: wires config, storage, services and the HTTP router, then serves until
// SIGINT/SIGTERM. The first stdout line is "listening on http://HOST:PORT" (tests read it).
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <thread>

#include "ai/builtin_provider.h"
#include "ai/remote_providers.h"
#include "config.h"
#include "demo_seed.h"
#include "demo_templates.h"
#include "http/http_types.h"
#include "http/routes.h"
#include "ml/classifier.h"
#include "secrets.h"
#include "util/crypto.h"
#include "util/periodic_task.h"

namespace {

using namespace skyloom;
using namespace skyloom::server;

// Largest request body RESTinio will buffer; routes apply their own smaller limits (JSON: 64 KB)
// and answer 413. Media uploads (25 MB) are the largest legitimate body.
// Unreferenced media are collected this often while the server runs (and by --gc).
constexpr std::chrono::minutes kGcInterval{60};

constexpr uint64_t kMaxRequestBodyBytes = 26 * 1024 * 1024;
// Header limits: generous for browsers, fatal for header-flooding clients.
constexpr size_t kMaxUrlBytes = 8 * 1024;
constexpr size_t kMaxHeaderNameBytes = 256;
constexpr size_t kMaxHeaderValueBytes = 16 * 1024;
constexpr size_t kMaxHeaderCount = 100;

// The CSP for the site's files: its connect-src and img-src name the API when the site's
// config.json points at another origin (an operator who serves web/dist from here but runs the
// API elsewhere).
std::string SitePolicyFor(const std::string& site_dir) {
    if (site_dir.empty()) return SitePolicy("");
    std::ifstream file(std::filesystem::path(site_dir) / "config.json", std::ios::binary);
    const std::string config((std::istreambuf_iterator<char>(file)), {});
    return SitePolicy(ApiOriginOfConfig(config));
}

// The image classifier for upload labels: --model, else the converted model the build puts
// beside bin/ (build/<preset>/models/mobilenet_v2.skm). Without one, uploads are not labelled.
void LoadClassifier(const std::string& configured, MediaService& media) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path path = configured;
    if (path.empty()) {
        const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        if (!ec) path = exe.parent_path().parent_path() / "models" / "mobilenet_v2.skm";
    }
    std::ifstream file(path, std::ios::binary);
    if (path.empty() || !file) {
        std::fprintf(stderr, "classifier: no model at %s; uploads get no AI labels\n",
                     path.string().c_str());
        return;
    }
    const std::string bytes((std::istreambuf_iterator<char>(file)),
                            std::istreambuf_iterator<char>());
    auto classifier = ml::Classifier::Load(
        std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
    if (!classifier) {
        std::fprintf(stderr, "classifier: %s: %s\n", path.string().c_str(),
                     classifier.error().message.c_str());
        return;
    }
    media.SetClassifier(std::make_shared<const ml::Classifier>(std::move(classifier.value())));
}

// The builtin model also learns from the newest posts, up to this many.
constexpr int kMaxTrainingPosts = 50000;
// ... and retrains this often, so new posts shape its suggestions.
constexpr std::chrono::minutes kAiRefreshInterval{60};

std::unique_ptr<ai::Provider> MakeAiProvider(const ServerConfig& config, Database& db,
                                             const ai::Persona& persona) {
    if (config.ai_provider == "builtin") {
        ai::BuiltinOptions options;
        options.corpus_dir = config.ai_corpus;
        options.persona = persona;
        options.load_posts = [&db] {
            std::vector<std::string> posts;
            Statement& stmt = db.Conn().Prepare("SELECT text FROM posts ORDER BY id DESC LIMIT ?");
            stmt.Bind(1, int64_t(kMaxTrainingPosts));
            while (stmt.Step()) posts.push_back(stmt.Text(0));
            return posts;
        };
        return ai::MakeBuiltinProvider(std::move(options));
    }
    ai::UpstreamConfig upstream;
    upstream.url = config.ai_url;
    upstream.key = config.ai_key;
    upstream.model = config.ai_model;
    upstream.timeout_ms = config.ai_timeout_ms;
    if (config.ai_provider == "hf") return ai::MakeHfProvider(upstream, persona);
    return ai::MakeOpenAiProvider(upstream, persona);
}

void ForwardTermToInt(int) {
    // RESTinio's run loop stops on SIGINT; treat SIGTERM (service managers, tests) the same.
    std::raise(SIGINT);
}

int Serve(const ServerConfig& config) {
    namespace fs = std::filesystem;
    InitCrypto();
    fs::create_directories(config.data_dir);
    SetResponsePolicy({config.cors_origins, config.hsts, SitePolicyFor(config.site_dir)});

    Database db((fs::path(config.data_dir) / "skyloom.db").string());
    db.Migrate();
    Secrets secrets = LoadOrCreateSecrets(config.data_dir);

    auto mailer = MakeMailer(config.mailer, config.data_dir, config.mail_from);
    if (!mailer) {
        std::fprintf(stderr, "skyloom-server: %s\n", mailer.error().message.c_str());
        return 2;
    }
    MailQueue mail(std::move(mailer).value());
    Clock clock;
    PasswordHasher hasher;
    AuthSettings auth_settings;
    auth_settings.login_failures_per_account = config.login_failures_per_account;
    auth_settings.login_failures_per_address = config.login_failures_per_address;
    AuthService auth(db, hasher, JwtSigner(secrets.jwt_key), mail, clock, secrets.code_key,
                     auth_settings);
    PostService posts(db, clock);
    MediaStore media_store((fs::path(config.data_dir) / "media").string());
    MediaService media(db, media_store, clock);
    GroupService groups(db, clock);
    LoadClassifier(config.model_path, media);
    // Social (issue 5). Notification mail has its own queue and thread so a fan-out to
    // thousands of subscribers never delays a sign-up code.
    auto notification_mailer = MakeMailer(config.mailer, config.data_dir, config.mail_from);
    if (!notification_mailer) return 2;
    MailQueue notification_mail(std::move(notification_mailer).value());
    SocialService social(db, clock);
    TemplateService templates(db, clock);
    NotificationService notifications(db, clock, notification_mail);
    posts.OnMemePosted([&notifications] { notifications.Wake(); });

    if (config.gc) {
        std::printf("gc: removed %d unreferenced images\n", media.CollectGarbage());
        return 0;
    }

    if (config.demo) {
        DemoOptions demo;
        demo.posts = config.demo_posts;
        demo.images = config.demo_images;
        demo.image_every = config.demo_image_every;
        demo.world_every = config.demo_world_every;
        int seeded = SeedDemoContent(db, auth, groups, media, demo);
        if (seeded > 0) {
            std::fprintf(
                stderr,
                "demo: seeded users ada, grace, linus, memequeen (password %s) and %d posts\n",
                kDemoPassword, seeded);
        }
        if (int published = SeedDemoTemplates(templates, media, social, "memequeen")) {
            std::fprintf(stderr, "demo: published %d meme templates\n", published);
        }
    }

    ai::Persona persona;
    persona.name = config.ai_persona_name;
    persona.initial = config.ai_persona_initial;
    if (!config.ai_persona_style.empty()) persona.style = config.ai_persona_style;
    AiSettings ai_settings;
    ai_settings.requests_per_minute = config.ai_requests_per_minute;
    ai_settings.max_in_flight = config.ai_concurrency;
    ai_settings.persona = persona;
    // Started after demo seeding so the builtin model also learns the demo posts.
    AiService ai(db, clock, MakeAiProvider(config, db, persona), ai_settings);
    std::fprintf(stderr, "ai: provider %s\n", config.ai_provider.c_str());

    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    size_t io_threads = config.threads > 0 ? size_t(config.threads) : cores;
    WorkerPool workers(cores);
    // AI requests hold a thread for their whole answer (mostly waiting on a model server), so
    // they get their own pool, as large as the number admitted at once.
    WorkerPool ai_workers(size_t(config.ai_concurrency));
    auto context = std::make_shared<RouteContext>(
        RouteContext{auth, posts, media, groups, workers, ai, ai_workers, config.site_dir, social,
                     templates, notifications, config.app_url});
    PeriodicTask ai_refresh_task(kAiRefreshInterval, [&ai] { ai.RefreshModel(); });
    PeriodicTask gc_task(kGcInterval, [&media] {
        int removed = media.CollectGarbage();
        if (removed > 0) std::fprintf(stderr, "gc: removed %d unreferenced images\n", removed);
    });

    std::signal(SIGTERM, ForwardTermToInt);
    std::string host = config.host;
    std::string outbox = config.mailer == "outbox"
                             ? (fs::absolute(config.data_dir) / "outbox").string()
                             : std::string();
    restinio::run(restinio::on_thread_pool<ServerTraits>(io_threads)
                      .address(config.host)
                      .port(static_cast<uint16_t>(config.port))
                      .request_handler(BuildRouter(context))
                      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                                    .max_body_size(kMaxRequestBodyBytes)
                                                    .max_url_size(kMaxUrlBytes)
                                                    .max_field_name_size(kMaxHeaderNameBytes)
                                                    .max_field_value_size(kMaxHeaderValueBytes)
                                                    .max_field_count(kMaxHeaderCount))
                      .handle_request_timeout(std::chrono::seconds(60))
                      // Streamed AI answers write one small chunk per token; with Nagle's
                      // algorithm each waits for the client's delayed ACK (~40 ms).
                      .socket_options_setter([](restinio::socket_options_t& options) {
                          options.set_option(asio::ip::tcp::no_delay{true});
                      })
                      .concurrent_accepts_count(io_threads)
                      .acceptor_post_bind_hook([host, outbox](asio::ip::tcp::acceptor& acceptor) {
                          // Listen now (RESTinio listens right after this hook anyway) so a client
                          // that reads the line below and connects at once is never refused.
                          acceptor.listen(asio::socket_base::max_listen_connections);
                          std::printf("listening on http://%s:%u\n", host.c_str(),
                                      unsigned(acceptor.local_endpoint().port()));
                          std::fflush(stdout);
                          if (!outbox.empty()) {
                              std::fprintf(stderr, "mail: verification codes are written to %s\n",
                                           outbox.c_str());
                          }
                      }));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto config = ParseConfig(args);
    if (!config) {
        std::fprintf(stderr, "skyloom-server: %s\n\n%s", config.error().message.c_str(),
                     ConfigHelp().c_str());
        return 2;
    }
    if (config.value().help) {
        std::printf("%s", ConfigHelp().c_str());
        return 0;
    }
    try {
        return Serve(config.value());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "skyloom-server: %s\n", e.what());
        return 1;
    }
}
