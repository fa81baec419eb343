// ingest_text / ingest_html / ingest: input checks, normalisation, boilerplate records, HTML extraction,
// charset conversion, and robustness on hostile input.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "precis/error.h"
#include "precis/ingest.h"
#include "precis/words.h"

namespace {

// Calls `f` and returns the precis::error it throws (fails the test when it throws nothing).
template <class F>
precis::error error_of(F &&f) {
    try {
        f();
    } catch (const precis::error &e) {
        return e;
    }
    ADD_FAILURE() << "expected a precis::error";
    return precis::error(precis::errc::internal, "no error");
}

TEST(ingest_text, empty_input_is_refused_with_a_clear_message) {
    for (std::string_view input : {std::string_view(""), std::string_view(" \n\t\n")}) {
        const auto e = error_of([&] { precis::ingest_text(input); });
        EXPECT_EQ(e.code, precis::errc::bad_input);
        EXPECT_STREQ(e.what(), "input is empty: nothing to summarize");
    }
}

TEST(ingest_text, nul_byte_is_reported_as_binary_with_its_offset) {
    const std::string input = std::string("Hello world") + '\0' + "more";
    const auto e = error_of([&] { precis::ingest_text(input); });
    EXPECT_EQ(e.code, precis::errc::bad_input);
    EXPECT_EQ(std::string(e.what()),
              "input looks binary (NUL byte at offset 11); precis reads UTF-8 text or HTML");
    EXPECT_EQ(e.detail, "11");
}

TEST(ingest_text, control_character_soup_is_reported_as_binary) {
    std::string input;
    for (int i = 0; i < 200; ++i) input += static_cast<char>(1 + i % 8);
    const auto e = error_of([&] { precis::ingest_text(input); });
    EXPECT_NE(std::string(e.what()).find("input looks binary"), std::string::npos) << e.what();
}

TEST(ingest_text, invalid_utf8_is_reported_with_its_byte_offset) {
    const std::string input = "Valid text, then \xC3\x28 broken.";
    const auto e = error_of([&] { precis::ingest_text(input); });
    EXPECT_EQ(e.code, precis::errc::bad_input);
    EXPECT_NE(std::string(e.what()).find("byte 17"), std::string::npos) << e.what();
}

TEST(ingest_text, input_over_the_size_limit_is_refused) {
    const std::string input(precis::max_input_bytes + 1, 'a');
    const auto e = error_of([&] { precis::ingest_text(input); });
    EXPECT_EQ(e.code, precis::errc::bad_input);
    EXPECT_NE(std::string(e.what()).find("too large"), std::string::npos) << e.what();
}

TEST(ingest_text, bom_crlf_and_extra_blank_lines_are_normalised) {
    const std::string input = "\xEF\xBB\xBF  First paragraph line one.  \r\nline two.\r\n\r\n\r\n\r\n"
                              "\tSecond paragraph.\rThird line\r\r\rLast paragraph.   \n\n";
    const precis::document doc = precis::ingest_text(input);
    EXPECT_EQ(doc.text, "First paragraph line one.\nline two.\n\nSecond paragraph.\nThird line\n\nLast paragraph.");
    EXPECT_EQ(doc.format, "text");
    EXPECT_TRUE(doc.removed.empty());
    EXPECT_EQ(precis::split_paragraphs(doc.text).size(), 3u);
}

TEST(ingest_text, footer_lines_are_removed_and_recorded_in_order) {
    const std::string input =
        "تعلن الحكومة اليوم عن خطة جديدة لدعم الطاقة المتجددة في المدن الساحلية.\n\n"
        "Share this:\nFacebook Twitter WhatsApp\n\nThe plan covers three regions.\n\n"
        "شاركها.\n© 2025 موقع المثال. جميع الحقوق محفوظة.\nExit mobile version\n";
    const precis::document doc = precis::ingest_text(input);
    EXPECT_EQ(doc.text,
              "تعلن الحكومة اليوم عن خطة جديدة لدعم الطاقة المتجددة في المدن الساحلية.\n\nThe plan covers three regions.");
    ASSERT_EQ(doc.removed.size(), 5u);
    EXPECT_EQ(doc.removed[0].text, "Share this:");
    EXPECT_EQ(doc.removed[0].reason, "share");
    EXPECT_EQ(doc.removed[3].reason, "copyright");
    EXPECT_EQ(doc.removed[4].text, "Exit mobile version");
    EXPECT_EQ(doc.removed[4].reason, "navigation");
}

TEST(ingest_text, footer_run_into_the_last_sentence_is_cut_and_the_sentence_kept) {
    const std::string input = "The harbour reopened on Tuesday after a week of storms. Fishing boats returned at dawn. "
                              "شاركها. © 2025 موقع المثال. جميع الحقوق محفوظة. Exit mobile version";
    const precis::document doc = precis::ingest_text(input);
    EXPECT_EQ(doc.text, "The harbour reopened on Tuesday after a week of storms. Fishing boats returned at dawn.");
    ASSERT_EQ(doc.removed.size(), 4u);
    EXPECT_EQ(doc.removed[0].text, "شاركها.");
    EXPECT_EQ(doc.removed[0].reason, "share");
    EXPECT_EQ(doc.removed[1].reason, "copyright");
    EXPECT_EQ(doc.removed[2].reason, "copyright");
    EXPECT_EQ(doc.removed[3].reason, "navigation");
}

TEST(ingest_text, a_sentence_before_a_photo_credit_is_not_swallowed) {
    const precis::document doc =
        precis::ingest_text("Photo © Example Agency. The minister said he would resign next week.");
    EXPECT_NE(doc.text.find("The minister said he would resign next week."), std::string::npos) << doc.text;
}

TEST(ingest_text, text_that_is_only_boilerplate_is_refused) {
    const auto e = error_of([] { precis::ingest_text("Share this:\nExit mobile version\n"); });
    EXPECT_EQ(e.code, precis::errc::bad_input);
}

TEST(ingest_html, paragraphs_headings_and_list_items_become_paragraphs) {
    const std::string html = R"(<!DOCTYPE html><html><head><title>Harbour reopens</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="article-body">
<h1>Harbour reopens</h1>
<p>The harbour reopened on Tuesday after a week of storms, officials said, and the first boats left at dawn.</p>
<h2>What changed</h2>
<p>Repairs to the breakwater, which cost two million, were finished early, according to the port authority.</p>
<ul><li>Ferries resume on Wednesday, with a reduced timetable.</li><li>Cargo follows next week.</li></ul>
<p>Line one of an address<br>Line two of an address, which follows a break.</p>
</div>
<div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<footer>© 2025 Example News. All rights reserved.</footer>
<script>var x = "not text";</script>
</body></html>)";
    const precis::document doc = precis::ingest_html(html);
    EXPECT_EQ(doc.format, "html");
    EXPECT_EQ(doc.title, "Harbour reopens");
    const auto paragraphs = precis::split_paragraphs(doc.text);
    ASSERT_EQ(paragraphs.size(), 7u) << doc.text;
    EXPECT_EQ(paragraphs[0], "The harbour reopened on Tuesday after a week of storms, officials said, and the first "
                             "boats left at dawn.");
    EXPECT_EQ(paragraphs[1], "What changed");
    EXPECT_EQ(paragraphs[3], "Ferries resume on Wednesday, with a reduced timetable.");
    EXPECT_EQ(paragraphs[5], "Line one of an address");
    EXPECT_EQ(doc.text.find("not text"), std::string::npos);
    EXPECT_EQ(doc.text.find("Facebook"), std::string::npos);
    EXPECT_EQ(doc.text.find("All rights reserved"), std::string::npos);
}

