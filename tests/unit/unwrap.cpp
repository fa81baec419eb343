// Hard-wrapped text (lines broken at a fixed width in mid-sentence) is rejoined by ingest, so a sentence is
// a sentence and not a line; text written one paragraph per line, headings and short lists keep their lines.
#include <gtest/gtest.h>

#include <string>

#include "precis/analyze.h"
#include "precis/ingest.h"

namespace {

// A 62-column wrap of three sentences about a ferry timetable, with a heading above it.
constexpr const char *wrapped_english =
    "Ferry timetable changes\n"
    "The harbour board said on Monday that the morning ferry to the\n"
    "outer islands will leave forty minutes earlier from March, so\n"
    "that fishermen can reach the market before it opens. Tickets\n"
    "bought for the old times will be honoured until the end of the\n"
    "month. A second boat is planned for the summer season when\n"
    "visitor numbers double.\n";

// The same kind of wrap in Arabic (a village well restored by its residents), at 64 characters.
constexpr const char *wrapped_arabic =
    "أعاد سكان القرية الجبلية ترميم البئر القديمة بعد أن جفت لسنوات\n"
    "طويلة وجمعوا تكاليف العمل من تبرعات الأسر والمغتربين في المدن\n"
    "الكبرى خلال فصل الشتاء الماضي. وقال رئيس المجلس المحلي إن الماء\n"
    "عاد إلى البئر بعد تنظيفها من الطمي وتدعيم جدرانها بالحجارة\n"
    "المحلية التي قطعها الشباب من المحجر القريب. وتخطط القرية الآن\n"
    "لزراعة أشجار الزيتون حول البئر.\n";

TEST(unwrap, hard_wrapped_english_becomes_whole_sentences_and_keeps_its_heading) {
    const auto doc = precis::ingest_text(wrapped_english);
    EXPECT_EQ(doc.text.find("to the\nouter"), std::string::npos) << doc.text;
    EXPECT_NE(doc.text.find("to the outer islands"), std::string::npos) << doc.text;
    EXPECT_EQ(doc.text.rfind("Ferry timetable changes\n", 0), 0u) << "the heading must stay its own line:\n"
                                                                    << doc.text;
    const auto a = precis::analyze(wrapped_english);
    EXPECT_EQ(a.sentences.size(), 4u) << "heading + three sentences";
    EXPECT_EQ(a.sentences.back().text, "A second boat is planned for the summer season when visitor numbers double.");
}

TEST(unwrap, hard_wrapped_arabic_becomes_whole_sentences) {
    const auto a = precis::analyze(wrapped_arabic);
    ASSERT_EQ(a.sentences.size(), 3u);
    EXPECT_EQ(a.sentences[2].text, "وتخطط القرية الآن لزراعة أشجار الزيتون حول البئر.");
    EXPECT_EQ(a.text.find('\n'), std::string::npos) << a.text;
}

TEST(unwrap, one_paragraph_per_line_is_left_alone) {
    const std::string text =
        "The council approved the new cycle lanes after a two-hour debate on Tuesday evening, with nine votes "
        "in favour and four against, and work will start on the northern route in April.\n"
        "Shop owners on the high street had asked for a delay.\n"
        "A spokesperson for the cycling club welcomed the decision and said the group would help to plan the "
        "second phase, which links the station with the university campus across the river.\n"
        "The total cost is estimated at 2.4 million.\n";
    const auto doc = precis::ingest_text(text);
    EXPECT_EQ(doc.text, text.substr(0, text.size() - 1));
}

TEST(unwrap, lists_headlines_addresses_and_verse_keep_their_lines) {
    for (const std::string text : {
             std::string("Ingredients\n\nTwo cups of flour\nOne cup of sugar\nThree large eggs\nA pinch of salt\n"),
             std::string("Council approves new cycle lanes for the northern district\n"
                         "Harbour ferry timetable to change from March after review\n"
                         "Local bakery wins regional prize for its sourdough bread\n"
                         "Library reopens after a year of repairs to the old roof\n"),
             std::string("Brennick Harbour Board\nQuay Street 14\nBrennick BR2 4QT\nTelephone 0160 555 0192\n"),
             std::string("abcdefgh\nabcdefgh\nabcdefgh\nabcdefgh\n"),
             std::string("The tide comes in across the sand\nand leaves the harbour wall behind\nthe gulls "
                         "return to where they stand\nand wait for what the boats will find\n")}) {
        const auto doc = precis::ingest_text(text);
        EXPECT_EQ(doc.text, text.substr(0, text.size() - 1)) << text;
    }
}

TEST(unwrap, a_list_of_short_lines_is_left_alone) {
    const std::string text =
        "What to bring on the hike\n"
        "Water for the whole day\n"
        "A warm layer for the summit\n"
        "Sun cream and a hat\n"
        "A charged phone\n"
        "Snacks to share at lunch\n";
    const auto doc = precis::ingest_text(text);
    EXPECT_EQ(doc.text, text.substr(0, text.size() - 1));
}

}  // namespace
