// UTF-8 validation, decoding and encoding.
#include <gtest/gtest.h>
#include <string>

#include "precis/error.h"
#include "precis/utf8.h"

TEST(utf8, valid_text_in_several_scripts_has_no_invalid_byte) {
    EXPECT_FALSE(precis::find_invalid_utf8("").has_value());
    EXPECT_FALSE(
        precis::find_invalid_utf8("plain ASCII text that is long enough for the fast path").has_value());
    EXPECT_FALSE(precis::find_invalid_utf8("العربية Русский 中文 😀 \xF4\x8F\xBF\xBF").has_value());
}

TEST(utf8, invalid_sequences_are_found_at_their_byte_offset) {
    EXPECT_EQ(precis::find_invalid_utf8("abc\xC3\x28xyz"), 3u) << "bad continuation";
    EXPECT_EQ(precis::find_invalid_utf8("0123456789\xC0\xAF"), 10u) << "overlong slash";
    EXPECT_EQ(precis::find_invalid_utf8("\xE0\x80\xAF"), 0u) << "overlong three-byte form";
    EXPECT_EQ(precis::find_invalid_utf8("x\xED\xA0\x80"), 1u) << "UTF-16 surrogate";
    EXPECT_EQ(precis::find_invalid_utf8("xy\xF4\x90\x80\x80"), 2u) << "above U+10FFFF";
    EXPECT_EQ(precis::find_invalid_utf8("ab\xE4\xB8"), 2u) << "truncated at the end";
    EXPECT_EQ(precis::find_invalid_utf8("\x80"), 0u) << "lone continuation byte";
    EXPECT_EQ(precis::find_invalid_utf8("ok\xFF"), 2u);
}

TEST(utf8, validate_names_the_input_offset_and_bytes) {
    try {
        precis::validate_utf8("abcd\xC3\x28", "article.txt");
        FAIL() << "invalid input was accepted";
    } catch (const precis::error &e) {
        EXPECT_EQ(e.code, precis::errc::bad_input);
        const std::string what = e.what();
        EXPECT_NE(what.find("article.txt is not valid UTF-8 at byte 4 (0xC3 0x28)"), std::string::npos)
            << what;
        EXPECT_EQ(e.detail, "4");
    }
    EXPECT_NO_THROW(precis::validate_utf8("صحيح"));
}

TEST(utf8, decoding_and_encoding_round_trip_every_length) {
    const char32_t cps[] = {U'A', U'\u00E9', U'\u0639', U'\u4E2D', U'\U0001F600', U'\U0010FFFF'};
    std::string s;
    for (char32_t cp : cps) precis::append_utf8(s, cp);
    EXPECT_EQ(s, "Aéع中😀\xF4\x8F\xBF\xBF");
    std::size_t pos = 0;
    for (char32_t cp : cps) EXPECT_EQ(precis::next_code_point(s, pos), cp);
    EXPECT_EQ(pos, s.size());
}

TEST(utf8, bad_bytes_decode_to_replacement_and_advance_one_byte) {
    const std::string s = "\xC3\x28";
    std::size_t pos = 0;
    EXPECT_EQ(precis::next_code_point(s, pos), U'\uFFFD');
    EXPECT_EQ(pos, 1u);
    EXPECT_EQ(precis::next_code_point(s, pos), U'(');
    const std::string truncated = "\xE4\xB8";
    pos = 0;
    EXPECT_EQ(precis::next_code_point(truncated, pos), U'\uFFFD');
    EXPECT_EQ(pos, 1u) << "must not read past the end";
}

TEST(utf8, unencodable_code_points_become_replacement) {
    std::string s;
    precis::append_utf8(s, 0xD800);
    precis::append_utf8(s, 0x110000);
    EXPECT_EQ(s, "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(utf8, sequence_length_follows_lead_byte) {
    EXPECT_EQ(precis::utf8_sequence_length('a'), 1);
    EXPECT_EQ(precis::utf8_sequence_length(0xD8), 2);
    EXPECT_EQ(precis::utf8_sequence_length(0xE4), 3);
    EXPECT_EQ(precis::utf8_sequence_length(0xF0), 4);
    EXPECT_EQ(precis::utf8_sequence_length(0x80), 0);
    EXPECT_EQ(precis::utf8_sequence_length(0xC0), 0);
    EXPECT_EQ(precis::utf8_sequence_length(0xF5), 0);
}
