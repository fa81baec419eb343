// run_checks: every check of precis/check.h on texts indexed once (text_index), so the whole gate stays
// linear in the summary and source sizes.
#include "precis/check.h"

#include <algorithm>
#include <bit>
#include <bitset>
#include <unordered_map>

#include <fmt/format.h>

#include "ingest/boilerplate.h"
#include "precis/facts.h"
#include "precis/ingest.h"
#include "precis/language.h"
#include "precis/utf8.h"
#include "precis/words.h"
#include "text/utf8_fast.h"
#include "verify/checks.h"

namespace precis {

namespace {

using detail::text_index;

constexpr std::size_t max_quote_bytes = 80;
constexpr std::size_t max_listed = 5;

// A short excerpt for a detail line, cut at a code point boundary.
std::string excerpt(std::string_view text) {
    if (text.size() <= max_quote_bytes) return fmt::format("«{}»", text);
    std::size_t cut = max_quote_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return fmt::format("«{}…»", text.substr(0, cut));
}

std::string_view span(const text_index &idx, std::size_t first_word, std::size_t last_word) {
    return idx.text.substr(idx.words[first_word].begin, idx.words[last_word].end - idx.words[first_word].begin);
}

std::string join_list(const std::vector<std::string> &items, std::size_t total) {
    std::string out;
    for (const auto &i : items) out += (out.empty() ? "" : ", ") + i;
    if (total > items.size()) out += fmt::format(" and {} more", total - items.size());
    return out;
}

// ---- structure --------------------------------------------------------------------------------------------

check_item check_paragraph_count(const std::vector<std::string_view> &paragraphs, const summary_spec &spec) {
    check_item item{"paragraph_count", true, {}, nullptr};
    const std::size_t n = paragraphs.size();
    item.data = {{"paragraphs", n}, {"requested", spec.paragraphs}};
    if (spec.paragraphs == 0) {
        item.detail = fmt::format("{} paragraphs (no paragraph count requested)", n);
    } else if (n == spec.paragraphs) {
        item.detail = fmt::format("{} paragraphs, as requested", n);
    } else {
        item.passed = false;
        item.detail = fmt::format("{} paragraphs, {} requested (paragraphs are separated by one blank line)", n,
                                  spec.paragraphs);
    }
    return item;
}

// Words per paragraph from the summary's index instead of a count_words pass per paragraph. The same
// count: paragraphs are views into the summary and everything between them is whitespace (blank lines,
// trimmed ends), so every word of find_words (whose number is count_words's) lies in one paragraph.
check_item check_word_count(const std::vector<std::string_view> &paragraphs, const text_index &summary,
                            const summary_spec &spec) {
    check_item item{"word_count", true, {}, nullptr};
    std::size_t total = 0;
    std::vector<std::size_t> per;
    per.reserve(paragraphs.size());
    std::string list;
    std::size_t w = 0;
    for (auto p : paragraphs) {
        const auto begin = static_cast<std::size_t>(p.data() - summary.text.data());
        const std::size_t end = begin + p.size();
        while (w < summary.words.size() && summary.words[w].begin < begin) ++w;
        std::size_t n = 0;
        for (; w < summary.words.size() && summary.words[w].begin < end; ++w) ++n;
        per.push_back(n);
        total += n;
        list += (list.empty() ? "" : ", ") + std::to_string(n);
    }
    item.data = {{"total", total}, {"paragraphs", per}, {"min_words", spec.min_words}, {"max_words", spec.max_words}};
    if (spec.max_words == 0) {
        item.detail = fmt::format("{} words (no length requested); per paragraph: {}", total, list);
    } else if (total >= spec.min_words && total <= spec.max_words) {
        item.detail = fmt::format("{} words, within [{}, {}]; per paragraph: {}", total, spec.min_words,
                                  spec.max_words, list);
    } else {
        item.passed = false;
        item.detail = fmt::format("{} words, {} [{}, {}] by {}; per paragraph: {}", total,
                                  total < spec.min_words ? "short of" : "over", spec.min_words, spec.max_words,
                                  total < spec.min_words ? spec.min_words - total : total - spec.max_words, list);
    }
    return item;
}

// ---- script and names -------------------------------------------------------------------------------------

struct summary_names {
    std::vector<detail::name_token> names;
    std::vector<std::pair<std::size_t, std::size_t>> missing;  // byte spans of runs of words not in the source
    // Byte spans, in order, of the summary's Latin words that are words of a name in the source: the copies
    // target_script does not count. Filled only for targets not written in Latin script.
    std::vector<std::pair<std::size_t, std::size_t>> copied;
};

// How the summary's names are told from its words: by the target language when it is known (a summary
// meant to be Arabic is not English prose however few Arabic letters it has; German capitalises every
// noun), else by the summary's own letters.
detail::name_rules summary_name_rules(const language *target) {
    if (!target) return detail::name_rules::by_text;
    if (target->letters != script::latin) return detail::name_rules::other_script;
    return target->code == "de" ? detail::name_rules::nouns_capitalised : detail::name_rules::latin_prose;
}

summary_names find_names(const text_index &summary, const text_index *source, const language *target) {
    summary_names r;
    r.names = detail::scan_names(summary.text, &summary, summary_name_rules(target));
    if (!source || r.names.empty()) return r;
    // The source's names, scanned at most once and only when needed (below, twice).
    std::vector<detail::name_token> source_names;
    bool source_scanned = false;
    const auto names_of_source = [&]() -> const std::vector<detail::name_token> & {
        if (!source_scanned) source_names = detail::scan_names(source->text, source);
        source_scanned = true;
        return source_names;
    };
    // A name word is known when it is a source word, or a word of a source name (name tokens keep inner
    // "-" "." "'" that split text_index words). The summary's name words are few and the source's words
    // many: look each source word up among the summary's, and scan the source for names only when some
    // summary word is still unknown after that (a name copied from the source, the usual case, never is).
    std::vector<std::uint64_t> wanted;
    for (const auto &n : r.names) wanted.insert(wanted.end(), n.word_forms.begin(), n.word_forms.end());
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::vector<char> known(wanted.size(), 0);
    std::size_t unknown = wanted.size();
    // One bit per hash modulo 4096 spares the binary search for nearly every source word.
    std::bitset<4096> bits;
    for (auto h : wanted) bits.set(h % 4096);
    const auto mark = [&](std::uint64_t h) {
        if (!bits.test(h % 4096)) return;
        auto it = std::lower_bound(wanted.begin(), wanted.end(), h);
        if (it == wanted.end() || *it != h) return;
        char &k = known[static_cast<std::size_t>(it - wanted.begin())];
        unknown -= k == 0;
        k = 1;
    };
    for (std::size_t i = 0; i < source->words.size() && unknown > 0; ++i) mark(source->words[i].hash);
    if (unknown > 0)
        for (const auto &n : names_of_source())
            for (auto h : n.word_forms) mark(h);
    for (std::size_t i = 0; i < r.names.size(); ++i) {
        const auto &n = r.names[i];
        bool in_run = false;
        for (std::size_t k = 0; k < n.word_forms.size(); ++k) {
            const auto it = std::lower_bound(wanted.begin(), wanted.end(), n.word_forms[k]);
            const bool is_known = known[static_cast<std::size_t>(it - wanted.begin())] != 0;
            // Report the unknown words, not the whole chain: "Antikythera mechanism Harwick Penlow" is
            // reported as «Harwick Penlow» when only those two words are new.
            if (!is_known && in_run) r.missing.back().second = n.words[k].second;
            else if (!is_known) r.missing.push_back(n.words[k]);
            in_run = !is_known;
        }
    }
    // Copies for target_script: a word counts as copied only when it is a word of one of the source's names
    // (the decoder copies nothing else), so an English sentence lifted into an Arabic summary still counts
    // against the target script although each of its words is in the source.
    if (target && target->letters != script::latin) {
        std::vector<std::uint64_t> name_words;
        for (const auto &n : names_of_source())
            name_words.insert(name_words.end(), n.word_forms.begin(), n.word_forms.end());
        std::sort(name_words.begin(), name_words.end());
        for (const auto &n : r.names)
            for (std::size_t k = 0; k < n.word_forms.size(); ++k)
                if (std::binary_search(name_words.begin(), name_words.end(), n.word_forms[k]))
                    r.copied.push_back(n.words[k]);
    }
    return r;
}

check_item check_target_script(const text_index &summary_idx, const language *target, std::string_view code,
                               const summary_names &names) {
    const std::string_view summary = summary_idx.text;
    check_item item{"target_script", true, {}, nullptr};
    if (!target) {
        item.detail = code.empty() ? "no target language" : fmt::format("unknown target language \"{}\"", code);
        return item;
    }
    const script want = target->letters;
    // Japanese mixes kana with Han; Korean may use Han.
    const script also = target->code == "ja" ? script::han : target->code == "ko" ? script::han : want;
    std::size_t in_script = 0;
    std::size_t letters = 0;
    std::size_t first_off = std::string_view::npos;
    std::size_t copy_i = 0;
    // Words of Arabic letters only (no tatweel), with the ASCII whitespace before them, are counted whole:
    // each of their characters is one letter of the Arabic script, and no name lies in them.
    std::size_t next_word = 0;
    const bool arabic_wanted = want == script::arabic || also == script::arabic;
    for (std::size_t p = 0; p < summary.size();) {
        if (const detail::indexed_word *w = detail::arabic_word_at(summary_idx, p, next_word)) {
            const std::size_t n = (w->end - w->begin) / 2;
            letters += n;
            if (arabic_wanted) in_script += n;
            else if (first_off == std::string_view::npos) first_off = w->begin;
            p = w->end;
            continue;
        }
        // Latin-script names copied from the source are not counted (DESIGN.md, Counting).
        if (want != script::latin) {
            while (copy_i < names.copied.size() && names.copied[copy_i].second <= p) ++copy_i;
            if (copy_i < names.copied.size() && names.copied[copy_i].first <= p) {
                p = names.copied[copy_i].second;
                continue;
            }
        }
        const std::size_t at = p;
        const char32_t cp = detail::decode_fast(summary, p);
        script s;
        if (cp < 0x80) {
            if (!((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) continue;
            s = script::latin;
        } else if (cp >= 0x0621 && cp <= 0x064A) {
            s = script::arabic;  // the Arabic letters proper: skip the property lookups on the common path
        } else {
            if (!detail::is_letter_or_digit_fast(cp)) continue;
            s = script_of(cp);
            if (s == script::common || s == script::unknown) continue;  // digits, symbols
        }
        ++letters;
        if (s == want || s == also) ++in_script;
        else if (first_off == std::string_view::npos) first_off = at;
    }
    const double purity = letters == 0 ? 1.0 : static_cast<double>(in_script) / static_cast<double>(letters);
    item.passed = purity >= min_script_purity;
    item.data = {{"purity", purity}, {"letters", letters}, {"script", script_name(want)}};
    if (letters == 0) {
        item.detail = "no letters";
    } else if (item.passed) {
        item.detail = fmt::format("{:.1f}% of letters in {} script", purity * 100, script_name(want));
    } else {
        std::string_view from = summary.substr(first_off);
        item.detail = fmt::format("{:.1f}% of letters in {} script, {:.0f}% needed ({} of {} letters are not), "
                                  "first at byte {}: {}",
                                  purity * 100, script_name(want), min_script_purity * 100, letters - in_script,
                                  letters, first_off, excerpt(from.substr(0, std::min<std::size_t>(from.find('\n'), 200))));
    }
    return item;
}

check_item check_entities(const summary_names &names, std::string_view summary, bool have_source) {
    check_item item{"entities", true, {}, nullptr};
    if (!have_source) {
        item.detail = "no source given";
        return item;
    }
    std::vector<std::string> listed;
    nlohmann::json missing = nlohmann::json::array();
    for (const auto &[b, e] : names.missing) {
        const std::string text(summary.substr(b, e - b));
        missing.push_back({{"text", text}, {"offset", b}});
        if (listed.size() < max_listed) listed.push_back(fmt::format("«{}»", text));
    }
    item.passed = missing.empty();
    item.data = {{"names", names.names.size()}, {"not_in_source", missing}};
    item.detail = item.passed
        ? fmt::format("all {} Latin-script names are in the source", names.names.size())
        : fmt::format("{} Latin-script name{} not in the source: {}", missing.size(),
                      missing.size() == 1 ? " is" : "s are", join_list(listed, missing.size()));
    return item;
}

// ---- leaks ------------------------------------------------------------------------------------------------

// Prompt and assistant chatter in the supported languages, as word sequences (matched on matching forms, so
// "Here's", "HERE’S" and "heres" are one). Phrases that need punctuation ("Sure!") are handled apart.
constexpr std::string_view chatter_phrases[] = {
    "summarize this", "summarise this", "summarize the following", "summarise the following",
    "here is the summary", "here is a summary", "here's the summary", "here's a summary", "here is your summary",
    "here is my summary", "below is a summary", "below is the summary", "as an ai language model",
    "as an ai model", "as an ai assistant", "as a language model", "as an ai i", "i hope this helps",
    "let me know if you", "لخص", "قم بتلخيص", "لخص هذا المحتوى", "إليك ملخص", "إليك الملخص", "إليك تلخيص",
    "فيما يلي ملخص", "فيما يلي الملخص", "فيما يلي تلخيص", "هذا ملخص", "بصفتي نموذج", "بصفتي نموذجا",
    "كنموذج لغوي", "بصفتي مساعد", "بصفتي ذكاء اصطناعي", "أتمنى أن يكون هذا مفيدا", "voici le résumé",
    "voici un résumé", "résumez ce", "résume ce contenu", "en tant qu'ia", "en tant que modèle de langage",
    "en tant qu'assistant", "aquí está el resumen", "aquí tienes el resumen", "aquí tienes un resumen",
    "aquí está un resumen", "resume este contenido", "resumir este contenido", "como modelo de lenguaje",
    "como una ia", "hier ist die zusammenfassung", "hier ist eine zusammenfassung", "fasse diesen",
    "fassen sie diesen", "als ki-sprachmodell", "als sprachmodell", "вот краткое содержание", "вот резюме",
    "кратко изложите", "как языковая модель", "以下是摘要", "以下是总结", "以下是文章的摘要", "请总结",
    "总结以下内容", "作为一个人工智能", "作为一个ai", "以下は要約です", "要約してください", "aiとして",
};
// Paragraph openers that are chatter when followed by "!" / "," / ":" ("Sure!", "Summary:", "الملخص:").
constexpr std::string_view chatter_openers[] = {
    "sure", "certainly", "of course", "okay", "summary", "بالتأكيد", "حسنا", "بالطبع", "الملخص", "ملخص",
    "bien sûr", "résumé", "claro", "resumen", "gerne", "zusammenfassung", "конечно", "резюме", "当然", "摘要",
    "もちろん", "要約",
};

struct phrase {
    std::vector<std::uint64_t> words;
    std::string_view text;
};

struct phrase_table {
    std::unordered_multimap<std::uint64_t, std::size_t> by_first;  // first word → index into phrases
    std::bitset<4096> first_bits;  // first-word hashes modulo 4096: most words need no by_first lookup
    std::vector<phrase> phrases;
    std::vector<phrase> openers;
};

std::vector<std::uint64_t> word_hashes(std::string_view text) {
    const text_index idx = detail::index_text(text);
    std::vector<std::uint64_t> out;
    for (const auto &w : idx.words) out.push_back(w.hash);
    return out;
}

const phrase_table &chatter() {
    static const phrase_table table = [] {
        phrase_table t;
        for (auto p : chatter_phrases) {
            t.phrases.push_back({word_hashes(p), p});
            t.by_first.emplace(t.phrases.back().words.front(), t.phrases.size() - 1);
            t.first_bits.set(t.phrases.back().words.front() % 4096);
        }
        for (auto p : chatter_openers) t.openers.push_back({word_hashes(p), p});
        return t;
    }();
    return table;
}

bool matches_at(const text_index &idx, std::size_t i, const std::vector<std::uint64_t> &words) {
    if (i + words.size() > idx.words.size()) return false;
    for (std::size_t k = 0; k < words.size(); ++k)
        if (idx.words[i + k].hash != words[k]) return false;
    return true;
}

check_item check_instruction_leak(const text_index &summary, std::string_view instruction) {
    check_item item{"instruction_leak", true, {}, nullptr};
    std::vector<std::string> found;
    std::size_t count = 0;
    const auto report = [&](std::size_t first, std::size_t last, std::string_view what) {
        ++count;
        if (found.size() < max_listed)
            found.push_back(fmt::format("{} at byte {}: {}", what, summary.words[first].begin,
                                        excerpt(span(summary, first, last))));
    };
    // The instruction itself: any run of five of its words (all of it when shorter, but at least three, so
    // "in Arabic" alone is no evidence).
    if (!instruction.empty()) {
        const std::vector<std::uint64_t> iw = word_hashes(instruction);
        const std::size_t len = std::min<std::size_t>(iw.size(), 5);
        if (len >= 3) {
            std::vector<std::uint64_t> windows;
            for (std::size_t i = 0; i + len <= iw.size(); ++i) {
                std::uint64_t h = 0;
                for (std::size_t k = 0; k < len; ++k) h = detail::hash_combine(h, iw[i + k]);
                windows.push_back(h);
            }
            std::sort(windows.begin(), windows.end());
            for (std::size_t i = 0; i + len <= summary.words.size(); ++i) {
                std::uint64_t h = 0;
                for (std::size_t k = 0; k < len; ++k) h = detail::hash_combine(h, summary.words[i + k].hash);
                if (std::binary_search(windows.begin(), windows.end(), h)) {
                    std::size_t end = i + len;
                    while (end < summary.words.size() && end - i < iw.size()) ++end;
                    report(i, std::min(end, summary.words.size()) - 1, "the instruction");
                    i = end;
                }
            }
        }
    }
    const phrase_table &t = chatter();
    for (std::size_t i = 0; i < summary.words.size(); ++i) {
        if (!t.first_bits.test(summary.words[i].hash % 4096)) continue;
        auto [b, e] = t.by_first.equal_range(summary.words[i].hash);
        for (; b != e; ++b) {
            const phrase &p = t.phrases[b->second];
            if (matches_at(summary, i, p.words)) {
                report(i, i + p.words.size() - 1, "chatter");
                i += p.words.size() - 1;
                break;
            }
        }
    }
    // Openers: the first words of a paragraph followed by "!", "," ":" or "،".
    const std::string_view text = summary.text;
    for (std::size_t i = 0; i < summary.words.size(); ++i) {
        const std::size_t b = summary.words[i].begin;
        const bool paragraph_start = i == 0 || text.substr(summary.words[i - 1].end, b - summary.words[i - 1].end)
                                                       .find('\n') != std::string_view::npos;
        if (!paragraph_start) continue;
        for (const auto &p : t.openers) {
            if (!matches_at(summary, i, p.words)) continue;
            const std::size_t last = i + p.words.size() - 1;
            const std::string_view tail = text.substr(summary.words[last].end > 0 ? summary.words[last].end - 1 : 0, 6);
            const bool punct = tail.find('!') != std::string_view::npos || tail.find(':') != std::string_view::npos ||
                               tail.find(',') != std::string_view::npos || tail.find("\xD8\x8C") != std::string_view::npos ||
                               tail.find("\xEF\xBC\x81") != std::string_view::npos ||
                               tail.find("\xEF\xBC\x9A") != std::string_view::npos;
            if (punct) {
                report(i, last, "chatter");
                break;
            }
        }
    }
    item.passed = count == 0;
    item.data = {{"found", count}};
    item.detail = item.passed ? std::string("no instruction or assistant chatter")
                              : fmt::format("{} leak{}: {}", count, count == 1 ? "" : "s", join_list(found, count));
    return item;
}

check_item check_boilerplate_leak(std::string_view summary) {
    check_item item{"boilerplate_leak", true, {}, nullptr};
    std::vector<removed_block> removed;
    std::size_t pos = 0;
    while (pos <= summary.size()) {
        std::size_t nl = summary.find('\n', pos);
        if (nl == std::string_view::npos) nl = summary.size();
        const std::string_view line = summary.substr(pos, nl - pos);
        // strip_boilerplate looks only at a bounded window at each end of the line, so this stays linear.
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) detail::strip_boilerplate(line, removed);
        pos = nl + 1;
    }
    std::vector<std::string> listed;
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto &r : removed) {
        blocks.push_back({{"text", r.text}, {"reason", r.reason}});
        if (listed.size() < max_listed) listed.push_back(fmt::format("{} ({})", excerpt(r.text), r.reason));
    }
    item.passed = removed.empty();
    item.data = {{"blocks", blocks}};
    item.detail = item.passed ? std::string("no share, copyright or navigation lines")
                              : fmt::format("{} boilerplate block{}: {}", removed.size(),
                                            removed.size() == 1 ? "" : "s", join_list(listed, removed.size()));
    return item;
}

check_item check_untranslated(const text_index &summary, const text_index *source, std::string_view source_lang,
                              std::string_view target_lang) {
    check_item item{"untranslated_source", true, {}, nullptr};
    if (!source) {
        item.detail = "no source given";
        return item;
    }
    if (source_lang.empty() || target_lang.empty() || source_lang == target_lang) {
        item.detail = fmt::format("summary in the source's language ({}); copying source text is allowed",
                                  target_lang.empty() ? source_lang : target_lang);
        return item;
    }
    constexpr std::size_t n = untranslated_run_words;
    const auto window = [](const text_index &idx, std::size_t i, std::uint64_t &h) {
        h = 0;
        for (std::size_t k = 0; k < n; ++k) {
            if (idx.words[i + k].hash == 0) return false;
            h = detail::hash_combine(h, idx.words[i + k].hash);
        }
        return true;
    };
    std::vector<std::uint64_t> grams;
    if (source->words.size() >= n) grams.reserve(source->words.size() - n + 1);
    std::uint64_t h = 0;
    for (std::size_t i = 0; i + n <= source->words.size(); ++i)
        if (window(*source, i, h)) grams.push_back(h);
    std::sort(grams.begin(), grams.end());
    // Runs: maximal stretches of summary words covered by copied 8-grams.
    std::vector<std::pair<std::size_t, std::size_t>> runs;  // [first, last] word
    for (std::size_t i = 0; i + n <= summary.words.size(); ++i) {
        if (!window(summary, i, h) || !std::binary_search(grams.begin(), grams.end(), h)) continue;
        if (!runs.empty() && i <= runs.back().second + 1) runs.back().second = i + n - 1;
        else runs.emplace_back(i, i + n - 1);
    }
    std::size_t copied = 0;
    for (auto &r : runs) copied += r.second - r.first + 1;
    item.passed = runs.empty();
    item.data = {{"runs", runs.size()}, {"copied_words", copied}};
    if (item.passed) {
        item.detail = fmt::format("no run of {}+ source words copied into the {} summary", n, target_lang);
    } else {
        item.detail = fmt::format("{} run{} of {}+ untranslated source ({}) words in the {} summary, {} words in all; "
                                  "first at byte {}: {}",
                                  runs.size(), runs.size() == 1 ? "" : "s", n, source_lang, target_lang, copied,
                                  summary.words[runs[0].first].begin,
                                  excerpt(span(summary, runs[0].first, runs[0].second)));
    }
    return item;
}

check_item check_repetition(const text_index &summary) {
    check_item item{"repetition", true, {}, nullptr};
    // Word 4-grams counted in an open-addressing table (linear; sorting every 4-gram cost more than the
    // rest of the check). Each slot keeps the 4-gram's count and first word.
    struct slot {
        std::uint64_t hash = 0;
        std::uint32_t count = 0;  // 0: empty
        std::uint32_t first = 0;
    };
    const std::size_t n_grams = summary.words.size() >= 4 ? summary.words.size() - 3 : 0;
    std::size_t capacity = 16;
    while (capacity < 2 * n_grams) capacity *= 2;
    std::vector<slot> table(capacity);
    const int shift = 64 - std::countr_zero(capacity);
    // The most repeated 4-gram, ties going to the smallest hash (the order a sorted list would give), and
    // reported at its first occurrence. Kept up to date on every count: counts only grow, so the best of
    // the updates is the best of the final counts, without a pass over the table.
    std::size_t distinct = 0;
    std::size_t best_count = 0;
    std::size_t best_at = 0;
    std::uint64_t best_hash = 0;
    for (std::size_t i = 0; i < n_grams; ++i) {
        std::uint64_t h = 0;
        for (std::size_t k = 0; k < 4; ++k) h = detail::hash_combine(h, summary.words[i + k].hash);
        std::size_t at = static_cast<std::size_t>((h * 0x9e3779b97f4a7c15ull) >> shift);
        while (table[at].count != 0 && table[at].hash != h) at = (at + 1) & (capacity - 1);
        slot &e = table[at];
        if (e.count++ == 0) {
            e.hash = h;
            e.first = static_cast<std::uint32_t>(i);
            ++distinct;
        }
        if (e.count > best_count || (e.count == best_count && h < best_hash)) {
            best_count = e.count;
            best_at = e.first;
            best_hash = h;
        }
    }
    const std::size_t repeated = n_grams - distinct;
    const double share = n_grams == 0 ? 0.0 : static_cast<double>(repeated) / static_cast<double>(n_grams);
    item.passed = share <= max_repeated_4grams;
    item.data = {{"repeated_share", share}, {"four_grams", n_grams}};
    if (n_grams == 0) {
        item.detail = "too short to repeat";
    } else if (best_count < 2) {
        item.detail = fmt::format("no repeated word 4-grams (limit {:.0f}%)", max_repeated_4grams * 100);
    } else {
        item.detail = fmt::format("{:.1f}% of word 4-grams repeat (limit {:.0f}%); most repeated ({}×): {}",
                                  share * 100, max_repeated_4grams * 100, best_count,
                                  excerpt(span(summary, best_at, best_at + 3)));
    }
    return item;
}

}  // namespace

nlohmann::json check_report::to_json() const {
    nlohmann::json items_json = nlohmann::json::array();
    for (const auto &i : items) {
        nlohmann::json j = {{"name", i.name}, {"passed", i.passed}, {"detail", i.detail}};
        if (!i.data.is_null()) j["data"] = i.data;
        items_json.push_back(std::move(j));
    }
    return {{"passed", passed}, {"items", std::move(items_json)}};
}

const check_item *check_report::find(std::string_view name) const {
    for (const auto &i : items)
        if (i.name == name) return &i;
    return nullptr;
}

check_report run_checks(const check_request &request) {
    validate_utf8(request.summary, "summary");
    const std::string_view summary = request.summary;
    const source_analysis *src = request.source;
    const text_index sum_idx = detail::index_text(summary);
    text_index src_idx;
    if (src) src_idx = detail::index_text(src->text);
    const text_index *src_ptr = src ? &src_idx : nullptr;

    const std::string_view source_lang = src ? std::string_view(src->language) : std::string_view{};
    const std::string_view target_code = request.spec.language.empty() ? source_lang : request.spec.language;
    const language *target = target_code.empty() ? nullptr : find_language(target_code);
    const std::string_view target_lang = target ? target->code : target_code;

    const std::vector<std::string_view> paragraphs = split_paragraphs(summary);
    const summary_names names = find_names(sum_idx, src_ptr, target);

    check_report r;
    r.items.push_back(check_paragraph_count(paragraphs, request.spec));
    r.items.push_back(check_word_count(paragraphs, sum_idx, request.spec));
    r.items.push_back(check_target_script(sum_idx, target, target_code, names));
    r.items.push_back(check_instruction_leak(sum_idx, request.instruction));
    r.items.push_back(check_boilerplate_leak(summary));
    r.items.push_back(check_untranslated(sum_idx, src_ptr, source_lang, target_lang));
    if (src) {
        r.items.push_back(detail::check_numbers(sum_idx, src_idx));
    } else {
        r.items.push_back({"numbers", true, "no source given", nullptr});
    }
    r.items.push_back(check_entities(names, summary, src != nullptr));
    r.items.push_back(check_repetition(sum_idx));
    r.passed = std::all_of(r.items.begin(), r.items.end(), [](const check_item &i) { return i.passed; });
    return r;
}

}  // namespace precis
