// Image uploads and delivery against the real server: dedup, caching headers, ranges, every
// bad upload, posts with images and groups, and garbage collection with --gc.
#include <gtest/gtest.h>

#include <fstream>

#include "api/requests.h"
#include "client_helpers.h"
#include "image/probe.h"
#include "test_images.h"

namespace skyloom::testing {
namespace {

std::string Header(const std::string& raw_headers, const std::string& name) {
    // raw_headers: "Name: value\r\n..." as captured by CurlPerformWithHeaders below.
    std::string lower_name = name + ":";
    for (auto& c : lower_name) c = char(std::tolower(c));
    size_t pos = 0;
    while (pos < raw_headers.size()) {
        size_t end = raw_headers.find("\r\n", pos);
        std::string line = raw_headers.substr(pos, end - pos);
        std::string lower = line;
        for (auto& c : lower) c = char(std::tolower(c));
        if (lower.rfind(lower_name, 0) == 0) {
            std::string value = line.substr(lower_name.size());
            while (!value.empty() && value[0] == ' ') value.erase(0, 1);
            return value;
        }
        if (end == std::string::npos) break;
        pos = end + 2;
    }
    return "";
}

struct Fetched {
    int status = 0;
    std::string body;
    std::string headers;
};

Fetched Fetch(const ServerProcess& server, const std::string& path,
              std::vector<HttpHeader> headers = {}) {
    HttpRequest request;
    request.method = "GET";
    request.path = path;
    request.headers = std::move(headers);
    RawHttpResponse raw = CurlPerformWithHeaders(server.base_url(), request);
    return Fetched{raw.response.status, raw.response.body, raw.headers};
}

class Media : public ::testing::Test {
  protected:
    void SetUp() override {
        server = std::make_unique<ServerProcess>();
        ada = std::make_unique<ApiClient>(SignupAndLogin(*server, "ada"));
    }
    HttpResponse Upload(const std::string& bytes, const std::string& type, bool auth = true) {
        HttpRequest request = api::UploadMedia(bytes, type);
        if (auth) api::Authorize(request, ada->access_token());
        return CurlPerform(server->base_url(), request);
    }
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<ApiClient> ada;
};

TEST_F(Media, UploadIsContentAddressedAndDeduplicated) {
    std::string png = MakePng(40, 30);
    auto first = Await<skyloom::Media>([&](auto cb) { ada->UploadMedia(png, "image/png", cb); });
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(first.value().id.size(), 64u);
    EXPECT_EQ(first.value().width, 40);
    EXPECT_EQ(first.value().height, 30);
    EXPECT_EQ(first.value().mime, "image/png");
    EXPECT_EQ(first.value().url, "/api/v1/media/" + first.value().id);
    auto again = Await<skyloom::Media>([&](auto cb) { ada->UploadMedia(png, "image/png", cb); });
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value().id, first.value().id);
    auto other = Await<skyloom::Media>(
        [&](auto cb) { ada->UploadMedia(MakePng(40, 30, 9), "image/png", cb); });
    EXPECT_NE(other.value().id, first.value().id);

