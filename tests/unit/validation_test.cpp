#include "validation/validation.h"

#include <gtest/gtest.h>

namespace skyloom {
namespace {

bool RulePassed(const std::vector<RuleStatus>& rules, const std::string& id) {
    for (const auto& rule : rules)
        if (rule.id == id) return rule.passed;
    ADD_FAILURE() << "no rule " << id;
    return false;
}

TEST(Username, AcceptsLettersDigitsUnderscoreWithinLength) {
    EXPECT_TRUE(IsValidUsername("ada"));
    EXPECT_TRUE(IsValidUsername("Ada_Lovelace_1815"));
    EXPECT_TRUE(IsValidUsername(std::string(30, 'a')));
}

TEST(Username, RejectsBadLengthAndCharacters) {
    EXPECT_FALSE(IsValidUsername("ab"));
    EXPECT_FALSE(IsValidUsername(std::string(31, 'a')));
    EXPECT_FALSE(IsValidUsername("ada lovelace"));
    EXPECT_FALSE(IsValidUsername("ada-l"));
    EXPECT_FALSE(IsValidUsername("adé"));
    EXPECT_FALSE(IsValidUsername(""));
    auto rules = CheckUsername("a!");
    EXPECT_FALSE(RulePassed(rules, "length"));
    EXPECT_FALSE(RulePassed(rules, "charset"));
}

TEST(Username, NormalizesCaseForUniqueness) {
    EXPECT_EQ(NormalizeUsername("GrAcE_H"), "grace_h");
}

TEST(Email, AcceptsOrdinaryAddresses) {
    EXPECT_TRUE(IsValidEmail("ada@example.org"));
    EXPECT_TRUE(IsValidEmail("first.last+tag@sub.example.co.uk"));
}

TEST(Email, RejectsMalformedAddresses) {
    for (const char* bad : {"", "ada", "ada@", "@example.org", "ada@example", "ada@@example.org",
                            "a da@example.org", "ada@exa mple.org", "ada@-example.org",
                            "ada@example..org", ".ada@example.org", "ada@example.org."}) {
        EXPECT_FALSE(IsValidEmail(bad)) << bad;
    }
    EXPECT_FALSE(IsValidEmail(std::string(250, 'a') + "@x.org"));
}

TEST(Password, ReportsEachRule) {
    auto rules = CheckPassword("short", "ada");
    EXPECT_FALSE(RulePassed(rules, "min_length"));
    EXPECT_TRUE(RulePassed(rules, "not_username"));

    rules = CheckPassword("adalovelace", "AdaLovelace");
    EXPECT_TRUE(RulePassed(rules, "min_length"));
    EXPECT_FALSE(RulePassed(rules, "not_username"));

    rules = CheckPassword("password123", "ada");
    EXPECT_FALSE(RulePassed(rules, "not_common"));

    rules = CheckPassword("aaaaaaaaaaaa", "ada");
    EXPECT_FALSE(RulePassed(rules, "varied"));

    rules = CheckPassword(std::string(300, 'x') + "abcde", "ada");
    EXPECT_FALSE(RulePassed(rules, "max_length"));
}

TEST(Password, AcceptsAGoodPassphrase) {
    EXPECT_TRUE(IsValidPassword("correct horse battery", "ada"));
    EXPECT_FALSE(IsValidPassword("correct", "ada"));
}

TEST(Password, CountsCodePointsNotBytes) {
    // Nine 2-byte characters are 18 bytes but only 9 characters: too short.
    EXPECT_FALSE(RulePassed(CheckPassword("ééééééééé", "ada"), "min_length"));
}

TEST(Utf8, ValidatesEncoding) {
    EXPECT_TRUE(IsValidUtf8("plain"));
    EXPECT_TRUE(IsValidUtf8("caf\xc3\xa9 \xf0\x9f\x98\x80"));
    EXPECT_FALSE(IsValidUtf8("\xc3"));              // truncated
    EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
    EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
    EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(IsValidUtf8("\xff"));
    EXPECT_EQ(CountCodePoints("caf\xc3\xa9"), 4u);
}

TEST(PostText, EnforcesLengthAndContent) {
    EXPECT_TRUE(IsValidPostText("hello"));
    EXPECT_TRUE(IsValidPostText(std::string(2000, 'x')));
    EXPECT_FALSE(IsValidPostText(std::string(2001, 'x')));
    EXPECT_FALSE(IsValidPostText(""));
    EXPECT_FALSE(IsValidPostText(" \n\t "));
    EXPECT_FALSE(IsValidPostText("bad \xff byte"));
    std::string emoji_2000;
    for (int i = 0; i < 2000; ++i) emoji_2000 += "\xf0\x9f\x98\x80";
    EXPECT_TRUE(IsValidPostText(emoji_2000));  // 2000 characters, 8000 bytes
}

TEST(Codes, SixDigitsOnly) {
    EXPECT_TRUE(IsSixDigitCode("012345"));
    EXPECT_FALSE(IsSixDigitCode("12345"));
    EXPECT_FALSE(IsSixDigitCode("1234567"));
    EXPECT_FALSE(IsSixDigitCode("12a456"));
}

}  // namespace
}  // namespace skyloom
