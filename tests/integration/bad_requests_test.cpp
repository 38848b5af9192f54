// A table of bad requests: each must get its exact 4xx status and error code in the JSON error
// shape, never a 5xx, and the server must keep running with nothing lost.
#include <gtest/gtest.h>

#include "api/requests.h"
#include "client_helpers.h"

namespace skyloom::testing {
namespace {

enum class Auth { kNone, kUser, kGarbage, kBasic, kAlgNone };

struct BadRequest {
    const char* name;
    std::string method;
    std::string path;
    std::string body;
    Auth auth;
    int status;
    std::string code;
};

std::string Big(size_t bytes) {
    return std::string(bytes, 'x');
}

class BadRequests : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server = new ServerProcess();
        ada = new ApiClient(SignupAndLogin(*server, "ada"));
        ApiClient bob = SignupAndLogin(*server, "bob");
        auto post = Await<Post>([&](auto cb) { bob.CreatePost("bob's post", cb); });
        bob_post = post.value().id;
        auto own = Await<Post>([&](auto cb) { ada->CreatePost("ada's post", cb); });
        ada_post = own.value().id;
    }
    static void TearDownTestSuite() {
        delete ada;
        delete server;
    }
    static ServerProcess* server;
    static ApiClient* ada;
    static std::string bob_post;
    static std::string ada_post;
};

ServerProcess* BadRequests::server = nullptr;
ApiClient* BadRequests::ada = nullptr;
std::string BadRequests::bob_post;
std::string BadRequests::ada_post;

