#include "ui/text_field_sync.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace skyloom::ui {
namespace {

using nlohmann::json;

json RectJson(const FieldRect& r) {
    return json::array({r.x, r.y, r.w, r.h});
}

json SpecJson(const FieldSpec& s) {
    json j = {
        {"id", s.id},
        {"kind", s.kind == FieldKind::kMultiLine ? "multi" : "single"},
        {"name", s.name.empty() ? "field-" + std::to_string(s.id) : s.name},
        {"label", s.label},
        {"type", s.type},
        {"inputmode", s.input_mode},
        {"autocomplete", s.autocomplete},
        {"autocapitalize", s.autocapitalize},
        {"enterkeyhint", s.enter_key_hint},
        {"spellcheck", s.spellcheck},
        {"placeholder", s.placeholder},
        {"form", s.form},
        {"maxlength", s.max_chars},
        {"disabled", s.disabled},
        {"tab", s.tab_event},
        {"enter", s.enter_mode == EnterMode::kSubmit ? "submit" : "newline"},
        {"ghost", s.ghost},
        {"rect", RectJson(s.rect)},
        {"clip", RectJson(s.clip)},
        {"font", s.font_px},
        {"line", s.line_px},
        {"pad", json::array({s.pad_x, s.pad_y})},
        {"hidden", s.hidden},
    };
    return j;
}

std::optional<FieldEvent::Kind> KindFromName(const std::string& name) {
    using K = FieldEvent::Kind;
    if (name == "input") return K::kInput;
    if (name == "focus") return K::kFocus;
    if (name == "blur") return K::kBlur;
    if (name == "enter") return K::kEnter;
    if (name == "tab") return K::kTab;
    if (name == "escape") return K::kEscape;
    return std::nullopt;
}

}  // namespace

std::optional<FieldEvent> ParseFieldEvent(const std::string& text) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    const auto id = j.find("id");
    const auto kind = j.find("kind");
    if (id == j.end() || !id->is_number_unsigned() || kind == j.end() || !kind->is_string())
        return std::nullopt;
    const std::optional<FieldEvent::Kind> k = KindFromName(kind->get<std::string>());
    if (!k) return std::nullopt;
    FieldEvent event;
    event.kind = *k;
    event.id = id->get<uint32_t>();
    if (const auto v = j.find("value"); v != j.end() && v->is_string())
        event.value = v->get<std::string>();
    else if (event.kind == FieldEvent::Kind::kInput)
        return std::nullopt;  // an edit without its text would wipe the model
    if (const auto c = j.find("composing"); c != j.end() && c->is_boolean())
        event.composing = c->get<bool>();
    if (const auto s = j.find("shift"); s != j.end() && s->is_boolean())
        event.shift = s->get<bool>();
    if (const auto h = j.find("height"); h != j.end() && h->is_number())
        event.content_px = h->get<float>();
    return event;
}

namespace {

// An edit from `before` to `after` as one splice: before[begin, end) became `insert`, with the
// ends on UTF-8 character boundaries.
struct Splice {
    size_t begin = 0, end = 0;
    std::string insert;
};

bool IsContinuation(const std::string& s, size_t i) {
    return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
}

Splice Diff(const std::string& before, const std::string& after) {
    size_t p = 0;
    while (p < before.size() && p < after.size() && before[p] == after[p]) p++;
    while (p > 0 && (IsContinuation(before, p) || IsContinuation(after, p))) p--;
    size_t q = 0;
    while (q < before.size() - p && q < after.size() - p &&
           before[before.size() - 1 - q] == after[after.size() - 1 - q])
        q++;
    while (q > 0 &&
           (IsContinuation(before, before.size() - q) || IsContinuation(after, after.size() - q)))
        q--;
    return {p, before.size() - q, after.substr(p, after.size() - q - p)};
}

}  // namespace

std::optional<std::string> RebaseEdit(const std::string& base, const std::string& edited,
                                      const std::string& replaced) {
    const Splice user = Diff(base, edited);
    const Splice program = Diff(base, replaced);
    // After the program's change (typing on at the end of a draft a suggestion just grew).
    if (user.begin >= program.end) {
        const size_t at = user.begin + replaced.size() - base.size();
        return replaced.substr(0, at) + user.insert + replaced.substr(at + user.end - user.begin);
    }
    // Before it.
    if (user.end <= program.begin)
        return replaced.substr(0, user.begin) + user.insert + replaced.substr(user.end);
    return std::nullopt;  // both changed the same text: the program's stands
}