    Fetched got = Fetch(*server, first.value().url);
    ASSERT_EQ(got.status, 200);
    EXPECT_EQ(got.body, png) << "bytes come back unchanged";
}

TEST_F(Media, ServerMakesAThumbnailAndAPlaceholder) {
    auto big = Await<skyloom::Media>(
        [&](auto cb) { ada->UploadMedia(MakePng(640, 480, 3), "image/png", cb); });
    ASSERT_TRUE(big.ok()) << big.error().message;
    EXPECT_GE(big.value().placeholder.size(), 20u) << "BlurHash";
    ASSERT_NE(big.value().thumb_url, big.value().url);
    Fetched thumb = Fetch(*server, big.value().thumb_url);
    ASSERT_EQ(thumb.status, 200);
    auto info = image::ProbeImage(thumb.body);
    ASSERT_TRUE(info.ok());
    EXPECT_EQ(info.value().width, 320u);
    EXPECT_EQ(info.value().height, 240u);

    auto small = Await<skyloom::Media>(
        [&](auto cb) { ada->UploadMedia(MakePng(100, 50), "image/png", cb); });
    ASSERT_TRUE(small.ok());
    EXPECT_EQ(small.value().thumb_url, small.value().url) << "never upscaled";

    api::NewPost post{"with thumb", big.value().id, ""};
    auto created = Await<Post>([&](auto cb) { ada->CreatePost(post, cb); });
    ASSERT_TRUE(created.ok());
    EXPECT_EQ(created.value().media->thumb_url, big.value().thumb_url);
    EXPECT_EQ(created.value().media->placeholder, big.value().placeholder);
}

TEST_F(Media, ServesWithCachingHeadersConditionalAndRanges) {
    std::string png = MakePng(64, 64);
    auto media = Await<skyloom::Media>([&](auto cb) { ada->UploadMedia(png, "image/png", cb); });
    ASSERT_TRUE(media.ok());
    const std::string url = media.value().url;
    const std::string etag = "\"" + media.value().id + "\"";

    Fetched full = Fetch(*server, url);
    ASSERT_EQ(full.status, 200);
    EXPECT_EQ(Header(full.headers, "Content-Type"), "image/png");
    EXPECT_EQ(Header(full.headers, "ETag"), etag);
    EXPECT_EQ(Header(full.headers, "Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(Header(full.headers, "Accept-Ranges"), "bytes");

    Fetched cached = Fetch(*server, url, {{"If-None-Match", etag}});
    EXPECT_EQ(cached.status, 304);
    EXPECT_TRUE(cached.body.empty());

    Fetched part = Fetch(*server, url, {{"Range", "bytes=10-19"}});
    ASSERT_EQ(part.status, 206);
    EXPECT_EQ(part.body, png.substr(10, 10));
    EXPECT_EQ(Header(part.headers, "Content-Range"), "bytes 10-19/" + std::to_string(png.size()));

    Fetched tail = Fetch(*server, url, {{"Range", "bytes=-5"}});
    EXPECT_EQ(tail.status, 206);
    EXPECT_EQ(tail.body, png.substr(png.size() - 5));

    Fetched open_end = Fetch(*server, url, {{"Range", "bytes=100-"}});
    EXPECT_EQ(open_end.status, 206);
    EXPECT_EQ(open_end.body, png.substr(100));

    Fetched beyond = Fetch(*server, url, {{"Range", "bytes=999999-"}});
    EXPECT_EQ(beyond.status, 416);
    EXPECT_EQ(Header(beyond.headers, "Content-Range"), "bytes */" + std::to_string(png.size()));
}

TEST_F(Media, BadUploadsGetTheirStatusAndCode) {
    std::string png = MakePng(8, 8);
    struct Case {
        const char* name;
        std::string bytes;
        std::string type;
        int status;
        std::string code;
    };
    std::vector<Case> cases = {
        {"zero bytes", "", "image/png", 422, "empty_file"},
        {"text as png", "hello, not an image at all", "image/png", 415, "unsupported_format"},
        {"html", "<html><script>alert(1)</script></html>", "image/jpeg", 415, "unsupported_format"},
        {"truncated png", png.substr(0, 20), "image/png", 422, "corrupt_image"},
        {"truncated jpeg", MakeJpegHeader(10, 10).substr(0, 12), "image/jpeg", 422,
         "corrupt_image"},
        {"zero width png", MakePng(0, 5), "image/png", 422, "corrupt_image"},
        {"giant dimensions", MakeJpegHeader(60000, 60000), "image/jpeg", 422, "image_too_large"},
        {"side over 12000", MakeJpegHeader(12001, 10), "image/jpeg", 422, "image_too_large"},
        {"over 50 megapixels", MakeJpegHeader(8000, 7000), "image/jpeg", 422, "image_too_large"},
        {"cmyk jpeg", MakeJpegHeader(100, 100, 4), "image/jpeg", 422, "cmyk_unsupported"},
        {"gif bytes", std::string("GIF89a\x10\x00\x10\x00\x00\x00\x00", 13), "image/png", 415,
         "unsupported_media_type"},
        {"wrong content type", png, "image/gif", 415, "unsupported_media_type"},
        {"no content type", png, "", 415, "unsupported_media_type"},
        {"type mismatch", png, "image/jpeg", 415, "content_type_mismatch"},
        {"over 25 MB", png + std::string(25 * 1024 * 1024, '\0'), "image/png", 413,
         "file_too_large"},
    };
    for (const Case& c : cases) {
        HttpResponse response = Upload(c.bytes, c.type);
        EXPECT_EQ(response.status, c.status) << c.name << ": " << response.body.substr(0, 200);
        Json body = Json::parse(response.body, nullptr, false);
        ASSERT_TRUE(body.is_object() && body.contains("error")) << c.name;
        EXPECT_EQ(body["error"].value("code", ""), c.code) << c.name;
    }
    EXPECT_EQ(Upload(png, "image/png", /*auth=*/false).status, 401);
    for (const char* bad_id :
         {"abc", "../../etc/passwd", "..%2F..%2Fskyloom.db",
          "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
          "0000000000000000000000000000000000000000000000000000000000000000"}) {
        Fetched response = Fetch(*server, std::string("/api/v1/media/") + bad_id);
        EXPECT_EQ(response.status, 404) << bad_id;
    }
    ASSERT_TRUE(server->running());
}

TEST_F(Media, PostsCarryImagesAndGroups) {
    auto media =
        Await<skyloom::Media>([&](auto cb) { ada->UploadMedia(MakePng(32, 16), "image/png", cb); });
    ASSERT_TRUE(media.ok());
    auto group = Await<Group>([&](auto cb) { ada->CreateGroup("Sunsets", "Orange skies", cb); });
    ASSERT_TRUE(group.ok()) << group.error().message;
    EXPECT_EQ(group.value().name, "Sunsets");
    EXPECT_EQ(group.value().owner, "ada");

    auto dup = Await<Group>([&](auto cb) { ada->CreateGroup("sunsets", "", cb); });
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().code, "group_name_taken");

    api::NewPost with_image{"look at this", media.value().id, group.value().id};
    auto post = Await<Post>([&](auto cb) { ada->CreatePost(with_image, cb); });
    ASSERT_TRUE(post.ok()) << post.error().message;
    ASSERT_TRUE(post.value().media.has_value());
    EXPECT_EQ(post.value().media->id, media.value().id);
    EXPECT_EQ(post.value().media->width, 32);
    ASSERT_TRUE(post.value().group.has_value());
    EXPECT_EQ(post.value().group->name, "Sunsets");
    ASSERT_TRUE(Await<Post>([&](auto cb) { ada->CreatePost("not in a group", cb); }).ok());

    // With an image the text is optional; without one it is not.
    auto image_only = Await<Post>([&](auto cb) {
        ada->CreatePost(api::NewPost{"", media.value().id, ""}, cb);
    });
    ASSERT_TRUE(image_only.ok()) << image_only.error().message;
    EXPECT_EQ(image_only.value().text, "");
    auto blank = Await<Post>([&](auto cb) { ada->CreatePost(api::NewPost{"  ", "", ""}, cb); });
    EXPECT_EQ(blank.error().code, "invalid_text");

    api::PostQuery in_group;
    in_group.group = group.value().id;
    auto page = Await<PostPage>([&](auto cb) { ada->ListPosts(in_group, cb); });
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page.value().items.size(), 1u);
    EXPECT_EQ(page.value().items[0].text, "look at this");

    auto missing = Await<Post>([&](auto cb) {
        ada->CreatePost(api::NewPost{"x", std::string(64, 'a'), ""}, cb);
    });
    EXPECT_EQ(missing.error().code, "media_not_found");
    auto no_group = Await<Post>([&](auto cb) {
        ada->CreatePost(api::NewPost{"x", "", "9999"}, cb);
    });
    EXPECT_EQ(no_group.error().code, "group_not_found");

    // Groups: listed with counts; only the owner deletes, and only when empty.
    auto groups = Await<std::vector<Group>>([&](auto cb) { ada->ListGroups(cb); });
    ASSERT_TRUE(groups.ok());
    ASSERT_EQ(groups.value().size(), 1u);
    EXPECT_EQ(groups.value()[0].post_count, 1);
    ApiClient bob = SignupAndLogin(*server, "bob");
    EXPECT_EQ(
        Await<Unit>([&](auto cb) { bob.DeleteGroup(group.value().id, cb); }).error().http_status,
        404);
    EXPECT_EQ(Await<Unit>([&](auto cb) { ada->DeleteGroup(group.value().id, cb); }).error().code,
              "group_not_empty");
    ASSERT_TRUE(Await<Unit>([&](auto cb) { ada->DeletePost(post.value().id, cb); }).ok());
    EXPECT_TRUE(Await<Unit>([&](auto cb) { ada->DeleteGroup(group.value().id, cb); }).ok());
}

TEST(MediaGc, UnreferencedImagesAreCollectedReferencedOnesKept) {
    std::filesystem::path data = MakeTempDir("skyloom-gc");
    std::string kept_id, orphan_id;
    {
        ServerProcess server({}, data);
        ApiClient ada = SignupAndLogin(server, "ada");
        auto kept = Await<skyloom::Media>(
            [&](auto cb) { ada.UploadMedia(MakePng(9, 9, 1), "image/png", cb); });
        auto orphan = Await<skyloom::Media>(
            [&](auto cb) { ada.UploadMedia(MakePng(9, 9, 2), "image/png", cb); });
        ASSERT_TRUE(kept.ok() && orphan.ok());
        kept_id = kept.value().id;
        orphan_id = orphan.value().id;
        ASSERT_TRUE(Await<Post>([&](auto cb) {
                        ada.CreatePost(api::NewPost{"keep", kept_id, ""}, cb);
                    }).ok());
    }
    auto path = [&](const std::string& id) { return data / "media" / id.substr(0, 2) / id; };
    std::string gc =
        std::string(SKYLOOM_SERVER_BINARY) + " --data " + data.string() + " --gc >/dev/null";
    // Inside the grace period nothing is collected (a draft may still be posted).
    ASSERT_EQ(std::system(gc.c_str()), 0);
    EXPECT_TRUE(std::filesystem::exists(path(orphan_id)));
    // Age every upload past the one-day grace period, then collect.
    std::string age =
        "/usr/bin/python3 -c \"import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
        "c.execute('UPDATE media SET created_at = created_at - 2*86400*1000'); c.commit()\" " +
        (data / "skyloom.db").string();
    ASSERT_EQ(std::system(age.c_str()), 0);
    ASSERT_EQ(std::system(gc.c_str()), 0);
    EXPECT_TRUE(std::filesystem::exists(path(kept_id)));
    EXPECT_FALSE(std::filesystem::exists(path(orphan_id)));
    std::filesystem::remove_all(data);
}

}  // namespace
}  // namespace skyloom::testing

