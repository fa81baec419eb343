// The extractive realiser: nothing invented, exact paragraph count, length in range, clause cuts.
#include <gtest/gtest.h>

#include <random>
#include <thread>
#include <string>

#include "eval/corpus.h"
#include "precis/error.h"
#include "precis/extractive.h"
#include "precis/sentences.h"
#include "precis/words.h"

namespace {

using precis::detail::analyze_plain;
using precis::detail::make_spec;

// Fresh fixtures: an English report and an Arabic one, several paragraphs each.
const char *english =
    "A research vessel returned to port on Friday after four months in the southern ocean. The crew measured "
    "water temperature, salinity and plankton at two hundred stations.\n\n"
    "Scientists on board said the surface water was warmer than in any earlier survey, by almost one degree in "
    "some areas. They also found fewer krill near the ice edge, which worries biologists who study whales.\n\n"
    "The data will be shared with other institutes, and a first report is planned for the spring. The ship, "
    "built in 1998, will be refitted over the summer; its engines, pumps and winches will be replaced. A new "
    "laboratory will be added on the upper deck.\n\n"
    "The next expedition, planned for next winter, will follow the same route; it will carry a larger crew, "
    "two new sonar systems, and a drone for mapping the ice from above.";

const char *arabic =
    "افتتحت البلدية مكتبة عامة جديدة في وسط المدينة يوم الأحد. وتضم المكتبة أكثر من عشرين ألف كتاب، وقاعة "
    "للمطالعة، وركنا خاصا للأطفال.\n\n"
    "وقال رئيس البلدية إن المشروع استغرق ثلاث سنوات، وإن كلفته بلغت خمسة ملايين دينار. وأضاف أن المكتبة ستفتح "
    "أبوابها كل يوم من الصباح حتى المساء.\n\n"
    "ورحب السكان بالمكتبة الجديدة، وقال بعضهم إنها أول مكتبة عامة في الحي منذ عقود. وتخطط البلدية لتنظيم "
    "أمسيات أدبية شهرية فيها، ولإطلاق برنامج لتعليم القراءة للكبار.";

bool source_contains(const precis::source_analysis &a, const std::string &s) {
    return a.text.find(s) != std::string::npos;
}

std::size_t total_words(const precis::extractive_result &r) {
    std::size_t n = 0;
    for (const auto &p : r.paragraphs) n += precis::count_words(p);
    return n;
}

}  // namespace

TEST(extractive, every_sentence_comes_from_the_source_except_a_cut_prefix) {
    for (auto [text, lang] : {std::pair{english, "en"}, std::pair{arabic, "ar"}}) {
        const auto a = analyze_plain(text, lang, false);
        const auto r = precis::summarize_extractive(a, make_spec(45, 2, lang));
        for (const auto &p : r.paragraphs) {
            for (auto s : precis::split_sentences(p, lang)) {
                std::string sent = p.substr(s.begin, s.end - s.begin);
                if (source_contains(a, sent)) continue;
                // A cut sentence: everything but its terminator must be a prefix of a source sentence.
                std::string head = sent.substr(0, sent.size() - 1);
                if (head.ends_with("\u2026")) head.resize(head.size() - 3);  // a cut inside a clause
                bool prefix = false;
                for (const auto &src : a.sentences) prefix = prefix || src.text.rfind(head, 0) == 0;
                EXPECT_TRUE(prefix) << "invented text in the " << lang << " summary: " << sent;
            }
        }
    }
}

