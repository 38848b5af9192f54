// skyloom-server: wires config, storage, services and the HTTP router, then serves until
// SIGINT/SIGTERM. The first stdout line is "listening on http://HOST:PORT" (tests read it).
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "config.h"
#include "demo_seed.h"
#include "demo_templates.h"
#include "http/routes.h"
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

void ForwardTermToInt(int) {
    // RESTinio's run loop stops on SIGINT; treat SIGTERM (service managers, tests) the same.
    std::raise(SIGINT);
}

int Serve(const ServerConfig& config) {
    namespace fs = std::filesystem;
    InitCrypto();
    fs::create_directories(config.data_dir);

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

    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    size_t io_threads = config.threads > 0 ? size_t(config.threads) : cores;
    WorkerPool workers(cores);
    auto context = std::make_shared<RouteContext>(RouteContext{
        auth, posts, media, groups, workers, config.site_dir, social, templates, notifications});
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
