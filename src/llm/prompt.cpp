// The abstractive prompt: fresh instruction wording per language, the numbered source and the content plan,
// formatted with the model's chat template. Why each choice:
//   * Instructions in the target language: models asked in English for Arabic drift into English.
//   * Numbered sentences and a plan that cites them: the model is told which content goes in which
//     paragraph, the same plan the extractive realiser follows, so the two modes summarise alike.
//   * Template markers instead of formatting the real text: the template is applied to placeholders, and
//     only the template's own parts are tokenized with special-token parsing; article text that happens to
//     contain "<|im_end|>" cannot close the user turn (prompt injection through the source).
#include "llm/prompt.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

#include "llama.h"
#include "llm/model.h"
#include "precis/error.h"
#include "precis/language.h"

namespace precis::detail {

namespace {

// One entry per language with its own wording. Numbers stand where grammar does not depend on them
// ("Number of paragraphs: 6"), so the wording stays correct for every count without plural rules.
const instruction_text texts[] = {
    {"en",
     "You are a careful editor who writes faithful summaries of articles.",
     "Summarize the article below in {language}. Number of paragraphs: {paragraphs}. Total length: about {words} "
     "words. Write only the summary: no title, no lists, no notes about the task. Keep names, numbers and facts "
     "exactly as the article gives them.",
     "The article, one numbered sentence per line:",
     "Plan of the summary:",
     "Paragraph {index}: about {words} words, drawing on sentences {sentences}.",
     "Paragraph {index}: about {words} words.",
     ", "},
    {"ar",
     "أنت محرر دقيق يكتب ملخصات أمينة للمقالات.",
     "لخّص المقال الآتي باللغة العربية. عدد الفقرات: {paragraphs}. الطول الإجمالي: نحو {words} كلمة. اكتب "
     "الملخص وحده: لا عنوان ولا قوائم ولا تعليق على المهمة. انقل الأسماء والأرقام والوقائع كما وردت في المقال "
     "تمامًا.",
     "المقال، كل جملة في سطر مع رقمها:",
     "خطة الملخص:",
     "الفقرة {index}: نحو {words} كلمة، مستمدة من الجمل {sentences}.",
     "الفقرة {index}: نحو {words} كلمة.",
     "، "},
    {"fr",
     "Vous êtes un rédacteur rigoureux qui résume fidèlement des articles.",
     "Résumez l'article ci-dessous en français. Nombre de paragraphes : {paragraphs}. Longueur totale : environ "
     "{words} mots. N'écrivez que le résumé : ni titre, ni liste, ni remarque sur la consigne. Reprenez les noms, "
     "les chiffres et les faits exactement comme l'article les donne.",
     "L'article, une phrase numérotée par ligne :",
     "Plan du résumé :",
     "Paragraphe {index} : environ {words} mots, à partir des phrases {sentences}.",
     "Paragraphe {index} : environ {words} mots.",
     ", "},
    {"ru",
     "Вы внимательный редактор, который точно пересказывает статьи.",
     "Кратко перескажите статью ниже на русском языке. Количество абзацев: {paragraphs}. Общий объём: около "
     "{words} слов. Пишите только сам пересказ: без заголовка, списков и замечаний о задании. Имена, числа и факты "
     "передавайте в точности так, как они даны в статье.",
     "Статья, по одному пронумерованному предложению в строке:",
     "План пересказа:",
     "Абзац {index}: около {words} слов, на основе предложений {sentences}.",
     "Абзац {index}: около {words} слов.",
     ", "},
    {"zh",
     "你是一名严谨的编辑，负责为文章撰写忠实的摘要。",
     "请用中文概括下面的文章。段落数：{paragraphs}。总长度：约{words}字。只写摘要本身：不要标题、列表或对任务的说明。"
     "人名、数字和事实须与原文完全一致。",
     "文章，每行一句，带编号：",
     "摘要提纲：",
     "第{index}段：约{words}字，取材于第{sentences}句。",
     "第{index}段：约{words}字。",
     "、"},
    {"es",
     "Eres un redactor riguroso que resume artículos con fidelidad.",
     "Resume el artículo siguiente en español. Número de párrafos: {paragraphs}. Extensión total: unas {words} "
     "palabras. Escribe solo el resumen: sin título, sin listas y sin comentarios sobre la tarea. Conserva los "
     "nombres, las cifras y los hechos tal como los da el artículo.",
     "El artículo, una oración numerada por línea:",
     "Plan del resumen:",
     "Párrafo {index}: unas {words} palabras, a partir de las oraciones {sentences}.",
     "Párrafo {index}: unas {words} palabras.",
     ", "},
    {"de",
     "Sie sind ein sorgfältiger Redakteur, der Artikel getreu zusammenfasst.",
     "Fassen Sie den folgenden Artikel auf Deutsch zusammen. Anzahl der Absätze: {paragraphs}. Gesamtlänge: etwa "
     "{words} Wörter. Schreiben Sie nur die Zusammenfassung: keine Überschrift, keine Listen, keine Hinweise zur "
     "Aufgabe. Übernehmen Sie Namen, Zahlen und Fakten genau so, wie der Artikel sie nennt.",
     "Der Artikel, ein nummerierter Satz pro Zeile:",
     "Gliederung der Zusammenfassung:",
     "Absatz {index}: etwa {words} Wörter, auf Grundlage der Sätze {sentences}.",
     "Absatz {index}: etwa {words} Wörter.",
     ", "},
};

std::string fill(std::string_view tmpl, std::string_view language, std::size_t paragraphs, std::size_t words,
                 std::size_t index, std::string_view sentences) {
    return fmt::format(fmt::runtime(tmpl), fmt::arg("language", language), fmt::arg("paragraphs", paragraphs),
                       fmt::arg("words", words), fmt::arg("index", index), fmt::arg("sentences", sentences));
}

// The name of the target language as the instructions use it: the English name in the English wording
// (which also serves languages without their own), the native name otherwise.
std::string_view language_name(const instruction_text &text, std::string_view code) {
    const language *lang = find_language(code);
    if (!lang) return code;
    return text.code == "en" ? lang->english_name : lang->native_name;
}

std::vector<llama_token> tokenize(const llama_vocab *vocab, std::string_view text, bool add_special,
                                  bool parse_special) {
    std::vector<llama_token> out(text.size() + 8);
    int32_t n = llama_tokenize(vocab, text.data(), static_cast<int32_t>(text.size()), out.data(),
                               static_cast<int32_t>(out.size()), add_special, parse_special);
    if (n < 0) {
        if (n == INT32_MIN) throw error{errc::bad_input, "text too long to tokenize"};
        out.resize(static_cast<std::size_t>(-n));
        n = llama_tokenize(vocab, text.data(), static_cast<int32_t>(text.size()), out.data(),
                           static_cast<int32_t>(out.size()), add_special, parse_special);
    }
    out.resize(static_cast<std::size_t>(std::max(0, n)));
    return out;
}

std::size_t token_count(const llama_vocab *vocab, std::string_view text) {
    return tokenize(vocab, text, false, false).size();
}

std::string numbered_line(std::size_t index, std::string_view sentence) {
    return fmt::format("[{}] {}\n", index + 1, sentence);
}

constexpr std::string_view system_marker = "\x1ePRECIS_SYSTEM\x1e";
constexpr std::string_view user_marker = "\x1ePRECIS_USER\x1e";

// The prompt laid out with the chat template around two markers: [template, system, template, user,
// template]. Empty when the model has no template, llama.cpp does not recognise it, or it moves the markers.
std::vector<std::string> template_parts(const model &m) {
    if (m.chat_template().empty()) return {};
    const std::string sys(system_marker), usr(user_marker);
    const llama_chat_message messages[] = {{"system", sys.c_str()}, {"user", usr.c_str()}};
    std::string buf(1024, '\0');
    int32_t n = llama_chat_apply_template(m.chat_template().c_str(), messages, 2, true, buf.data(),
                                          static_cast<int32_t>(buf.size()));
    if (n < 0) return {};
    if (static_cast<std::size_t>(n) > buf.size()) {
        buf.resize(static_cast<std::size_t>(n));
        n = llama_chat_apply_template(m.chat_template().c_str(), messages, 2, true, buf.data(), n);
    }
    buf.resize(static_cast<std::size_t>(std::max(0, n)));
    const auto s = buf.find(system_marker);
    const auto u = buf.find(user_marker);
    if (s == std::string::npos || u == std::string::npos || u < s) return {};
    return {buf.substr(0, s), buf.substr(s + system_marker.size(), u - s - system_marker.size()),
            buf.substr(u + user_marker.size())};
}

struct formatted {
    std::vector<llama_token> tokens;
    std::string text;
};

formatted format(const model &m, const std::vector<std::string> &parts, std::string_view system,
                 std::string_view user) {
    formatted f;
    const llama_vocab *vocab = m.vocab();
    auto append = [&](std::string_view text, bool special_ok, bool first) {
        auto t = tokenize(vocab, text, first, special_ok);
        f.tokens.insert(f.tokens.end(), t.begin(), t.end());
        f.text += text;
    };
    if (parts.size() == 3) {
        append(parts[0], true, true);
        append(system, false, false);
        append(parts[1], true, false);
        append(user, false, false);
        append(parts[2], true, false);
    } else {
        // No usable template: the plain layout an instruct model without one is most likely to follow.
        append(system, false, true);
        append("\n\n", false, false);
        append(user, false, false);
        append("\n\n", false, false);
    }
    return f;
}

}  // namespace

const instruction_text &instructions_for(std::string_view language_code) noexcept {
    for (const auto &t : texts)
        if (t.code == language_code) return t;
    return texts[0];
}

std::vector<std::string_view> instruction_languages() {
    std::vector<std::string_view> codes;
    for (const auto &t : texts) codes.push_back(t.code);
    return codes;
}

std::string user_message(const instruction_text &text, const source_analysis &source, const summary_spec &spec,
                         const content_plan &plan, const std::vector<std::size_t> &used) {
    const std::string_view lang = language_name(text, spec.language);
    std::string out = fill(text.task, lang, spec.paragraphs, spec.words, 0, {});
    out += "\n\n";
    out += text.source_heading;
    out += '\n';
    for (std::size_t i : used)
        if (i < source.sentences.size()) out += numbered_line(i, source.sentences[i].text);
    out += '\n';
    out += text.plan_heading;
    out += '\n';
    for (std::size_t p = 0; p < plan.paragraphs.size(); ++p) {
        std::string list;
        for (std::size_t s : plan.paragraphs[p].sentences) {
            if (!std::binary_search(used.begin(), used.end(), s)) continue;
            if (!list.empty()) list += text.list_separator;
            list += std::to_string(s + 1);
        }
        out += fill(list.empty() ? text.plan_line_free : text.plan_line, lang, spec.paragraphs,
                    plan.paragraphs[p].words, p + 1, list);
        out += '\n';
    }
    return out;
}

std::vector<std::size_t> select_sentences(const std::vector<std::size_t> &cost, const std::vector<double> &salience,
                                          const content_plan &plan, std::size_t budget) {
    const std::size_t n = cost.size();
    std::vector<char> in_plan(n, 0);
    for (const auto &p : plan.paragraphs)
        for (std::size_t s : p.sentences)
            if (s < n) in_plan[s] = 1;
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto score = [&](std::size_t i) { return i < salience.size() ? salience[i] : 0.0; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (in_plan[a] != in_plan[b]) return in_plan[a] > in_plan[b];
        return score(a) > score(b);
    });
    std::vector<std::size_t> chosen;
    std::size_t spent = 0;
    for (std::size_t i : order) {
        // Skip what does not fit but keep looking: a shorter, less salient sentence may still fit.
        if (spent + cost[i] > budget) continue;
        spent += cost[i];
        chosen.push_back(i);
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

prompt build_prompt(const model &m, const source_analysis &source, const summary_spec &spec,
                    const content_plan &plan, std::size_t max_tokens) {
    if (plan.paragraphs.empty()) throw error{errc::usage, "the content plan has no paragraphs"};
    const instruction_text &text = instructions_for(spec.language);
    const auto parts = template_parts(m);
    const std::string system(text.system);

    prompt p;
    p.chat_template = parts.size() == 3;
    p.sentences_total = source.sentences.size();

    std::vector<std::size_t> all(source.sentences.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    formatted f = format(m, parts, system, user_message(text, source, spec, plan, all));
    if (f.tokens.size() > max_tokens) {
        // Measure the frame without any source, then fill the room left with the most useful sentences.
        // Each line is costed on its own (one tokenization per sentence, not per attempt).
        const formatted frame = format(m, parts, system, user_message(text, source, spec, plan, {}));
        if (frame.tokens.size() >= max_tokens)
            throw error{errc::model,
                        fmt::format("the model's context cannot hold the instructions and plan ({} tokens) next to "
                                    "the summary: at most {} tokens are left for the prompt; use a model with a "
                                    "longer context or ask for fewer words",
                                    frame.tokens.size(), max_tokens)};
        std::vector<std::size_t> cost(source.sentences.size());
        for (std::size_t i = 0; i < cost.size(); ++i)
            cost[i] = token_count(m.vocab(), numbered_line(i, source.sentences[i].text));
        std::size_t budget = max_tokens - frame.tokens.size();
        std::vector<std::size_t> used;
        // Lines tokenized together can take a few more tokens than apart (merges differ at line starts):
        // shrink the budget by the overshoot and choose again until the whole prompt fits.
        for (;;) {
            used = select_sentences(cost, plan.salience, plan, budget);
            f = format(m, parts, system, user_message(text, source, spec, plan, used));
            if (f.tokens.size() <= max_tokens || used.empty()) break;
            const std::size_t over = f.tokens.size() - max_tokens + 8;
            budget = budget > over ? budget - over : 0;
        }
        p.source_reduced = true;
        p.sentences_used = used.size();
        if (f.tokens.size() > max_tokens)
            throw error{errc::internal, fmt::format("the reduced prompt ({} tokens) exceeds its budget of {} tokens",
                                                    f.tokens.size(), max_tokens)};
    } else {
        p.sentences_used = all.size();
    }
    p.tokens.assign(f.tokens.begin(), f.tokens.end());
    p.text = std::move(f.text);
    return p;
}

}  // namespace precis::detail
