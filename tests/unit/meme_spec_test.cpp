// The meme spec (src/core/meme/meme_spec.h): JSON round trip, defaults, and every validation
// rule the server relies on for 422s.
#include "meme/meme_spec.h"

#include <gtest/gtest.h>

#include "model/models.h"

namespace skyloom {
namespace {

const std::string kMediaId(64, 'a');

Json ValidBox() {
    return Json{{"text", "top text"}, {"x", 0.05}, {"y", 0.0}, {"w", 0.9}, {"h", 0.2}};
}

Json ValidMeme() {
    return Json{{"background", {{"media_id", kMediaId}}}, {"boxes", Json::array({ValidBox()})}};
}

// The error of parsing `meme` (which must fail) as "code: message".
std::string Failure(const Json& meme) {
    Result<MemeSpec> parsed = ParseMemeSpec(meme);
    if (parsed) return "parsed";
    EXPECT_EQ(parsed.error().http_status, 422);
    return parsed.error().code + ": " + parsed.error().message;
}

TEST(MemeSpec, RoundTripsEveryField) {
    MemeSpec meme;
    meme.background.template_id = "17";
    MemeBox box;
    box.text = "ÇA VA \xf0\x9f\x98\x80\nline two";
    box.x = 0.125;
    box.y = 0.5;
    box.w = 0.75;
    box.h = 0.5;
    box.font = MemeFont::kDejaVu;
    box.fill = 0x12ABEF;
    box.outline = 0xFF0000;
    box.align = MemeAlign::kRight;
    box.all_caps = false;
    meme.boxes = {box, MemeBox{}};
    Json json = Json::parse(DumpJson(ToJson(meme)));
    EXPECT_EQ(json["background"], Json({{"template_id", "17"}}));
    EXPECT_EQ(json["boxes"][0]["fill"], "#12ABEF");
    EXPECT_EQ(json["boxes"][0]["font"], "dejavu");
    EXPECT_EQ(json["boxes"][0]["align"], "right");

    Result<MemeSpec> parsed = ParseMemeSpec(json);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed.value().background.template_id, "17");
    EXPECT_TRUE(parsed.value().background.media_id.empty());
    ASSERT_EQ(parsed.value().boxes.size(), 2u);
    const MemeBox& back = parsed.value().boxes[0];
    EXPECT_EQ(back.text, box.text);
    EXPECT_DOUBLE_EQ(back.x, 0.125);
    EXPECT_DOUBLE_EQ(back.h, 0.5);
    EXPECT_EQ(back.font, MemeFont::kDejaVu);
    EXPECT_EQ(back.fill, 0x12ABEFu);
    EXPECT_EQ(back.outline, 0xFF0000u);
    EXPECT_EQ(back.align, MemeAlign::kRight);
    EXPECT_FALSE(back.all_caps);
    EXPECT_EQ(ToJson(parsed.value()), json);  // stable: a second trip changes nothing
}

TEST(MemeSpec, OptionalBoxFieldsTakeTheClassicLook) {
    Result<MemeSpec> parsed = ParseMemeSpec(ValidMeme());
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed.value().background.media_id, kMediaId);
    const MemeBox& box = parsed.value().boxes.at(0);
    EXPECT_EQ(box.font, MemeFont::kBebas);
    EXPECT_EQ(box.fill, 0xFFFFFFu);
    EXPECT_EQ(box.outline, 0x000000u);
    EXPECT_EQ(box.align, MemeAlign::kCenter);
    EXPECT_TRUE(box.all_caps);
}

TEST(MemeSpec, AcceptsLowercaseColoursIntegersAndEdges) {
    Json meme = ValidMeme();
    meme["boxes"][0] = {
        {"text", ""},          {"x", 0}, {"y", 0}, {"w", 1}, {"h", 1}, {"fill", "#a0b1c2"},
        {"outline", "#FFFFFF"}};
    Result<MemeSpec> parsed = ParseMemeSpec(meme);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed.value().boxes[0].fill, 0xA0B1C2u);
    meme["boxes"] = Json::array();  // no boxes is a plain picture with a known background
    EXPECT_TRUE(ParseMemeSpec(meme).ok());
}

TEST(MemeSpec, DefaultBoxesAreTopAndBottom) {
    std::vector<MemeBox> boxes = DefaultMemeBoxes();
    ASSERT_EQ(boxes.size(), 2u);
    EXPECT_LT(boxes[0].y, 0.1);
    EXPECT_GT(boxes[1].y + boxes[1].h, 0.9);
    EXPECT_LE(boxes[1].y + boxes[1].h, 1.0);
    EXPECT_TRUE(
        ParseMemeBoxes(Json::parse(DumpJson(Json{ToJson(boxes[0]), ToJson(boxes[1])}))).ok());
}

