// tests/model/fixture_article.h — a short news article written for these tests, and the analysis/plan the
// engine needs, built by hand so the engine tests do not depend on the analyzer or planner.
#pragma once

#include <string>
#include <vector>

#include "precis/analyze.h"
#include "precis/plan.h"
#include "precis/spec.h"

namespace precis::test {

// Fresh text (not taken from anywhere): a harbour town, a ferry company and a bridge vote.
inline const std::vector<std::vector<std::string>> article_paragraphs = {
    {"The harbour town of Kellmore voted on Tuesday to replace its century-old ferry with a bridge.",
     "The council approved the plan by seven votes to four after a debate that lasted past midnight.",
     "Supporters said the crossing, which carries about 3,200 people a day, breaks down too often."},
    {"The ferry operator, Northwind Marine, has run the service since 1994.",
     "Its chief executive, Ada Brennick, said the company would bid to maintain the new bridge.",
     "Fishermen fear the bridge will block tall masts and force them to a harbour twelve miles away."},
    {"Engineers from the firm Castellan estimate the cost at 48 million pounds.",
     "Half would come from a national transport fund and the rest from a local tax on visitors.",
     "Work could begin in the spring of 2027 if the regional planning board gives its approval."},
    {"Residents on the island side of the crossing welcomed the news.",
     "A teacher who commutes every day said storms had stranded her class twice this winter.",
     "Opponents have until the end of the month to ask for a public inquiry."},
};

inline source_analysis article_analysis() {
    source_analysis a;
    a.format = "text";
    a.language = "en";
    a.language_confidence = 1.0;
    for (std::size_t p = 0; p < article_paragraphs.size(); ++p) {
        std::string para;
        for (const auto &s : article_paragraphs[p]) {
            if (!para.empty()) para += ' ';
            para += s;
            std::size_t words = 1;
            for (char c : s) words += c == ' ';
            a.sentences.push_back({s, p, words});
            a.words += words;
        }
        if (!a.text.empty()) a.text += "\n\n";
        a.text += para;
        a.paragraphs.push_back(para);
    }
    return a;
}

inline summary_spec make_spec(std::size_t words, std::size_t paragraphs, const std::string &language) {
    summary_spec s;
    s.words = words;
    s.min_words = words - words / 50;
    s.max_words = words + words / 50;
    s.paragraphs = paragraphs;
    s.language = language;
    return s;
}

// Equal budgets (the first paragraphs take the remainder) and source sentences dealt out in order.
inline content_plan make_even_plan(const source_analysis &a, const summary_spec &spec) {
    content_plan plan;
    plan.paragraphs.resize(spec.paragraphs);
    for (std::size_t i = 0; i < spec.paragraphs; ++i)
        plan.paragraphs[i].words = spec.words / spec.paragraphs + (i < spec.words % spec.paragraphs ? 1 : 0);
    for (std::size_t s = 0; s < a.sentences.size(); ++s)
        plan.paragraphs[s * spec.paragraphs / a.sentences.size()].sentences.push_back(s);
    plan.salience.assign(a.sentences.size(), 0.5);
    if (!plan.salience.empty()) plan.salience[0] = 1.0;
    return plan;
}

}  // namespace precis::test