TEST(extractive, paragraph_count_is_exact_and_length_in_range_for_random_specs) {
    std::mt19937 rng(7);
    for (auto [text, lang] : {std::pair{english, "en"}, std::pair{arabic, "ar"}}) {
        const auto a = analyze_plain(text, lang, false);
        for (int trial = 0; trial < 60; ++trial) {
            const std::size_t k = 1 + rng() % std::min<std::size_t>(a.sentences.size(), 5);
            const std::size_t words = std::max<std::size_t>(k, 5 + rng() % (a.words - 5));
            const auto spec = make_spec(words, k, lang);
            const auto r = precis::summarize_extractive(a, spec);
            ASSERT_EQ(r.paragraphs.size(), k) << lang << " words=" << words;
            const std::size_t n = total_words(r);
            EXPECT_GE(n, spec.min_words) << lang << " words=" << words << " k=" << k;
            EXPECT_LE(n, spec.max_words) << lang << " words=" << words << " k=" << k;
            for (const auto &p : r.paragraphs) EXPECT_FALSE(p.empty());
        }
    }
}

TEST(extractive, a_cut_sentence_ends_at_a_clause_boundary_with_its_terminator) {
    EXPECT_EQ(precis::cut_sentence("The ship, built in 1998, will be refitted over the summer.", 2), "The ship.");
    EXPECT_EQ(precis::cut_sentence("Will the ship, built in 1998, sail again?", 3), "Will the ship?");
    EXPECT_EQ(precis::cut_sentence("وقال رئيس البلدية إن المشروع استغرق ثلاث سنوات، وإن كلفته بلغت خمسة ملايين.", 8),
              "وقال رئيس البلدية إن المشروع استغرق ثلاث سنوات.");
    EXPECT_EQ(precis::cut_sentence("وقال رئيس البلدية إن المشروع استغرق ثلاث سنوات، وإن كلفته بلغت خمسة ملايين.", 7),
              "وقال رئيس البلدية إن المشروع استغرق ثلاث\u2026.")
        << "a cut inside a clause is marked with an ellipsis";
    EXPECT_EQ(precis::cut_sentence("Short one.", 5), "Short one.") << "keeping all words keeps the sentence";
    EXPECT_EQ(precis::cut_sentence("He said \"we will return next year, with a bigger ship\".", 5),
              "He said \"we will return\u2026\".")
        << "a quotation the cut leaves open is closed";
    EXPECT_EQ(precis::cut_sentence("وقال المدير «سنفتح المدرسة، ونستقبل الطلاب» أمس.", 3), "وقال المدير «سنفتح\u2026».");
    EXPECT_EQ(precis::cut_sentence("\u201CWe will follow \u00ABthe plan of the council\u00BB to the letter\u201D, she said.", 6),
              "\u201CWe will follow \u00ABthe plan of\u2026\u00BB\u201D.")
        << "quotations are closed innermost first";
    EXPECT_EQ(precis::cut_sentence("The 12\" pipe was replaced last week by the harbour crew.", 5),
              "The 12\" pipe was replaced\u2026.")
        << "an inch mark is not a quotation";
}

TEST(extractive, whole_source_when_the_target_exceeds_it_with_a_warning) {
    const auto a = analyze_plain(english, "en", false);
    const auto r = precis::summarize_extractive(a, make_spec(a.words * 2, 3, "en"));
    EXPECT_EQ(total_words(r), a.words);
    ASSERT_EQ(r.paragraphs.size(), 3u);
    EXPECT_EQ(r.warnings.size(), 1u);
}

TEST(extractive, more_paragraphs_than_sentences_is_refused) {
    const auto a = analyze_plain(arabic, "ar", false);
    try {
        precis::summarize_extractive(a, make_spec(50, a.sentences.size() + 1, "ar"));
        FAIL() << "expected error{usage}";
    } catch (const precis::error &e) {
        EXPECT_EQ(e.code, precis::errc::usage);
    }
}

TEST(extractive, more_paragraphs_than_chosen_sentences_still_gives_exact_count_and_length) {
    // 6 paragraphs in 30 words from long sentences: sentences must be added and cut to fit.
    const auto a = analyze_plain(english, "en", false);
    ASSERT_GE(a.sentences.size(), 6u);
    const auto spec = make_spec(30, 6, "en");
    const auto r = precis::summarize_extractive(a, spec);
    ASSERT_EQ(r.paragraphs.size(), 6u);
    EXPECT_GE(total_words(r), spec.min_words);
    EXPECT_LE(total_words(r), spec.max_words);
}