TEST_F(BadRequests, EachGetsItsStatusAndCode) {
    const std::string p = "/api/v1";
    const std::string good_pw = R"("password":"correct horse battery")";
    const std::string post_path = p + "/posts/" + bob_post;
    std::vector<BadRequest> table = {
        {"signup unterminated json", "POST", p + "/auth/signup", "{", Auth::kNone, 400,
         "malformed_json"},
        {"signup empty body", "POST", p + "/auth/signup", "", Auth::kNone, 400, "malformed_json"},
        {"signup array body", "POST", p + "/auth/signup", "[]", Auth::kNone, 400, "malformed_json"},
        {"signup null body", "POST", p + "/auth/signup", "null", Auth::kNone, 400,
         "malformed_json"},
        {"signup string body", "POST", p + "/auth/signup", R"("ada")", Auth::kNone, 400,
         "malformed_json"},
        {"signup trailing garbage", "POST", p + "/auth/signup", R"({"username":"x"} x)",
         Auth::kNone, 400, "malformed_json"},
        {"signup username number", "POST", p + "/auth/signup",
         R"({"username":1,"email":"a@b.co",)" + good_pw + "}", Auth::kNone, 400, "wrong_type"},
        {"signup email object", "POST", p + "/auth/signup",
         R"({"username":"zed","email":{},)" + good_pw + "}", Auth::kNone, 400, "wrong_type"},
        {"signup missing password", "POST", p + "/auth/signup",
         R"({"username":"zed","email":"z@b.co"})", Auth::kNone, 400, "missing_field"},
        {"signup null password", "POST", p + "/auth/signup",
         R"({"username":"zed","email":"z@b.co","password":null})", Auth::kNone, 400,
         "missing_field"},
        {"signup extra field", "POST", p + "/auth/signup",
         R"({"username":"zed","email":"z@b.co","admin":true,)" + good_pw + "}", Auth::kNone, 400,
         "unknown_field"},
        {"signup short username", "POST", p + "/auth/signup",
         R"({"username":"ab","email":"z@b.co",)" + good_pw + "}", Auth::kNone, 422,
         "invalid_username"},
        {"signup username with space", "POST", p + "/auth/signup",
         R"({"username":"a b c","email":"z@b.co",)" + good_pw + "}", Auth::kNone, 422,
         "invalid_username"},
        {"signup bad email", "POST", p + "/auth/signup",
         R"({"username":"zed","email":"not-an-email",)" + good_pw + "}", Auth::kNone, 422,
         "invalid_email"},
        {"signup short password", "POST", p + "/auth/signup",
         R"({"username":"zed","email":"z@b.co","password":"short"})", Auth::kNone, 422,
         "weak_password"},
        {"signup password is username", "POST", p + "/auth/signup",
         R"({"username":"zebrazebra","email":"z@b.co","password":"ZebraZebra"})", Auth::kNone, 422,
         "weak_password"},
        {"signup username taken", "POST", p + "/auth/signup",
         R"({"username":"ADA","email":"new@b.co",)" + good_pw + "}", Auth::kNone, 409,
         "username_taken"},
        {"signup email taken", "POST", p + "/auth/signup",
         R"({"username":"ada2","email":"Ada@Example.org",)" + good_pw + "}", Auth::kNone, 409,
         "email_taken"},
        {"signup 1 MB string", "POST", p + "/auth/signup",
         R"({"username":")" + Big(1 << 20) + R"("})", Auth::kNone, 413, "payload_too_large"},
        {"signup invalid utf-8", "POST", p + "/auth/signup",
         "{\"username\":\"\xff\xfe\",\"email\":\"z@b.co\"," + good_pw + "}", Auth::kNone, 400,
         "invalid_utf8"},
        {"signup 20 KB field", "POST", p + "/auth/signup",
         R"({"username":")" + Big(20000) + R"(","email":"z@b.co",)" + good_pw + "}", Auth::kNone,
         422, "field_too_long"},
        {"verify malformed code", "POST", p + "/auth/verify", R"({"username":"ada","code":"abc"})",
         Auth::kNone, 400, "invalid_code"},
        {"verify unknown user", "POST", p + "/auth/verify",
         R"({"username":"ghost","code":"123456"})", Auth::kNone, 400, "invalid_code"},
        {"verify already verified", "POST", p + "/auth/verify",
         R"({"username":"ada","code":"123456"})", Auth::kNone, 409, "already_verified"},
        {"verify numeric code", "POST", p + "/auth/verify", R"({"username":"ada","code":123456})",
         Auth::kNone, 400, "wrong_type"},
        {"resend missing username", "POST", p + "/auth/resend", "{}", Auth::kNone, 400,
         "missing_field"},
        {"login wrong password", "POST", p + "/auth/login",
         R"({"username":"ada","password":"not the password"})", Auth::kNone, 401,
         "invalid_credentials"},
        {"login unknown user", "POST", p + "/auth/login",
         R"({"username":"ghost","password":"whatever it is"})", Auth::kNone, 401,
         "invalid_credentials"},
        {"login password array", "POST", p + "/auth/login",
         R"({"username":"ada","password":["x"]})", Auth::kNone, 400, "wrong_type"},
        {"login body array", "POST", p + "/auth/login", R"([{"username":"ada"}])", Auth::kNone, 400,
         "malformed_json"},
        {"refresh bogus token", "POST", p + "/auth/refresh", R"({"refresh_token":"bogus"})",
         Auth::kNone, 401, "invalid_refresh_token"},
        {"refresh empty token", "POST", p + "/auth/refresh", R"({"refresh_token":""})", Auth::kNone,
         401, "invalid_refresh_token"},
        {"refresh huge token", "POST", p + "/auth/refresh",
         R"({"refresh_token":")" + Big(1000) + R"("})", Auth::kNone, 401, "invalid_refresh_token"},
        {"logout missing token", "POST", p + "/auth/logout", "{}", Auth::kNone, 400,
         "missing_field"},
        {"forgot bad email", "POST", p + "/auth/forgot", R"({"email":"nope"})", Auth::kNone, 422,
         "invalid_email"},
        {"reset wrong code", "POST", p + "/auth/reset",
         R"({"email":"ada@example.org","code":"000000","new_password":"a fine new passphrase"})",
         Auth::kNone, 400, "invalid_code"},
        {"reset weak password", "POST", p + "/auth/reset",
         R"({"email":"ada@example.org","code":"000000","new_password":"weak"})", Auth::kNone, 422,
         "weak_password"},
        {"me without token", "GET", p + "/me", "", Auth::kNone, 401, "unauthorized"},
        {"me garbage token", "GET", p + "/me", "", Auth::kGarbage, 401, "invalid_token"},
        {"me basic auth", "GET", p + "/me", "", Auth::kBasic, 401, "invalid_token"},
        {"me alg none token", "GET", p + "/me", "", Auth::kAlgNone, 401, "invalid_token"},
        {"delete me without token", "DELETE", p + "/me", "", Auth::kNone, 401, "unauthorized"},
        {"post without token", "POST", p + "/posts", R"({"text":"hi"})", Auth::kNone, 401,
         "unauthorized"},
        {"post empty text", "POST", p + "/posts", R"({"text":""})", Auth::kUser, 422,
         "invalid_text"},
        {"post whitespace text", "POST", p + "/posts", R"({"text":"  \n\t "})", Auth::kUser, 422,
         "invalid_text"},
        {"post 2001 chars", "POST", p + "/posts", R"({"text":")" + Big(2001) + R"("})", Auth::kUser,
         422, "invalid_text"},
        {"post text number", "POST", p + "/posts", R"({"text":42})", Auth::kUser, 400,
         "wrong_type"},
        {"post unknown field", "POST", p + "/posts", R"({"text":"hi","author_id":"1"})",
         Auth::kUser, 400, "unknown_field"},
        {"post malformed json", "POST", p + "/posts", R"({"text":)", Auth::kUser, 400,
         "malformed_json"},
        {"post 1 MB body", "POST", p + "/posts", R"({"text":")" + Big(1 << 20) + R"("})",
         Auth::kUser, 413, "payload_too_large"},
        {"feed limit zero", "GET", p + "/posts?limit=0", "", Auth::kNone, 400, "invalid_limit"},
        {"feed limit 101", "GET", p + "/posts?limit=101", "", Auth::kNone, 400, "invalid_limit"},
        {"feed limit text", "GET", p + "/posts?limit=abc", "", Auth::kNone, 400, "invalid_limit"},
        {"feed limit negative", "GET", p + "/posts?limit=-5", "", Auth::kNone, 400,
         "invalid_limit"},
        {"feed forged cursor", "GET", p + "/posts?cursor=garbage", "", Auth::kNone, 400,
         "invalid_cursor"},
        {"feed unknown parameter", "GET", p + "/posts?sort=oldest", "", Auth::kNone, 400,
         "unknown_parameter"},
        {"get post non-numeric id", "GET", p + "/posts/abc", "", Auth::kNone, 404, "not_found"},
        {"get post missing id", "GET", p + "/posts/999999", "", Auth::kNone, 404, "not_found"},
        {"get post negative id", "GET", p + "/posts/-1", "", Auth::kNone, 404, "not_found"},
        {"get post huge id", "GET", p + "/posts/99999999999999999999999", "", Auth::kNone, 404,
         "not_found"},
        {"delete other's post", "DELETE", post_path, "", Auth::kUser, 404, "not_found"},
        {"patch other's post", "PATCH", post_path, R"({"text":"pwned"})", Auth::kUser, 404,
         "not_found"},
        {"delete post without token", "DELETE", post_path, "", Auth::kNone, 401, "unauthorized"},
        {"patch own post bad json", "PATCH", p + "/posts/" + ada_post, "{{", Auth::kUser, 400,
         "malformed_json"},
        {"put on posts", "PUT", p + "/posts", "", Auth::kNone, 405, "method_not_allowed"},
        {"get on login", "GET", p + "/auth/login", "", Auth::kNone, 405, "method_not_allowed"},
        {"delete on signup", "DELETE", p + "/auth/signup", "", Auth::kNone, 405,
         "method_not_allowed"},
        {"post on a post", "POST", post_path, "{}", Auth::kUser, 405, "method_not_allowed"},
        {"autofill without token", "POST", p + "/ai/autofill", R"({"text":"hi"})", Auth::kNone, 401,
         "unauthorized"},
        {"autofill malformed json", "POST", p + "/ai/autofill", R"({"text":"hi")", Auth::kUser, 400,
         "malformed_json"},
        {"autofill text number", "POST", p + "/ai/autofill", R"({"text":42})", Auth::kUser, 400,
         "wrong_type"},
        {"autofill missing text", "POST", p + "/ai/autofill", R"({"max_tokens":5})", Auth::kUser,
         400, "missing_field"},
        {"autofill max_tokens string", "POST", p + "/ai/autofill",
         R"({"text":"hi","max_tokens":"5"})", Auth::kUser, 400, "wrong_type"},
        {"autofill max_tokens fraction", "POST", p + "/ai/autofill",
         R"({"text":"hi","max_tokens":1.5})", Auth::kUser, 400, "wrong_type"},
        {"autofill max_tokens bool", "POST", p + "/ai/autofill",
         R"({"text":"hi","max_tokens":true})", Auth::kUser, 400, "wrong_type"},
        {"autofill max_tokens zero", "POST", p + "/ai/autofill", R"({"text":"hi","max_tokens":0})",
         Auth::kUser, 422, "invalid_max_tokens"},
        {"autofill max_tokens 201", "POST", p + "/ai/autofill", R"({"text":"hi","max_tokens":201})",
         Auth::kUser, 422, "invalid_max_tokens"},
        {"autofill max_tokens huge", "POST", p + "/ai/autofill",
         R"({"text":"hi","max_tokens":99999999999999999999})", Auth::kUser, 400, "wrong_type"},
        {"autofill negative seed", "POST", p + "/ai/autofill", R"({"text":"hi","seed":-1})",
         Auth::kUser, 422, "invalid_seed"},
        {"autofill 2001 chars", "POST", p + "/ai/autofill", R"({"text":")" + Big(2001) + R"("})",
         Auth::kUser, 422, "text_too_long"},
        {"autofill unknown field", "POST", p + "/ai/autofill", R"({"text":"hi","model":"gpt"})",
         Auth::kUser, 400, "unknown_field"},
        {"autofill 1 MB body", "POST", p + "/ai/autofill", R"({"text":")" + Big(1 << 20) + R"("})",
         Auth::kUser, 413, "payload_too_large"},
        {"chat without token", "POST", p + "/ai/chat", R"({"message":"hi"})", Auth::kNone, 401,
         "unauthorized"},
        {"chat empty message", "POST", p + "/ai/chat", R"({"message":"  "})", Auth::kUser, 422,
         "invalid_message"},
        {"chat message array", "POST", p + "/ai/chat", R"({"message":["hi"]})", Auth::kUser, 400,
         "wrong_type"},
        {"chat missing message", "POST", p + "/ai/chat", "{}", Auth::kUser, 400, "missing_field"},
        {"chat 2001 chars", "POST", p + "/ai/chat", R"({"message":")" + Big(2001) + R"("})",
         Auth::kUser, 422, "invalid_message"},
        {"chat user id field", "POST", p + "/ai/chat", R"({"message":"hi","user_id":"1"})",
         Auth::kUser, 400, "unknown_field"},
        {"chat history without token", "GET", p + "/ai/chat", "", Auth::kNone, 401, "unauthorized"},
        {"chat history user param", "GET", p + "/ai/chat?user=1", "", Auth::kUser, 400,
         "unknown_parameter"},
        {"ai history limit zero", "GET", p + "/ai/history?limit=0", "", Auth::kUser, 400,
         "invalid_limit"},
        {"ai history bad cursor", "GET", p + "/ai/history?cursor=abc", "", Auth::kUser, 400,
         "invalid_cursor"},
        {"ai history delete without token", "DELETE", p + "/ai/history", "", Auth::kNone, 401,
         "unauthorized"},
        {"ai history delete bad id", "DELETE", p + "/ai/history/abc", "", Auth::kUser, 404,
         "not_found"},
        {"ai history delete missing id", "DELETE", p + "/ai/history/999999", "", Auth::kUser, 404,
         "not_found"},
        {"get on autofill", "GET", p + "/ai/autofill", "", Auth::kUser, 405, "method_not_allowed"},
        {"put on chat", "PUT", p + "/ai/chat", "{}", Auth::kUser, 405, "method_not_allowed"},
        {"unknown api route", "GET", p + "/nothing-here", "", Auth::kNone, 404, "not_found"},
        {"unknown api version", "GET", "/api/v2/posts", "", Auth::kNone, 404, "not_found"},
        {"path traversal", "GET", "/../../etc/passwd", "", Auth::kNone, 404, "not_found"},
    };
    // Social endpoints (issue 5): profiles, subscriptions, the following feed, memes on posts,
    // templates, notifications, settings.
    const std::string media64(64, 'a');
    const std::string box = R"({"text":"hi","x":0,"y":0,"w":1,"h":0.2})";
    auto meme_post = [&](const std::string& boxes) {
        return R"({"text":"x","media_id":")" + media64 + R"(","meme":{"background":{"media_id":")" +
               media64 + R"("},"boxes":[)" + boxes + "]}}";
    };
    std::string nine_boxes = box;
    for (int i = 0; i < 8; ++i) nine_boxes += "," + box;
    std::string many_ids = "[";
    for (int i = 0; i < 501; ++i)
        many_ids += std::string(i ? "," : "") + "\"" + std::to_string(i + 1) + "\"";
    many_ids += "]";
    std::vector<BadRequest> social = {
        {"profile unknown user", "GET", p + "/users/nobody", "", Auth::kNone, 404, "not_found"},
        {"profile garbage token", "GET", p + "/users/ada", "", Auth::kGarbage, 401,
         "invalid_token"},
        {"post on profile", "POST", p + "/users/ada", "{}", Auth::kUser, 405, "method_not_allowed"},
        {"subscribe without token", "PUT", p + "/users/bob/subscription", "", Auth::kNone, 401,
         "unauthorized"},
        {"subscribe to self", "PUT", p + "/users/ADA/subscription", "", Auth::kUser, 422,
         "cannot_subscribe_to_self"},
        {"subscribe to unknown", "PUT", p + "/users/nobody/subscription", "", Auth::kUser, 404,
         "not_found"},
        {"unsubscribe unknown", "DELETE", p + "/users/nobody/subscription", "", Auth::kUser, 404,
         "not_found"},
        {"post on subscription", "POST", p + "/users/bob/subscription", "", Auth::kUser, 405,
         "method_not_allowed"},
        {"following without token", "GET", p + "/posts?following=1", "", Auth::kNone, 401,
         "unauthorized"},
        {"following not 1", "GET", p + "/posts?following=yes", "", Auth::kUser, 400,
         "invalid_following"},
        {"meme not an object", "POST", p + "/posts", R"({"text":"x","meme":"big"})", Auth::kUser,
         400, "wrong_type"},
        {"alt text not a string", "POST", p + "/posts", R"({"text":"x","alt_text":7})", Auth::kUser,
         400, "wrong_type"},
        {"alt text without an image", "POST", p + "/posts", R"({"text":"x","alt_text":"a cat"})",
         Auth::kUser, 422, "alt_text_needs_image"},
        {"alt text 1001 chars", "POST", p + "/posts",
         R"({"text":"x","alt_text":")" + std::string(1001, 'a') + R"("})", Auth::kUser, 422,
         "invalid_alt_text"},
        {"meme box off the image", "POST", p + "/posts",
         meme_post(R"({"text":"hi","x":0.5,"y":0,"w":0.6,"h":0.2})"), Auth::kUser, 422,
         "invalid_meme"},
        {"meme nine boxes", "POST", p + "/posts", meme_post(nine_boxes), Auth::kUser, 422,
         "invalid_meme"},
        {"meme 501 chars", "POST", p + "/posts",
         meme_post(R"({"text":")" + std::string(501, 'x') + R"(","x":0,"y":0,"w":1,"h":0.2})"),
         Auth::kUser, 422, "invalid_meme"},
        {"meme bad colour", "POST", p + "/posts",
         meme_post(R"({"text":"hi","x":0,"y":0,"w":1,"h":0.2,"fill":"red"})"), Auth::kUser, 422,
         "invalid_meme"},
        {"meme bad font", "POST", p + "/posts",
         meme_post(R"({"text":"hi","x":0,"y":0,"w":1,"h":0.2,"font":"comic"})"), Auth::kUser, 422,
         "invalid_meme"},
        {"meme no background", "POST", p + "/posts", R"({"text":"x","meme":{"boxes":[]}})",
         Auth::kUser, 422, "invalid_meme"},
        {"meme without its image", "POST", p + "/posts",
         R"({"text":"x","meme":{"background":{"template_id":"1"},"boxes":[]}})", Auth::kUser, 422,
         "meme_needs_image"},
        {"templates limit 0", "GET", p + "/templates?limit=0", "", Auth::kNone, 400,
         "invalid_limit"},
        {"templates limit 101", "GET", p + "/templates?limit=101", "", Auth::kNone, 400,
         "invalid_limit"},
        {"templates unknown param", "GET", p + "/templates?sort=new", "", Auth::kNone, 400,
         "unknown_parameter"},
        {"templates bad cursor", "GET", p + "/templates?cursor=zzz", "", Auth::kNone, 400,
         "invalid_cursor"},
        {"templates long search", "GET", p + "/templates?q=" + std::string(81, 'q'), "",
         Auth::kNone, 400, "invalid_search"},
        {"template without token", "POST", p + "/templates",
         R"({"name":"x","media_id":")" + media64 + R"("})", Auth::kNone, 401, "unauthorized"},
        {"template missing name", "POST", p + "/templates", R"({"media_id":")" + media64 + R"("})",
         Auth::kUser, 400, "missing_field"},
        {"template boxes object", "POST", p + "/templates",
         R"({"name":"x","media_id":")" + media64 + R"(","boxes":{}})", Auth::kUser, 400,
         "wrong_type"},
        {"template bad box", "POST", p + "/templates",
         R"({"name":"x","media_id":")" + media64 + R"(","boxes":[{"text":1}]})", Auth::kUser, 422,
         "invalid_meme"},
        {"template blank name", "POST", p + "/templates",
         R"({"name":"   ","media_id":")" + media64 + R"("})", Auth::kUser, 422,
         "invalid_template_name"},
        {"template unknown image", "POST", p + "/templates",
         R"({"name":"x","media_id":")" + media64 + R"("})", Auth::kUser, 422, "media_not_found"},
        {"delete on templates", "DELETE", p + "/templates", "", Auth::kUser, 405,
         "method_not_allowed"},
        {"notifications without token", "GET", p + "/notifications", "", Auth::kNone, 401,
         "unauthorized"},
        {"notifications limit 101", "GET", p + "/notifications?limit=101", "", Auth::kUser, 400,
         "invalid_limit"},
        {"notifications bad cursor", "GET", p + "/notifications?cursor=zzz", "", Auth::kUser, 400,
         "invalid_cursor"},
        {"notifications post cursor", "GET", p + "/notifications?cursor=cDE", "", Auth::kUser, 400,
         "invalid_cursor"},
        {"read without token", "POST", p + "/notifications/read", R"({"all":true})", Auth::kNone,
         401, "unauthorized"},
        {"read neither", "POST", p + "/notifications/read", "{}", Auth::kUser, 400, "ids_or_all"},
        {"read both", "POST", p + "/notifications/read", R"({"ids":[],"all":true})", Auth::kUser,
         400, "ids_or_all"},
        {"read all false", "POST", p + "/notifications/read", R"({"all":false})", Auth::kUser, 400,
         "ids_or_all"},
        {"read numeric ids", "POST", p + "/notifications/read", R"({"ids":[1]})", Auth::kUser, 400,
         "wrong_type"},
        {"read ids string", "POST", p + "/notifications/read", R"({"ids":"1"})", Auth::kUser, 400,
         "wrong_type"},
        {"read 501 ids", "POST", p + "/notifications/read", R"({"ids":)" + many_ids + "}",
         Auth::kUser, 422, "too_many_ids"},
        {"get on read", "GET", p + "/notifications/read", "", Auth::kUser, 405,
         "method_not_allowed"},
        {"settings without token", "GET", p + "/me/settings", "", Auth::kNone, 401, "unauthorized"},
        {"settings wrong type", "PATCH", p + "/me/settings", R"({"email_notifications":"no"})",
         Auth::kUser, 400, "wrong_type"},
        {"settings missing field", "PATCH", p + "/me/settings", "{}", Auth::kUser, 400,
         "missing_field"},
        {"settings unknown field", "PATCH", p + "/me/settings",
         R"({"email_notifications":true,"theme":"dark"})", Auth::kUser, 400, "unknown_field"},
        {"put on settings", "PUT", p + "/me/settings", "{}", Auth::kUser, 405,
         "method_not_allowed"},
        {"settings blur wrong type", "PATCH", p + "/me/settings", R"({"blur_sensitive":1})",
         Auth::kUser, 400, "wrong_type"},
        {"settings blur null", "PATCH", p + "/me/settings", R"({"blur_sensitive":null})",
         Auth::kUser, 400, "missing_field"},
        {"settings not an object", "PATCH", p + "/me/settings", "[true]", Auth::kUser, 400,
         "malformed_json"},
    };
    table.insert(table.end(), social.begin(), social.end());
    ASSERT_GE(table.size(), 50u);

    std::string alg_none =
        "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0."
        "eyJzdWIiOiIxIiwiZXhwIjo5OTk5OTk5OTk5LCJ0eXAiOiJhY2Nlc3MifQ.";
    for (const BadRequest& row : table) {
        HttpRequest request;
        request.method = row.method;
        request.path = row.path;
        request.body = row.body;
        if (!row.body.empty()) request.headers.emplace_back("Content-Type", "application/json");
        switch (row.auth) {
            case Auth::kNone:
                break;
            case Auth::kUser:
                api::Authorize(request, ada->access_token());
                break;
            case Auth::kGarbage:
                api::Authorize(request, "garbage.token.here");
                break;
            case Auth::kBasic:
                request.headers.emplace_back("Authorization", "Basic YWRhOnB3");
                break;
            case Auth::kAlgNone:
                api::Authorize(request, alg_none);
                break;
        }
        HttpResponse response = CurlPerform(server->base_url(), request);
        EXPECT_EQ(response.status, row.status) << row.name << ": " << response.body.substr(0, 300);
        Json body = Json::parse(response.body, nullptr, false);
        ASSERT_TRUE(body.is_object() && body.contains("error"))
            << row.name << ": not the error shape: " << response.body.substr(0, 300);
        EXPECT_EQ(body["error"].value("code", ""), row.code) << row.name;
        EXPECT_FALSE(body["error"].value("message", "").empty()) << row.name;
    }

    // Nothing was lost or changed, and the server still serves.
    ASSERT_TRUE(server->running());
    auto own = Await<Post>([&](auto cb) { ada->GetPost(ada_post, cb); });
    ASSERT_TRUE(own.ok());
    EXPECT_EQ(own.value().text, "ada's post");
    auto bobs = Await<Post>([&](auto cb) { ada->GetPost(bob_post, cb); });
    ASSERT_TRUE(bobs.ok());
    EXPECT_EQ(bobs.value().text, "bob's post");
    EXPECT_TRUE(Await<AuthSession>([&](auto cb) { ada->Login("ada", kPassword, cb); }).ok());
}

}  // namespace
}  // namespace skyloom::testing
