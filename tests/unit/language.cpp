// Scripts, the language table, name lookup and language identification.
#include <gtest/gtest.h>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "precis/language.h"

using precis::script;

TEST(language, required_languages_are_supported_with_consistent_entries) {
    for (const char *code :
         {"ar", "en", "fr", "es", "de", "ru", "zh", "ja", "it", "pt", "tr", "fa", "ur", "he", "hi", "ko"}) {
        const auto *l = precis::find_language(code);
        ASSERT_NE(l, nullptr) << code;
        EXPECT_EQ(l->code, code);
        EXPECT_FALSE(l->english_name.empty()) << code;
        EXPECT_FALSE(l->native_name.empty()) << code;
    }
    EXPECT_TRUE(precis::find_language("ar")->right_to_left);
    EXPECT_TRUE(precis::find_language("he")->right_to_left);
    EXPECT_FALSE(precis::find_language("en")->right_to_left);
    EXPECT_TRUE(precis::find_language("zh")->counts_characters);
    EXPECT_TRUE(precis::find_language("ja")->counts_characters);
    EXPECT_EQ(precis::find_language("ar")->letters, script::arabic);
    EXPECT_EQ(precis::find_language("ru")->letters, script::cyrillic);
}

TEST(language, names_in_english_native_and_arabic_forms_are_found) {
    const std::pair<const char *, const char *> cases[] = {
        {"Arabic", "ar"},
        {"العربية", "ar"},
        {"عربي", "ar"},
        {"بالعربية", "ar"},
        {"باللغة العربية", "ar"},
        {"الإنجليزية", "en"},
        {"بالإنجليزية", "en"},
        {"الانجليزية", "en"},
        {"français", "fr"},
        {"francais", "fr"},
        {"FRENCH", "fr"},
        {"Deutsch", "de"},
        {"русский", "ru"},
        {"Русский", "ru"},
        {"中文", "zh"},
        {"Chinese", "zh"},
        {"Mandarin", "zh"},
        {"español", "es"},
        {"Espanol", "es"},
        {"日本語", "ja"},
        {"한국어", "ko"},
        {"فارسی", "fa"},
        {"Farsi", "fa"},
        {"اردو", "ur"},
        {"עברית", "he"},
        {"हिन्दी", "hi"},
        {"Türkçe", "tr"},
        {"turkce", "tr"},
        {"português", "pt"},
        {"italiano", "it"},
        {"  English  ", "en"},
        {"English.", "en"},
        {"zh-CN", "zh"},
        {"pt_BR", "pt"},
        {"EN-us", "en"},
        {"in Arabic", "ar"},
        {"the German language", "de"},
        {"بالعَرَبِيَّة", "ar"},
    };
    for (const auto &[name, code] : cases) {
        const auto *l = precis::find_language(name);
        ASSERT_NE(l, nullptr) << "'" << name << "' was not recognised";
        EXPECT_EQ(l->code, code) << name;
    }
}

TEST(language, unknown_names_are_not_found) {
    for (const char *name : {"", "  ", "Klingon", "xx", "words", "id card", "2000", "بالكلينغونية"})
        EXPECT_EQ(precis::find_language(name), nullptr) << "'" << name << "' should be unknown";
}

TEST(language, no_accepted_name_belongs_to_two_languages) {
    std::set<std::string_view> codes;
    for (const auto &l : precis::supported_languages()) {
        EXPECT_TRUE(codes.insert(l.code).second) << "duplicate code " << l.code;
        for (auto n : l.names) {
            const auto *found = precis::find_language(n);
            ASSERT_NE(found, nullptr) << n;
            EXPECT_EQ(found->code, l.code)
                << "'" << n << "' listed for " << l.code << " resolves to " << found->code;
        }
    }
}

TEST(language, script_of_folds_kana_and_treats_digits_as_common) {
    EXPECT_EQ(precis::script_of(U'a'), script::latin);
    EXPECT_EQ(precis::script_of(U'é'), script::latin);
    EXPECT_EQ(precis::script_of(U'ع'), script::arabic);
    EXPECT_EQ(precis::script_of(U'ж'), script::cyrillic);
    EXPECT_EQ(precis::script_of(U'中'), script::han);
    EXPECT_EQ(precis::script_of(U'ひ'), script::kana);
    EXPECT_EQ(precis::script_of(U'カ'), script::kana);
    EXPECT_EQ(precis::script_of(U'한'), script::hangul);
    EXPECT_EQ(precis::script_of(U'ש'), script::hebrew);
    EXPECT_EQ(precis::script_of(U'ह'), script::devanagari);
    EXPECT_EQ(precis::script_of(U'λ'), script::greek);
    EXPECT_EQ(precis::script_of(U'5'), script::common);
    EXPECT_EQ(precis::script_of(U'٣'), script::arabic) << "Arabic-Indic digits belong to the Arabic script";
    EXPECT_EQ(precis::script_of(U'،'), script::common);
    EXPECT_STREQ(precis::script_name(script::arabic), "arabic");
}