TEST(extractive, concurrent_calls_give_the_same_summary_as_one_call) {
    const auto a = analyze_plain(arabic, "ar", false);
    const auto spec = make_spec(40, 2, "ar");
    const auto want = precis::summarize_extractive(a, spec).paragraphs;
    std::vector<std::vector<std::string>> got(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < got.size(); ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) got[t] = precis::summarize_extractive(a, spec).paragraphs;
        });
    for (auto &th : threads) th.join();
    for (const auto &g : got) EXPECT_EQ(g, want);
}

namespace {

// An Arabic report that opens with one long sentence of eight comma-joined clauses (64 words), as Arabic news
// often does, followed by short sentences.
std::string arabic_long_lead() {
    const char *clauses[] = {
        "عقد مجلس الجامعة اجتماعه السنوي في القاعة الكبرى صباح الاثنين",
        "وناقش خلاله خطة توسيع كلية الطب وبناء مختبرات جديدة للطلاب",
        "واستمع الأعضاء إلى تقرير مفصل عن ميزانية العام الماضي ونفقاته",
        "وقرروا زيادة عدد المنح الدراسية المخصصة للطلاب المتفوقين من القرى",
        "كما وافقوا على إنشاء مركز للبحوث الزراعية قرب الحدود الجنوبية",
        "وطالب بعضهم بتحسين رواتب الأساتذة الشبان قبل بداية الفصل المقبل",
        "ودعا آخرون إلى تعاون أوثق مع جامعات الدول المجاورة في البحث",
        "واختتم الاجتماع بتكريم عدد من الموظفين المتقاعدين بعد سنوات طويلة"};
    std::string text;
    for (const char *c : clauses) {
        if (!text.empty()) text += "، ";
        text += c;
    }
    text += ". وسيبدأ العمل في المختبرات الجديدة خلال الصيف المقبل بحسب ما أعلنه رئيس المجلس.";
    text += " وتأسست الجامعة قبل أربعين عاما وتضم اليوم أكثر من ثلاثين ألف طالب وطالبة.";
    text += " ويأمل الطلاب أن تخفف المنح الجديدة عبء الرسوم الدراسية عن أسرهم الفقيرة.";
    text += " وأشاد الحاضرون بالتقرير المالي الذي أظهر فائضا صغيرا للمرة الأولى منذ سنوات.";
    return text;
}

}  // namespace

TEST(extractive, a_long_arabic_sentence_is_used_up_to_a_clause_boundary_leaving_room_for_others) {
    const auto a = analyze_plain(arabic_long_lead(), "ar", false);
    ASSERT_GE(a.sentences.size(), 3u);
    ASSERT_GT(a.sentences[0].words, precis::default_max_sentence_words("ar") + 10) << "the fixture's lead is long";
    const auto spec = make_spec(75, 1, "ar");
    const auto r = precis::summarize_extractive(a, spec);
    ASSERT_EQ(r.paragraphs.size(), 1u);
    EXPECT_GE(total_words(r), spec.min_words);
    EXPECT_LE(total_words(r), spec.max_words);
    const auto sents = precis::split_sentences(r.paragraphs[0], "ar");
    ASSERT_GE(sents.size(), 2u) << "the words the long sentence gave up go to another sentence: " << r.paragraphs[0];
    const std::string first = r.paragraphs[0].substr(sents[0].begin, sents[0].end - sents[0].begin);
    const std::size_t first_words = precis::count_words(first);
    EXPECT_LT(first_words, a.sentences[0].words) << first;
    EXPECT_LE(first_words, precis::default_max_sentence_words("ar") * 5 / 4) << first;
    // The head ends where a clause of the source sentence ends: the source goes on with a comma there.
    const std::string head = first.substr(0, first.size() - 1);  // without its "."
    EXPECT_NE(a.sentences[0].text.find(head + "،"), std::string::npos) << "cut inside a clause: " << first;
}

