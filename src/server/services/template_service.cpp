#include "services/template_service.h"

#include "services/errors.h"
#include "services/id_cursor.h"
#include "validation/validation.h"

namespace skyloom::server {
namespace {

constexpr char kCursorPrefix = 't';

constexpr const char* kTemplateColumns =
    "SELECT t.id, t.name, t.boxes, u.username, t.created_at, m.id, m.width, m.height, "
    "m.placeholder, m.thumb_id FROM templates t JOIN media m ON m.id = t.media_id "
    "LEFT JOIN users u ON u.id = t.owner_id ";

MemeTemplate ReadTemplate(const Statement& stmt) {
    MemeTemplate tmpl;
    tmpl.id = std::to_string(stmt.Int(0));
    tmpl.name = stmt.Text(1);
    Result<Json> boxes = ParseJsonText(stmt.Text(2));
    if (boxes) {
        Result<std::vector<MemeBox>> parsed = ParseMemeBoxes(boxes.value());
        if (parsed) tmpl.boxes = std::move(parsed).value();
    }
    tmpl.owner = stmt.Text(3);
    tmpl.created_at = FormatRfc3339(stmt.Int(4));
    std::string media_id = stmt.Text(5);
    std::string thumb = stmt.IsNull(9) ? media_id : stmt.Text(9);
    tmpl.media.id = media_id;
    tmpl.media.url = "/api/v1/media/" + media_id;
    tmpl.media.width = static_cast<int>(stmt.Int(6));
    tmpl.media.height = static_cast<int>(stmt.Int(7));
    tmpl.media.placeholder = stmt.Text(8);
    tmpl.media.thumb_url = "/api/v1/media/" + thumb;
    return tmpl;
}

std::string Trim(const std::string& text) {
    size_t begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return "";
    size_t end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end - begin + 1);
}

std::string LowerAscii(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// `text` as a LIKE pattern that matches it literally anywhere (escape char: backslash).
std::string ContainsPattern(const std::string& text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

}  // namespace

Result<TemplatePage> TemplateService::Page(const TemplateQuery& query) {
    int64_t before_id = INT64_MAX;
    if (!query.cursor.empty() && !DecodeIdCursor(kCursorPrefix, query.cursor, before_id)) {
        return errors::BadRequest("invalid_cursor", "The cursor is not one this server issued");
    }
    if (query.limit < 1 || query.limit > kMaxTemplateLimit) {
        return errors::BadRequest("invalid_limit", "limit must be between 1 and 100");
    }
    std::string q = Trim(query.q);
    if (!IsValidUtf8(q) || CountCodePoints(q) > kTemplateSearchMax) {
        return errors::BadRequest("invalid_search", "q must be at most 80 characters");
    }
    std::string sql = std::string(kTemplateColumns) + "WHERE t.id < ?";
    if (!q.empty()) sql += " AND t.name_key LIKE ? ESCAPE '\\'";
    sql += " ORDER BY t.id DESC LIMIT ?";
    Statement& stmt = m_db.Conn().Prepare(sql);
    int index = 1;
    stmt.Bind(index++, before_id);
    if (!q.empty()) stmt.Bind(index++, ContainsPattern(LowerAscii(q)));
    stmt.Bind(index, int64_t(query.limit + 1));
    TemplatePage page;
    while (stmt.Step()) page.items.push_back(ReadTemplate(stmt));
    if (static_cast<int>(page.items.size()) > query.limit) {
        page.items.pop_back();
        page.next_cursor = EncodeIdCursor(kCursorPrefix, std::stoll(page.items.back().id));
    }
    return page;
}

Result<MemeTemplate> TemplateService::Get(int64_t id) {
    Statement& stmt = m_db.Conn().Prepare(std::string(kTemplateColumns) + "WHERE t.id = ?");
    stmt.Bind(1, id);
    if (!stmt.Step()) return errors::NotFound("The template");
    MemeTemplate tmpl = ReadTemplate(stmt);
    stmt.Reset();
    return tmpl;
}

Result<MemeTemplate> TemplateService::Create(const AuthUser& owner, const std::string& raw_name,
                                             const std::string& media_id,
                                             const std::optional<std::vector<MemeBox>>& boxes) {
    if (!owner.verified) {
        return errors::Forbidden("email_not_verified", "Verify your email address first");
    }
    std::string name = Trim(raw_name);
    if (!IsValidUtf8(name) || name.empty() || CountCodePoints(name) > kTemplateNameMax) {
        return errors::Unprocessable("invalid_template_name",
                                     "Template names are 1 to 80 characters");
    }
    Connection& conn = m_db.Conn();
    Statement& media = conn.Prepare("SELECT 1 FROM media WHERE id = ? AND owner_id = ?");
    media.Bind(1, media_id).Bind(2, owner.id);
    bool mine = media.Step();
    media.Reset();
    if (!mine) {
        return errors::Unprocessable("media_not_found",
                                     "Publish an image you uploaded (upload it first)");
    }
    Json layout = Json::array();
    for (const MemeBox& box : boxes ? *boxes : DefaultMemeBoxes()) layout.push_back(ToJson(box));
    bool inserted =
        conn.Prepare(
                "INSERT INTO templates(name, name_key, media_id, boxes, owner_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)")
            .Bind(1, name)
            .Bind(2, LowerAscii(name))
            .Bind(3, media_id)
            .Bind(4, DumpJson(layout))
            .Bind(5, owner.id)
            .Bind(6, m_clock.NowMs())
            .Exec();
    if (!inserted) {
        return errors::Unprocessable("reference_gone", "The image was just removed; try again");
    }
    return Get(conn.LastInsertId());
}

bool TemplateService::Empty() {
    Statement& stmt = m_db.Conn().Prepare("SELECT 1 FROM templates LIMIT 1");
    bool any = stmt.Step();
    stmt.Reset();
    return !any;
}

}  // namespace skyloom::server
