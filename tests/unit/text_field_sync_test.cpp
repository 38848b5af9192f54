// TextFieldSync: the agreement between the app's text models and the page's real text fields.
#include "ui/text_field_sync.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace skyloom::ui {
namespace {

using nlohmann::json;

FieldSpec Spec(uint32_t id, std::string name = "") {
    FieldSpec s;
    s.id = id;
    s.name = std::move(name);
    s.rect = {10, 20, 300, 40};
    s.clip = s.rect;
    return s;
}

FieldEvent Input(uint32_t id, std::string value, bool composing = false) {
    FieldEvent e;
    e.kind = FieldEvent::Kind::kInput;
    e.id = id;
    e.value = std::move(value);
    e.composing = composing;
    return e;
}

FieldEvent Event(uint32_t id, FieldEvent::Kind kind) {
    FieldEvent e;
    e.kind = kind;
    e.id = id;
    return e;
}

json Update(TextFieldSync& sync) {
    const std::string text = sync.TakePageUpdate();
    return text.empty() ? json() : json::parse(text);
}

TEST(TextFieldSync, ANewFieldIsCreatedWithItsSpecAndValue) {
    TextFieldSync sync;
    std::string model = "ada";
    FieldSpec spec = Spec(7, "username");
    spec.autocomplete = "username";
    (void)sync.Submit(spec, &model);
    const json u = Update(sync);
    ASSERT_TRUE(u.is_object());
    EXPECT_EQ(u["order"], json::array({7}));
    ASSERT_EQ(u["fields"].size(), 1u);
    EXPECT_EQ(u["fields"][0]["name"], "username");
    EXPECT_EQ(u["fields"][0]["autocomplete"], "username");
    EXPECT_EQ(u["fields"][0]["rect"], json::array({10, 20, 300, 40}));
    EXPECT_EQ(u["values"][0]["value"], "ada");
}

TEST(TextFieldSync, AnUnchangedFrameSendsNothing) {
    TextFieldSync sync;
    std::string model;
    (void)sync.Submit(Spec(1), &model);
    (void)sync.TakePageUpdate();
    (void)sync.Submit(Spec(1), &model);
    EXPECT_EQ(sync.TakePageUpdate(), "");
}

TEST(TextFieldSync, AMovedFieldSendsOnlyItsSpec) {
    TextFieldSync sync;
    std::string model = "x";
    (void)sync.Submit(Spec(1), &model);
    (void)sync.TakePageUpdate();
    FieldSpec moved = Spec(1);
    moved.rect.y = 5;
    (void)sync.Submit(moved, &model);
    const json u = Update(sync);
    EXPECT_FALSE(u.contains("order"));
    EXPECT_FALSE(u.contains("values"));
    EXPECT_EQ(u["fields"][0]["rect"][1], 5);
}

TEST(TextFieldSync, TypingReachesTheModelInOneFrameWhateverTheNumberOfEdits) {
    TextFieldSync sync;
    std::string model;
    (void)sync.Submit(Spec(1), &model);
    (void)sync.TakePageUpdate();
    std::string typed;
    for (char c : std::string(200, 'a')) {
        typed += c;
        sync.Receive(Input(1, typed));
    }
    const FieldFrame f = sync.Submit(Spec(1), &model);
    EXPECT_TRUE(f.edited);
    EXPECT_EQ(model, std::string(200, 'a'));
    // The page already holds what it reported: nothing is written back.
    EXPECT_EQ(sync.TakePageUpdate(), "");
}

TEST(TextFieldSync, AProgramChangeIsWrittenToThePage) {
    TextFieldSync sync;
    std::string model = "draft";
    (void)sync.Submit(Spec(1), &model);
    (void)sync.TakePageUpdate();
    model.clear();  // posted: the composer empties
    const FieldFrame f = sync.Submit(Spec(1), &model);
    EXPECT_FALSE(f.edited);
    const json u = Update(sync);
    EXPECT_EQ(u["values"][0]["id"], 1);
    EXPECT_EQ(u["values"][0]["value"], "");
}

TEST(TextFieldSync, TypingOnTopOfAProgramChangeIsKept) {
    TextFieldSync sync;
    std::string model = "hello";
    (void)sync.Submit(Spec(1), &model);
    (void)sync.TakePageUpdate();
    sync.Receive(Input(1, "hello!"));  // typed right after Tab...
    sync.Receive(Event(1, FieldEvent::Kind::kTab));
    model = "hello world";  // ... which accepted a suggestion meanwhile
    const FieldFrame f = sync.Submit(Spec(1), &model);
    EXPECT_EQ(model, "hello world!");
    EXPECT_TRUE(f.edited);
    EXPECT_TRUE(f.tab);
    EXPECT_EQ(Update(sync)["values"][0]["value"], "hello world!");
}

TEST(RebaseEdit, MovesTheEditOntoTheProgramsText) {
    // After an appended suggestion, and after a cleared draft.
    EXPECT_EQ(RebaseEdit("X", "X Yes.", "X ghost"), "X ghost Yes.");
    EXPECT_EQ(RebaseEdit("posted", "posted!", ""), "!");
    // Before the program's change.
    EXPECT_EQ(RebaseEdit("ab", "Xab", "ab cd"), "Xab cd");
    // Multi-byte text never splits a character.
    EXPECT_EQ(RebaseEdit("\xE6\x97\xA5", "\xE6\x97\xA5\xE6\x9C\xAC", "\xE6\x97\xA5 ok"),
              "\xE6\x97\xA5 ok\xE6\x9C\xAC");
    EXPECT_EQ(RebaseEdit("\xC3\xA9", "\xC3\xA8", "\xC3\xA9!"),
              "\xC3\xA8!");  // not "\xC3\xA8" + "\xA9!"
    // Both changed the same characters: the program's text stands.
    EXPECT_EQ(RebaseEdit("hello", "jello", ""), std::nullopt);
}

TEST(TextFieldSync, EnterTabAndEscapeAreReportedOnce) {
    TextFieldSync sync;
    std::string model;
    (void)sync.Submit(Spec(1), &model);
    sync.Receive(Event(1, FieldEvent::Kind::kEnter));
    sync.Receive(Event(1, FieldEvent::Kind::kEscape));
    FieldEvent shift_tab = Event(1, FieldEvent::Kind::kTab);
    shift_tab.shift = true;
    sync.Receive(shift_tab);
    FieldFrame f = sync.Submit(Spec(1), &model);
    EXPECT_TRUE(f.entered);
    EXPECT_TRUE(f.escape);
    EXPECT_TRUE(f.shift_tab);
    EXPECT_FALSE(f.tab);
    f = sync.Submit(Spec(1), &model);
    EXPECT_FALSE(f.entered || f.escape || f.shift_tab);
}

TEST(TextFieldSync, FocusFollowsThePageAndIsLostWithTheField) {
    TextFieldSync sync;
    std::string a, b;
    (void)sync.Submit(Spec(1), &a);
    (void)sync.Submit(Spec(2), &b);
    (void)sync.TakePageUpdate();
    sync.Receive(Event(2, FieldEvent::Kind::kFocus));
    EXPECT_FALSE(sync.Submit(Spec(1), &a).focused);
    EXPECT_TRUE(sync.Submit(Spec(2), &b).focused);
    (void)sync.TakePageUpdate();
    sync.Receive(Event(1, FieldEvent::Kind::kBlur));  // a stale blur of another field
    EXPECT_EQ(sync.focused_id(), 2u);
    (void)sync.Submit(Spec(1), &a);  // field 2 is not drawn this frame: the screen changed
    const json u = Update(sync);
    EXPECT_EQ(u["order"], json::array({1}));
    EXPECT_EQ(sync.focused_id(), 0u);
    EXPECT_EQ(sync.field_count(), 1u);
}

TEST(TextFieldSync, EventsForRemovedFieldsAreIgnored) {
    TextFieldSync sync;
    std::string model = "kept";
    sync.Receive(Input(9, "ghost edit"));
    (void)sync.Submit(Spec(9), &model);
    EXPECT_EQ(model, "kept");
}

TEST(TextFieldSync, FocusAndBlurRequestsAreSentOnce) {
    TextFieldSync sync;
    std::string model;
    (void)sync.Submit(Spec(3), &model);
    sync.RequestFocus(3);
    json u = Update(sync);
    EXPECT_EQ(u["focus"], 3);
    (void)sync.Submit(Spec(3), &model);
    sync.RequestBlur();
    u = Update(sync);
    EXPECT_EQ(u["blur"], true);
    EXPECT_FALSE(u.contains("focus"));
}

TEST(TextFieldSync, CompositionStateAndHeightAreKept) {
    TextFieldSync sync;
    std::string model;
    (void)sync.Submit(Spec(1), &model);
    FieldEvent e = Input(1, "\xE3\x81\xAB", true);  // "ni" being composed
    e.content_px = 42;
    sync.Receive(e);
    FieldFrame f = sync.Submit(Spec(1), &model);
    EXPECT_TRUE(f.composing);
    EXPECT_EQ(f.content_px, 42);
    sync.Receive(Input(1, "\xE6\x97\xA5\xE6\x9C\xAC"));  // committed
    f = sync.Submit(Spec(1), &model);
    EXPECT_FALSE(f.composing);
    EXPECT_EQ(f.content_px, 42);  // unknown in this event: the last height stays
    EXPECT_EQ(model, "\xE6\x97\xA5\xE6\x9C\xAC");
}

TEST(TextFieldSync, InvalidUtf8FromThePageNeverBreaksTheUpdate) {
    TextFieldSync sync;
    std::string model = "ok";
    (void)sync.Submit(Spec(1), &model);
    (void)sync.TakePageUpdate();
    model = std::string("\xED\xA0\x80", 3);  // a lone surrogate as stringToUTF8 writes it
    (void)sync.Submit(Spec(1), &model);
    EXPECT_FALSE(sync.TakePageUpdate().empty());
}

TEST(ParseFieldEvent, ReadsTheGluesJson) {
    const auto e = ParseFieldEvent(
        R"({"id":4,"kind":"input","value":"h\u00e9","composing":true,"height":60})");
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->id, 4u);
    EXPECT_EQ(e->kind, FieldEvent::Kind::kInput);
    EXPECT_EQ(e->value, "h\xC3\xA9");
    EXPECT_TRUE(e->composing);
    EXPECT_EQ(e->content_px, 60);
    const auto tab = ParseFieldEvent(R"({"id":4,"kind":"tab","shift":true})");
    ASSERT_TRUE(tab.has_value());
    EXPECT_TRUE(tab->shift);
}

TEST(ParseFieldEvent, RejectsMalformedEvents) {
    EXPECT_FALSE(ParseFieldEvent("").has_value());
    EXPECT_FALSE(ParseFieldEvent("[]").has_value());
    EXPECT_FALSE(ParseFieldEvent(R"({"id":"4","kind":"input","value":""})").has_value());
    EXPECT_FALSE(ParseFieldEvent(R"({"id":4,"kind":"paste"})").has_value());
    EXPECT_FALSE(ParseFieldEvent(R"({"id":4,"kind":"input"})").has_value());
    EXPECT_FALSE(ParseFieldEvent(R"({"id":-1,"kind":"enter"})").has_value());
}

}  // namespace
}  // namespace skyloom::ui