TEST(language, dominant_script_and_share_count_letters_only) {
    EXPECT_EQ(precis::dominant_script("قالت شركة DeepSeek إن 2,048 شريحة H800"), script::arabic);
    EXPECT_EQ(precis::dominant_script("12,345 — !!"), script::unknown);
    EXPECT_DOUBLE_EQ(precis::script_share("123 ...", script::arabic), 1.0);
    EXPECT_DOUBLE_EQ(precis::script_share("abcd عربي 42", script::arabic), 0.5)
        << "4 Latin, 4 Arabic letters";
    EXPECT_DOUBLE_EQ(precis::script_share("AI芯片", script::han), 0.5);
}

namespace {

struct sample {
    const char *code;
    const char *text;
};

// Short news-style sentences written for these tests.
const sample samples[] = {
    {"en", "The central bank raised interest rates again on Thursday, saying inflation was still too high."},
    {"en", "Shares of the chip maker fell sharply after the company warned that demand would weaken."},
    {"fr",
     "La banque centrale a relevé ses taux jeudi, estimant que l'inflation restait beaucoup trop élevée."},
    {"fr", "Les habitants de la ville attendent depuis des mois la réouverture de la gare principale."},
    {"es",
     "El banco central subió los tipos de interés el jueves porque la inflación sigue siendo demasiado "
     "alta."},
    {"es", "Los vecinos del barrio llevan meses esperando que el ayuntamiento arregle las calles."},
    {"de",
     "Die Zentralbank hat am Donnerstag die Zinsen erneut erhöht, weil die Inflation weiterhin zu hoch ist."},
    {"de", "Die Bewohner der Stadt warten seit Monaten darauf, dass der Bahnhof wieder geöffnet wird."},
    {"it",
     "La banca centrale ha alzato di nuovo i tassi giovedì, dicendo che l'inflazione è ancora troppo alta."},
    {"pt",
     "O banco central voltou a subir os juros na quinta-feira, dizendo que a inflação continua muito alta."},
    {"tr",
     "Merkez bankası perşembe günü faiz oranlarını yeniden artırdı ve enflasyonun hâlâ çok yüksek olduğunu "
     "söyledi."},
    {"ru", "Центральный банк в четверг снова повысил ставку, заявив, что инфляция остаётся слишком высокой."},
    {"ru", "Жители города уже несколько месяцев ждут, когда откроют главный вокзал."},
    {"uk",
     "Центральний банк у четвер знову підвищив ставку, заявивши, що інфляція залишається надто високою."},
    {"zh", "中央银行周四再次加息，称通货膨胀仍然过高。"},
    {"zh", "这家芯片公司表示，由于需求疲软，明年的收入可能会下降。"},
    {"ja", "中央銀行は木曜日、インフレがまだ高すぎるとして再び利上げした。"},
    {"ko", "중앙은행은 목요일 인플레이션이 여전히 너무 높다며 금리를 다시 인상했다."},
    {"ar", "رفع البنك المركزي أسعار الفائدة مجددا يوم الخميس، قائلا إن التضخم لا يزال مرتفعا للغاية."},
    {"fa", "بانک مرکزی روز پنجشنبه دوباره نرخ بهره را افزایش داد و گفت که تورم هنوز بسیار بالاست."},
    {"ur", "مرکزی بینک نے جمعرات کو شرح سود میں دوبارہ اضافہ کیا اور کہا کہ مہنگائی اب بھی بہت زیادہ ہے۔"},
    {"he", "הבנק המרכזי העלה שוב את הריבית ביום חמישי ואמר שהאינפלציה עדיין גבוהה מדי."},
    {"hi", "केंद्रीय बैंक ने गुरुवार को फिर से ब्याज दरें बढ़ाईं और कहा कि महंगाई अब भी बहुत अधिक है।"},
};

}  // namespace

TEST(language, short_news_sentences_are_identified) {
    std::size_t correct = 0;
    for (const auto &s : samples) {
        const auto g = precis::identify_language(s.text);
        EXPECT_EQ(g.code, s.code) << s.text << " (confidence " << g.confidence << ")";
        EXPECT_GT(g.confidence, 0.0) << s.text;
        EXPECT_LE(g.confidence, 1.0) << s.text;
        correct += g.code == s.code;
    }
    std::printf("short sentences: %zu/%zu identified correctly\n", correct, std::size(samples));
}

TEST(language, text_without_letters_is_not_identified) {
    EXPECT_EQ(precis::identify_language("").code, "");
    EXPECT_EQ(precis::identify_language("2,048 — 3.5% !!").code, "");
}

TEST(language, arabic_with_latin_names_and_digits_is_arabic) {
    const auto g = precis::identify_language(
        "أعلنت شركة DeepSeek أنها استخدمت 2,048 شريحة H800 من Nvidia لتدريب نموذجها.");
    EXPECT_EQ(g.code, "ar");
    EXPECT_GT(g.confidence, 0.5);
}

TEST(language, identification_is_thread_safe) {
    std::vector<std::thread> threads;
    std::vector<int> ok(8, 0);
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            int good = 0;
            for (int i = 0; i < 20; ++i)
                for (const auto &s : samples) good += precis::identify_language(s.text).code == s.code;
            ok[t] = good;
        });
    for (auto &th : threads) th.join();
    int single = 0;
    for (const auto &s : samples) single += precis::identify_language(s.text).code == s.code;
    for (int t = 0; t < 8; ++t)
        EXPECT_EQ(ok[t], 20 * single) << "thread " << t << " disagreed with one thread";
}
