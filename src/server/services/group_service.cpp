#include "services/group_service.h"

#include "services/errors.h"
#include "validation/validation.h"

namespace skyloom::server {
namespace {

constexpr const char* kGroupColumns =
    "SELECT g.id, g.name, g.description, u.username, g.created_at, "
    "(SELECT COUNT(*) FROM posts p WHERE p.group_id = g.id) FROM groups g "
    "LEFT JOIN users u ON u.id = g.owner_id ";

Group ReadGroup(const Statement& stmt) {
    return Group{std::to_string(stmt.Int(0)), stmt.Text(1), stmt.Text(2), stmt.Text(3), stmt.Int(5),
                 FormatRfc3339(stmt.Int(4))};
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

}  // namespace

Result<std::vector<Group>> GroupService::List() {
    Statement& stmt = m_db.Conn().Prepare(std::string(kGroupColumns) + "ORDER BY g.name_key");
    std::vector<Group> groups;
    while (stmt.Step()) groups.push_back(ReadGroup(stmt));
    return groups;
}

Result<Group> GroupService::Get(int64_t id) {
    Statement& stmt = m_db.Conn().Prepare(std::string(kGroupColumns) + "WHERE g.id = ?");
    stmt.Bind(1, id);
    if (!stmt.Step()) return errors::NotFound("The group");
    Group group = ReadGroup(stmt);
    stmt.Reset();
    return group;
}

Result<Group> GroupService::Create(const AuthUser& owner, const std::string& raw_name,
                                   const std::string& description) {
    if (!owner.verified) {
        return errors::Forbidden("email_not_verified", "Verify your email address first");
    }
    std::string name = Trim(raw_name);
    size_t length = CountCodePoints(name);
    if (!IsValidUtf8(name) || length < kGroupNameMin || length > kGroupNameMax) {
        return errors::Unprocessable("invalid_group_name", "Group names are 2 to 50 characters");
    }
    if (!IsValidUtf8(description) || CountCodePoints(description) > kGroupDescriptionMax) {
        return errors::Unprocessable("invalid_description",
                                     "Descriptions are at most 500 characters");
    }
    Connection& conn = m_db.Conn();
    bool inserted = conn.Prepare(
                            "INSERT INTO groups(name, name_key, description, owner_id, created_at) "
                            "VALUES (?, ?, ?, ?, ?)")
                        .Bind(1, name)
                        .Bind(2, LowerAscii(name))
                        .Bind(3, Trim(description))
                        .Bind(4, owner.id)
                        .Bind(5, m_clock.NowMs())
                        .Exec();
    if (!inserted) return errors::Conflict("group_name_taken", "A group with that name exists");
    return Get(conn.LastInsertId());
}

Result<Unit> GroupService::Delete(const AuthUser& user, int64_t id) {
    Connection& conn = m_db.Conn();
    Transaction tx(conn);
    Statement& owner = conn.Prepare("SELECT owner_id FROM groups WHERE id = ?");
    owner.Bind(1, id);
    bool found = owner.Step();
    bool mine = found && !owner.IsNull(0) && owner.Int(0) == user.id;
    owner.Reset();
    if (!mine) return errors::NotFound("The group");  // others' groups look missing
    Statement& used = conn.Prepare("SELECT 1 FROM posts WHERE group_id = ? LIMIT 1");
    used.Bind(1, id);
    bool has_posts = used.Step();
    used.Reset();
    if (has_posts) {
        return errors::Conflict("group_not_empty", "Only groups without posts can be deleted");
    }
    conn.Prepare("DELETE FROM groups WHERE id = ?").Bind(1, id).Exec();
    tx.Commit();
    return Unit{};
}

}  // namespace skyloom::server