TEST(extractive, long_sentences_are_kept_whole_when_the_limit_is_off_or_for_english) {
    const auto a = analyze_plain(arabic_long_lead(), "ar", false);
    precis::plan_params off;
    off.max_sentence_words = 0;
    const auto r = precis::summarize_extractive(a, make_spec(75, 1, "ar"), off);
    ASSERT_EQ(r.paragraphs.size(), 1u);
    const auto sents = precis::split_sentences(r.paragraphs[0], "ar");
    ASSERT_FALSE(sents.empty());
    const std::string first = r.paragraphs[0].substr(sents[0].begin, sents[0].end - sents[0].begin);
    EXPECT_GT(precis::count_words(first), precis::default_max_sentence_words("ar") * 5 / 4)
        << "with max_sentence_words = 0 the lead sentence is not limited: " << r.paragraphs[0];
    EXPECT_EQ(precis::default_max_sentence_words("en"), 0u) << "English sentences are not limited by default";
}

// A limit of one word must still grow until the heads reach the target (1 + 1/2 used to stay 1 forever).
TEST(extractive, a_one_word_sentence_limit_still_reaches_the_target) {
    const std::string lead = arabic_long_lead();
    const std::string first = lead.substr(0, lead.find(". ") + 1);
    const auto a = analyze_plain(first + " " + first, "ar", false);
    precis::plan_params one;
    one.max_sentence_words = 1;
    const auto spec = make_spec(30, 1, "ar");
    const auto r = precis::summarize_extractive(a, spec, one);
    ASSERT_EQ(r.paragraphs.size(), 1u);
    const auto words = precis::count_words(r.paragraphs[0]);
    EXPECT_GE(words, spec.min_words) << r.paragraphs[0];
    EXPECT_LE(words, spec.max_words) << r.paragraphs[0];
}

TEST(extractive, the_target_is_reached_when_sentence_heads_alone_are_too_short) {
    // Two long sentences (64 + 64 words) and a target above what their heads hold: sentences are used whole.
    const std::string lead = arabic_long_lead();
    const std::string first = lead.substr(0, lead.find(". ") + 1);
    const auto a = analyze_plain(first + " " + first, "ar", false);
    ASSERT_EQ(a.sentences.size(), 2u);
    const auto spec = make_spec(110, 2, "ar");
    const auto r = precis::summarize_extractive(a, spec);
    ASSERT_EQ(r.paragraphs.size(), 2u);
    EXPECT_GE(total_words(r), spec.min_words);
    EXPECT_LE(total_words(r), spec.max_words);
}

TEST(extractive, paragraph_count_is_exact_and_length_in_range_when_long_arabic_sentences_are_limited) {
    // Long sentences between short ones, any target: the limit never costs the length or the paragraph count.
    const std::string lead = arabic_long_lead();
    const std::string first = lead.substr(0, lead.find(". ") + 1);
    const auto a = analyze_plain(lead + "\n\n" + first + " " + arabic + "\n\n" + first, "ar", false);
    std::mt19937 rng(11);
    for (int trial = 0; trial < 80; ++trial) {
        const std::size_t k = 1 + rng() % std::min<std::size_t>(a.sentences.size(), 6);
        const std::size_t words = std::max<std::size_t>(k, 5 + rng() % (a.words - 5));
        const auto spec = make_spec(words, k, "ar");
        const auto r = precis::summarize_extractive(a, spec);
        ASSERT_EQ(r.paragraphs.size(), k) << "words=" << words;
        const std::size_t n = total_words(r);
        EXPECT_GE(n, spec.min_words) << "words=" << words << " k=" << k;
        EXPECT_LE(n, spec.max_words) << "words=" << words << " k=" << k;
    }
}