TEST(ingest_html, windows_1256_page_is_converted_to_utf8) {
    // "مرحبا بالعالم" encoded in windows-1256, repeated into a paragraph long enough to be content.
    const std::string hello = "\xE3\xD1\xCD\xC8\xC7 \xC8\xC7\xE1\xDA\xC7\xE1\xE3";
    std::string body;
    for (int i = 0; i < 6; ++i) body += hello + "\xA1 ";  // 0xA1 is the Arabic comma in windows-1256
    const std::string html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">"
                             "<title>" + hello + "</title></head><body><div><p>" + body + "</p></div></body></html>";
    const precis::document doc = precis::ingest_html(html);
    EXPECT_EQ(doc.title, "مرحبا بالعالم");
    EXPECT_NE(doc.text.find("مرحبا بالعالم، مرحبا"), std::string::npos) << doc.text;
}

TEST(ingest_html, meta_charset_attribute_is_honoured) {
    const std::string html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9 society met again "
                             "in the old town square on Sunday.</p></body></html>";
    const precis::document doc = precis::ingest_html(html);
    EXPECT_NE(doc.text.find("Café society"), std::string::npos) << doc.text;
}

TEST(ingest, sniffs_html_and_text) {
    EXPECT_EQ(precis::ingest("<!doctype html><html><body><p>A paragraph of text that is long enough.</p></body></html>")
                  .format,
              "html");
    EXPECT_EQ(precis::ingest("  <div><p>A fragment with a paragraph that is long enough to keep.</p></div>").format,
              "html");
    EXPECT_EQ(precis::ingest("Plain text that mentions the <p> tag once in passing.").format, "text");
    EXPECT_EQ(precis::ingest("Just an article.\n\nWith two paragraphs.").format, "text");
}