void TextFieldSync::Receive(FieldEvent event) {
    // Focus moves at once, so every field drawn in the next frame agrees on who has it.
    if (event.kind == FieldEvent::Kind::kFocus) {
        m_focused = event.id;
        return;
    }
    if (event.kind == FieldEvent::Kind::kBlur) {
        if (m_focused == event.id) m_focused = 0;
        return;
    }
    const auto it = m_fields.find(event.id);
    if (it == m_fields.end()) return;  // the field is gone; nothing to apply it to
    it->second.pending.push_back(std::move(event));
}

FieldFrame TextFieldSync::Submit(const FieldSpec& spec, std::string* value) {
    const bool known = m_fields.count(spec.id) != 0;
    Field& f = m_fields[spec.id];
    FieldFrame frame;
    if (!known) {
        f.page_value = *value;
        f.write_value = true;
    } else if (*value != f.page_value) {
        // The program changed the text (an accepted suggestion, a cleared draft) while the
        // person may have typed on top of the old one: their edit moves onto the new text.
        const auto last =
            std::find_if(f.pending.rbegin(), f.pending.rend(),
                         [](const FieldEvent& e) { return e.kind == FieldEvent::Kind::kInput; });
        if (last != f.pending.rend()) {
            if (auto merged = RebaseEdit(f.page_value, last->value, *value)) {
                *value = std::move(*merged);
                frame.edited = true;
            }
            f.composing = last->composing;
        }
        f.page_value = *value;
        f.write_value = true;
        f.pending.erase(
            std::remove_if(f.pending.begin(), f.pending.end(),
                           [](const FieldEvent& e) { return e.kind == FieldEvent::Kind::kInput; }),
            f.pending.end());
    }
    for (FieldEvent& e : f.pending) {
        switch (e.kind) {
            case FieldEvent::Kind::kInput:
                if (*value != e.value) frame.edited = true;
                *value = std::move(e.value);
                f.page_value = *value;
                f.composing = e.composing;
                if (e.content_px > 0) f.content_px = e.content_px;
                break;
            case FieldEvent::Kind::kEnter:
                frame.entered = true;
                break;
            case FieldEvent::Kind::kTab:
                (e.shift ? frame.shift_tab : frame.tab) = true;
                break;
            case FieldEvent::Kind::kEscape:
                frame.escape = true;
                break;
            case FieldEvent::Kind::kFocus:
            case FieldEvent::Kind::kBlur:
                break;  // applied in Receive()
        }
    }
    f.pending.clear();
    if (!f.seen) m_order.push_back(spec.id);
    f.seen = true;
    f.spec_now = spec;
    frame.focused = m_focused == spec.id;
    frame.composing = f.composing;
    frame.content_px = f.content_px;
    return frame;
}

void TextFieldSync::SetHidden(uint32_t id, bool hidden) {
    const auto it = m_fields.find(id);
    if (it != m_fields.end() && it->second.seen) it->second.spec_now.hidden = hidden;
}

std::string TextFieldSync::TakePageUpdate() {
    json out = json::object();
    for (auto it = m_fields.begin(); it != m_fields.end();) {
        if (it->second.seen) {
            ++it;
            continue;
        }
        if (m_focused == it->first) m_focused = 0;
        it = m_fields.erase(it);
    }
    if (m_order != m_last_order) {
        out["order"] = m_order;
        m_last_order = m_order;
    }
    json specs = json::array();
    json values = json::array();
    for (uint32_t id : m_order) {
        Field& f = m_fields[id];
        if (!f.page_has_spec || !(f.spec_now == f.shown)) {
            specs.push_back(SpecJson(f.spec_now));
            f.shown = f.spec_now;
            f.page_has_spec = true;
        }
        if (f.write_value) {
            values.push_back({{"id", id}, {"value", f.page_value}});
            f.write_value = false;
        }
        f.seen = false;
    }
    m_order.clear();
    if (!specs.empty()) out["fields"] = std::move(specs);
    if (!values.empty()) out["values"] = std::move(values);
    if (m_focus_request != 0) {
        out["focus"] = m_focus_request;
        m_focus_request = 0;
    }
    if (m_blur_request) {
        out["blur"] = true;
        m_blur_request = false;
    }
    if (out.empty()) return "";
    // Values come from the page and may hold lone surrogates; never throw on them.
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace skyloom::ui