namespace skyloom::testing {
namespace {

// The server labels every upload with its own classifier (the converted nsfwjs model next to
// the build) and answers POST /ai/classify from what it stored; the client's word is not asked.
TEST_F(Media, UploadsAreLabelledByTheServer) {
    auto media = Await<skyloom::Media>(
        [&](auto cb) { ada->UploadMedia(MakePng(300, 200), "image/png", cb); });
    ASSERT_TRUE(media.ok()) << media.error().message;
    ASSERT_EQ(media.value().labels.size(), 5u) << "top-5 labels";
    double sum = 0;
    for (size_t i = 0; i < media.value().labels.size(); i++) {
        const MediaLabel& l = media.value().labels[i];
        EXPECT_TRUE(l.label == "Drawing" || l.label == "Hentai" || l.label == "Neutral" ||
                    l.label == "Porn" || l.label == "Sexy")
            << l.label;
        if (i > 0) {
            EXPECT_LE(l.probability, media.value().labels[i - 1].probability);
        }
        sum += l.probability;
    }
    EXPECT_NEAR(sum, 1.0, 1e-3);

    auto post = Await<Post>([&](auto cb) {
        ada->CreatePost(api::NewPost{"labelled", media.value().id, ""}, cb);
    });
    ASSERT_TRUE(post.ok());
    ASSERT_TRUE(post.value().media.has_value());
    ASSERT_EQ(post.value().media->labels.size(), 5u);
    EXPECT_EQ(post.value().media->labels[0].label, media.value().labels[0].label);
    EXPECT_EQ(post.value().sensitive, media.value().sensitive);

    auto classify = [&](const std::string& body) {
        HttpRequest request;
        request.method = "POST";
        request.path = "/api/v1/ai/classify";
        request.headers = {{"Content-Type", "application/json"}};
        request.body = body;
        std::optional<HttpResponse> answer;
        ada->SendAuthorized(request, [&](HttpResponse r) { answer = std::move(r); });
        return answer.value();
    };
    HttpResponse ok = classify(R"({"media_id":")" + media.value().id + R"("})");
    ASSERT_EQ(ok.status, 200) << ok.body;
    auto parsed = ParseJsonText(ok.body);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(ParseLabels(parsed.value()["labels"]).size(), 5u);
    EXPECT_EQ(parsed.value()["labels"][0]["label"], media.value().labels[0].label);
    EXPECT_EQ(classify(R"({"media_id":")" + std::string(64, 'b') + R"("})").status, 404);
    EXPECT_EQ(classify(R"({"media_id":"../../etc/passwd"})").status, 404);
    EXPECT_EQ(classify(R"({"media_id":42})").status, 400);  // wrong type
    EXPECT_EQ(classify(R"({"nope":1})").status, 400);       // missing field, as every route
    EXPECT_EQ(classify("{not json").status, 400);

    // Both labellings (the upload's and the classify call's) are in ada's inference log.
    HttpRequest history;
    history.method = "GET";
    history.path = "/api/v1/ai/history";
    std::optional<HttpResponse> log;
    ada->SendAuthorized(history, [&](HttpResponse r) { log = std::move(r); });
    ASSERT_EQ(log->status, 200) << log->body;
    Json items = Json::parse(log->body)["items"];
    int classified = 0;
    for (const Json& item : items) {
        if (item["kind"] != "classify") continue;
        classified++;
        EXPECT_NE(item["input"].get<std::string>().find(media.value().id), std::string::npos);
        EXPECT_EQ(item["output"].get<std::string>().rfind(media.value().labels[0].label, 0), 0u)
            << item["output"];
        EXPECT_EQ(item["provider"], "skyloom-ml");
    }
    EXPECT_EQ(classified, 2) << log->body;
}

}  // namespace
}  // namespace skyloom::testing