// Hostile input: every call must either return a document or throw precis::error, never crash or hang.
template <class F>
void survives(F &&f, const char *what) {
    try {
        f();
    } catch (const precis::error &) {
    } catch (const std::exception &e) {
        ADD_FAILURE() << what << ": unexpected exception " << e.what();
    }
}

TEST(ingest_robustness, truncated_html_does_not_crash) {
    const std::string html = "<html><head><title>Cut</title></head><body><div class=\"content\"><p>The report "
                             "was published on Monday, and it runs to forty pages, with tables.</p><p>Second par";
    for (std::size_t n = 0; n <= html.size(); n += 7)
        survives([&] { precis::ingest_html(html.substr(0, n)); }, "truncated html");
    const precis::document doc = precis::ingest_html(html);
    EXPECT_NE(doc.text.find("forty pages"), std::string::npos);
}

TEST(ingest_robustness, deeply_nested_tags_do_not_exhaust_the_stack) {
    std::string html = "<html><body>";
    for (int i = 0; i < 100000; ++i) html += "<div>";
    html += "<p>Deep text, written at the bottom of a very deep tree of elements.</p>";
    survives([&] { precis::ingest_html(html); }, "deep nesting");
    std::string spans = "<html><body><p>";
    for (int i = 0; i < 100000; ++i) spans += "<b><i>";
    survives([&] { precis::ingest_html(spans + "x"); }, "deep inline nesting");
}

TEST(ingest_robustness, random_bytes_are_refused_or_survived) {
    std::mt19937 rng(42);
    for (int round = 0; round < 200; ++round) {
        std::string bytes(static_cast<std::size_t>(rng() % 4096), '\0');
        for (char &c : bytes) c = static_cast<char>(rng() % 256);
        survives([&] { precis::ingest(bytes); }, "random bytes");
        survives([&] { precis::ingest_html(bytes); }, "random bytes as html");
        // Random printable ASCII with tags sprinkled in exercises the parser rather than the binary check.
        for (char &c : bytes) c = "<>/ pdivab=\"'&;#x\n"[rng() % 18];
        survives([&] { precis::ingest(bytes); }, "tag soup");
    }
}

TEST(ingest_robustness, ten_megabytes_on_one_line_is_handled) {
    std::string line;
    line.reserve(10u << 20);
    while (line.size() < (10u << 20)) line += "The river rose again overnight, and the town council met at noon. ";
    const precis::document doc = precis::ingest_text(line);
    EXPECT_GT(precis::count_words(doc.text), 1000000u);
    EXPECT_TRUE(doc.removed.empty());
    const precis::document html = precis::ingest_html("<html><body><p>" + line + "</p></body></html>");
    EXPECT_GT(precis::count_words(html.text), 1000000u);
}

}  // namespace