TEST(MemeSpec, RejectsBadBackgrounds) {
    Json meme = ValidMeme();
    meme.erase("background");
    EXPECT_EQ(Failure(meme), "invalid_meme: `meme.background` is missing");
    meme["background"] = Json::object();
    EXPECT_NE(Failure(meme).find("meme.background"), std::string::npos);
    meme["background"] = {{"media_id", kMediaId}, {"template_id", "1"}};  // both
    EXPECT_NE(Failure(meme).find("meme.background"), std::string::npos);
    meme["background"] = {{"media_id", "not-a-hash"}};
    EXPECT_NE(Failure(meme).find("meme.background.media_id"), std::string::npos);
    meme["background"] = {{"media_id", std::string(64, 'A')}};  // ids are lowercase hex
    EXPECT_NE(Failure(meme).find("meme.background.media_id"), std::string::npos);
    meme["background"] = {{"template_id", 7}};
    EXPECT_NE(Failure(meme).find("meme.background.template_id"), std::string::npos);
    meme["background"] = {{"template_id", "07"}};
    EXPECT_NE(Failure(meme).find("meme.background.template_id"), std::string::npos);
    meme["background"] = {{"url", "http://x"}};
    EXPECT_NE(Failure(meme).find("meme.background"), std::string::npos);
}

TEST(MemeSpec, RejectsBadBoxesNamingTheField) {
    struct Case {
        const char* key;
        Json value;
        const char* field;
    };
    const std::vector<Case> cases = {
        {"text", 5, "meme.boxes[0].text"},
        {"text", std::string(501, 'x'), "meme.boxes[0].text"},
        {"text", "\xff\xfe", "meme.boxes[0].text"},
        {"x", "0.1", "meme.boxes[0].x"},
        {"x", -0.01, "meme.boxes[0].x"},
        {"y", 1.5, "meme.boxes[0].y"},
        {"w", 0, "meme.boxes[0].w"},
        {"h", nullptr, "meme.boxes[0].h"},
        {"w", 0.96, "meme.boxes[0]"},  // x 0.05 + w 0.96 leaves the image
        {"font", "impact", "meme.boxes[0].font"},
        {"font", true, "meme.boxes[0].font"},
        {"fill", "#FFF", "meme.boxes[0].fill"},
        {"fill", "white", "meme.boxes[0].fill"},
        {"outline", "#GG0000", "meme.boxes[0].outline"},
        {"align", "justify", "meme.boxes[0].align"},
        {"all_caps", "yes", "meme.boxes[0].all_caps"},
        {"rotation", 45, "meme.boxes[0].rotation"},
    };
    for (const Case& c : cases) {
        Json meme = ValidMeme();
        meme["boxes"][0][c.key] = c.value;
        std::string failure = Failure(meme);
        EXPECT_EQ(failure.rfind("invalid_meme: `" + std::string(c.field) + "`", 0), 0u)
            << c.key << " = " << c.value.dump() << " -> " << failure;
    }
    Json missing = ValidMeme();
    missing["boxes"][0].erase("y");
    EXPECT_EQ(Failure(missing), "invalid_meme: `meme.boxes[0].y` is missing");
}

TEST(MemeSpec, CountsCharactersNotBytesAndCapsBoxes) {
    Json meme = ValidMeme();
    std::string emoji;
    for (int i = 0; i < 500; ++i) emoji += "\xf0\x9f\x98\x80";  // 500 characters, 2000 bytes
    meme["boxes"][0]["text"] = emoji;
    EXPECT_TRUE(ParseMemeSpec(meme).ok());
    meme["boxes"] = Json::array();
    for (size_t i = 0; i < kMaxMemeBoxes; ++i) meme["boxes"].push_back(ValidBox());
    EXPECT_TRUE(ParseMemeSpec(meme).ok());
    meme["boxes"].push_back(ValidBox());
    EXPECT_EQ(Failure(meme), "invalid_meme: `meme.boxes` may hold at most 8 boxes");
    meme["boxes"] = ValidBox();
    EXPECT_NE(Failure(meme).find("meme.boxes"), std::string::npos);
    EXPECT_NE(Failure(Json::array()).find("`meme`"), std::string::npos);
    Json extra = ValidMeme();
    extra["font"] = "bebas";
    EXPECT_NE(Failure(extra).find("meme.font"), std::string::npos);
}

TEST(MemeSpec, PostsCarryTheMemeAndToleratePartsTheyCannotRead) {
    Post post;
    post.id = "9";
    post.author.username = "ada";
    post.text = "";
    Result<MemeSpec> meme = ParseMemeSpec(ValidMeme());
    ASSERT_TRUE(meme.ok());
    post.meme = meme.value();
    Json json = ToJson(post);
    Result<Post> parsed = ParsePost(json);
    ASSERT_TRUE(parsed.ok());
    ASSERT_TRUE(parsed.value().meme.has_value());
    EXPECT_EQ(parsed.value().meme->boxes.at(0).text, "top text");
    // A newer server's meme fields make the post a plain post, not a broken feed page.
    json["meme"]["boxes"][0]["wobble"] = true;
    Result<Post> tolerant = ParsePost(json);
    ASSERT_TRUE(tolerant.ok());
    EXPECT_FALSE(tolerant.value().meme.has_value());
    EXPECT_FALSE(ToJson(Post{}).contains("meme"));
}

}  // namespace
}  // namespace skyloom
