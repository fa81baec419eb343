// Main-content extraction from HTML (see html.h).
//
// The scorer follows the idea of Arc90 Readability (2009), as later used by Mozilla's readability.js:
// paragraphs vote for the containers that hold them, weighted by length and commas (prose has commas,
// menus do not), containers are discounted by the share of their text inside links, and class/id names
// hint at what a block is. The lists and weights here are our own.
#include "html.h"

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace precis::detail {
namespace {

// libxml2 stops nesting at 256 levels without XML_PARSE_HUGE; the walkers below stop a little later as a
// second guard, so no input can exhaust the stack.
constexpr int max_depth = 512;
// A paragraph shorter than this (in characters) does not vote for its container.
constexpr std::size_t min_paragraph_chars = 25;

struct doc_deleter {
    void operator()(xmlDoc *d) const { xmlFreeDoc(d); }
};

std::string_view name_of(const xmlNode *n) {
    return n->name ? std::string_view(reinterpret_cast<const char *>(n->name)) : std::string_view{};
}

bool one_of(std::string_view s, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

bool is_heading(std::string_view tag) {
    return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

// Elements that are never article text.
bool is_furniture(std::string_view tag) {
    return one_of(tag, {"script", "style", "noscript", "iframe", "svg", "nav", "header", "footer", "aside", "button",
                        "select", "input", "textarea", "object", "embed", "canvas", "template", "link", "meta",
                        "head", "title", "math", "audio", "video", "map", "dialog", "menu"});
}

bool is_block(std::string_view tag) {
    return is_heading(tag) ||
           one_of(tag, {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
                        "pre", "table", "tr", "td", "th", "tbody", "thead", "figure", "figcaption", "address", "hr",
                        "form", "fieldset", "center", "body", "html", "header", "footer", "aside", "nav", "details",
                        "summary", "caption"});
}

std::string attr(const xmlNode *n, const char *name) {
    xmlChar *v = xmlGetProp(n, reinterpret_cast<const xmlChar *>(name));
    if (!v) return {};
    std::string s(reinterpret_cast<const char *>(v));
    xmlFree(v);
    for (char &c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return s;
}

bool contains_any(std::string_view s, std::initializer_list<std::string_view> words) {
    if (s.empty()) return false;
    for (std::string_view w : words)
        if (s.find(w) != std::string_view::npos) return true;
    return false;
}

// Class/id names of page furniture; a block named so is dropped unless its name also says "content".
const std::initializer_list<std::string_view> unlikely_names = {
    "banner",   "breadcrumb", "combx",      "comment",  "community", "disqus",    "foot",     "header",
    "legends",  "menu",       "related",    "remark",   "replies",   "rss",       "shoutbox", "sidebar",
    "skyscraper", "social",   "sponsor",    "supplemental", "ad-break", "agegate", "pagination",
    "popup",    "share",      "newsletter", "subscribe", "promo",    "cookie",    "modal",    "navbar",
    "toolbar",  "outbrain",   "taboola",    "recirc",   "signup",    "most-popular", "trending", "tags"};
const std::initializer_list<std::string_view> maybe_content_names = {"and", "article", "body", "column",
                                                                         "content", "main", "shadow", "story"};
const std::initializer_list<std::string_view> positive_names = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story"};
const std::initializer_list<std::string_view> negative_names = {
    "hidden",  "-ad-",    "banner",   "combx",   "comment", "com-",     "contact", "foot",    "footnote",
    "gdpr",    "masthead", "media",   "meta",    "outbrain", "promo",   "related", "scroll",  "share",
    "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",  "tool",    "widget",  "caption"};

int class_weight(const xmlNode *n) {
    int w = 0;
    for (const char *a : {"class", "id"}) {
        const std::string v = attr(n, a);
        if (v.empty()) continue;
        if (contains_any(v, negative_names)) w -= 25;
        if (contains_any(v, positive_names)) w += 25;
    }
    return w;
}

bool is_hidden(const xmlNode *n) {
    if (xmlHasProp(n, reinterpret_cast<const xmlChar *>("hidden"))) return true;
    const std::string style = attr(n, "style");
    return contains_any(style, {"display:none", "display: none", "visibility:hidden", "visibility: hidden"});
}

bool is_unlikely(const xmlNode *n, std::string_view tag) {
    if (one_of(tag, {"body", "html", "article", "main", "a"})) return false;
    const std::string role = attr(n, "role");
    if (one_of(role, {"navigation", "complementary", "dialog", "banner", "contentinfo", "menu", "menubar"}))
        return true;
    const std::string names = attr(n, "class") + " " + attr(n, "id");
    return contains_any(names, unlikely_names) && !contains_any(names, maybe_content_names);
}

// Removes furniture, hidden and unlikely blocks, comments and processing instructions.
void prune(xmlNode *n, int depth, bool drop_unlikely) {
    for (xmlNode *c = n->children; c;) {
        xmlNode *next = c->next;
        bool drop = c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE || c->type == XML_DTD_NODE;
        if (c->type == XML_ELEMENT_NODE) {
            const std::string_view tag = name_of(c);
            drop = depth >= max_depth || is_furniture(tag) || is_hidden(c) || (drop_unlikely && is_unlikely(c, tag));
            if (!drop) prune(c, depth + 1, drop_unlikely);
        }
        if (drop) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
        c = next;
    }
}

struct node_stats {
    std::size_t chars = 0;       // non-space characters of text below
    std::size_t link_chars = 0;  // of which inside <a>
    std::size_t commas = 0;
    std::size_t paragraphs = 0;  // <p> below
    std::size_t list_items = 0;
    std::size_t images = 0;
    std::size_t headings = 0;
    std::size_t loose_chars = 0;   // text directly inside, outside block children (text beside <br>s)
    std::size_t loose_commas = 0;
    bool has_block_child = false;
};

class extractor {
public:
    explicit extractor(xmlNode *root) : root_(root) {}

    std::string run();

private:
    node_stats measure(const xmlNode *n, int depth, bool in_link);
    void score_paragraphs();
    double link_density(const xmlNode *n) const;
    bool is_paragraph_like(const xmlNode *n) const;
    bool drop_in_content(const xmlNode *n) const;
    void render(const xmlNode *n, int depth, bool in_pre, std::string &out) const;

    xmlNode *root_;
    std::unordered_map<const xmlNode *, node_stats> stats_;
    std::unordered_map<const xmlNode *, double> scores_;
    std::unordered_set<const xmlNode *> protected_;  // hold strong candidates: never cleaned away
};

std::size_t visible_chars(const char *s, std::size_t &commas) {
    std::size_t n = 0;
    for (const unsigned char *p = reinterpret_cast<const unsigned char *>(s); *p; ++p) {
        const unsigned char c = *p;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || (c & 0xC0) == 0x80) continue;
        ++n;
        if (c == ',') ++commas;
        else if (c == 0xD8 && p[1] == 0x8C) ++commas;  // Arabic comma U+060C
    }
    return n;
}

node_stats extractor::measure(const xmlNode *n, int depth, bool in_link) {
    node_stats s;
    if (depth >= max_depth) return s;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (!c->content) continue;
            std::size_t commas = 0;
            const std::size_t chars = visible_chars(reinterpret_cast<const char *>(c->content), commas);
            s.chars += chars;
            s.commas += commas;
            s.loose_chars += chars;
            s.loose_commas += commas;
            if (in_link) s.link_chars += chars;
            continue;
        }
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string_view tag = name_of(c);
        const node_stats cs = measure(c, depth + 1, in_link || tag == "a");
        s.chars += cs.chars;
        s.link_chars += cs.link_chars;
        s.commas += cs.commas;
        s.paragraphs += cs.paragraphs + (tag == "p");
        s.list_items += cs.list_items + (tag == "li");
        s.images += cs.images + (tag == "img");
        s.headings += cs.headings + is_heading(tag);
        if (is_block(tag)) {
            s.has_block_child = true;
        } else {
            s.loose_chars += cs.chars;
            s.loose_commas += cs.commas;
        }
    }
    stats_[n] = s;
    return s;
}

double extractor::link_density(const xmlNode *n) const {
    const auto it = stats_.find(n);
    if (it == stats_.end() || it->second.chars == 0) return 0.0;
    return static_cast<double>(it->second.link_chars) / static_cast<double>(it->second.chars);
}

bool extractor::is_paragraph_like(const xmlNode *n) const {
    const std::string_view tag = name_of(n);
    if (one_of(tag, {"p", "pre", "td"})) return true;
    // A <div> that holds only inline content is a paragraph written without <p> (common in CMS output).
    if (one_of(tag, {"div", "section", "article", "span"})) {
        const auto it = stats_.find(n);
        return it != stats_.end() && !it->second.has_block_child;
    }
    return false;
}

int tag_bonus(std::string_view tag) {
    if (tag == "div" || tag == "article") return 5;
    if (one_of(tag, {"pre", "td", "blockquote"})) return 3;
    if (one_of(tag, {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"})) return -3;
    if (is_heading(tag) || tag == "th") return -5;
    return 0;
}

void extractor::score_paragraphs() {
    // Iterative walk: the tree is already depth-limited, but an explicit stack keeps stack use flat.
    std::vector<std::pair<const xmlNode *, int>> stack{{root_, 0}};
    while (!stack.empty()) {
        auto [n, depth] = stack.back();
        stack.pop_back();
        for (const xmlNode *c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && depth < max_depth) stack.push_back({c, depth + 1});
        if (n == root_) continue;
        const node_stats &s = stats_[n];
        std::size_t chars = s.chars, commas = s.commas;
        const xmlNode *first_voter = n->parent;
        if (!is_paragraph_like(n)) {
            // Text written straight into a container between <br>s (no <p>) votes for that container.
            if (!s.has_block_child || s.loose_chars < min_paragraph_chars * 4) continue;
            chars = s.loose_chars;
            commas = s.loose_commas;
            first_voter = n;
        }
        if (chars < min_paragraph_chars) continue;
        const double score = 1.0 + static_cast<double>(commas) + std::min<double>(3.0, chars / 100);
        int level = 0;
        for (const xmlNode *a = first_voter; a && a->type == XML_ELEMENT_NODE && level < 5; a = a->parent, ++level) {
            auto [it, fresh] = scores_.try_emplace(a, 0.0);
            if (fresh) it->second = class_weight(a) + tag_bonus(name_of(a));
            const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
            it->second += score / divider;
        }
    }
}

bool extractor::drop_in_content(const xmlNode *n) const {
    const std::string_view tag = name_of(n);
    if (tag == "h1") return true;  // the title, which document.title carries
    if (protected_.count(n)) return false;
    if (!one_of(tag, {"form", "fieldset", "table", "ul", "ol", "div", "section", "dl", "figure"})) return false;
    const auto it = stats_.find(n);
    if (it == stats_.end()) return false;
    const node_stats &s = it->second;
    const int weight = class_weight(n);
    if (weight < 0) return true;
    if (s.commas >= 10) return false;  // prose
    const double ld = link_density(n);
    if (tag != "ul" && tag != "ol" && s.list_items > s.paragraphs + 2 && ld > 0.2) return true;
    if (weight < 25 && ld > 0.33) return true;
    if (weight >= 25 && ld > 0.5) return true;
    return false;
}

void append_collapsed(std::string &out, const char *s, bool in_pre) {
    bool space = !out.empty() && (out.back() == ' ' || out.back() == '\n');
    for (const char *p = s; *p; ++p) {
        const char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            if (in_pre && c == '\n') {
                out.push_back('\n');
                space = true;
            } else if (!space) {
                out.push_back(' ');
                space = true;
            }
            continue;
        }
        out.push_back(c);
        space = false;
    }
}

void extractor::render(const xmlNode *n, int depth, bool in_pre, std::string &out) const {
    if (depth >= max_depth) return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) append_collapsed(out, reinterpret_cast<const char *>(c->content), in_pre);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string_view tag = name_of(c);
        if (tag == "br" || tag == "hr") {
            out += "\n\n";
            continue;
        }
        if (drop_in_content(c)) continue;
        const bool block = is_block(tag);
        if (block) out += "\n\n";
        render(c, depth + 1, in_pre || tag == "pre", out);
        if (block) out += "\n\n";
    }
}

std::string extractor::run() {
    measure(root_, 0, false);
    score_paragraphs();
    const xmlNode *best = nullptr;
    double best_score = 0;
    for (auto &[n, score] : scores_) {
        const double final_score = score * (1.0 - link_density(n));
        scores_[n] = final_score;
        if (!best || final_score > best_score || (final_score == best_score && n < best)) {
            best = n;
            best_score = final_score;
        }
    }
    // Containers that hold a strong candidate are kept whatever their link density: a wrapper with a
    // link-heavy sidebar next to the article body must not take the body with it when cleaned.
    for (const auto &[n, score] : scores_)
        if (score >= best_score * 0.5)
            for (const xmlNode *a = n; a && a->type == XML_ELEMENT_NODE; a = a->parent) protected_.insert(a);
    std::string out;
    if (!best) {
        render(root_, 0, false, out);
        return out;
    }
    const xmlNode *parent = best->parent;
    if (!parent || parent->type != XML_ELEMENT_NODE) {
        out += "\n\n";
        render(best, 0, false, out);
        return out;
    }
    const double threshold = std::max(10.0, best_score * 0.2);
    const std::string best_class = attr(best, "class");
    for (const xmlNode *sib = parent->children; sib; sib = sib->next) {
        if (sib->type != XML_ELEMENT_NODE) continue;
        bool take = sib == best;
        if (!take) {
            const auto sc = scores_.find(sib);
            const double bonus = !best_class.empty() && attr(sib, "class") == best_class ? best_score * 0.2 : 0.0;
            if (sc != scores_.end() && sc->second + bonus >= threshold) take = true;
        }
        if (!take && name_of(sib) == "p") {
            const auto it = stats_.find(sib);
            const std::size_t chars = it == stats_.end() ? 0 : it->second.chars;
            const double ld = link_density(sib);
            if (chars > 80 && ld < 0.25) take = true;
            else if (chars > 0 && ld == 0.0) take = true;
        }
        if (!take) continue;
        out += "\n\n";
        if (drop_in_content(sib) && sib != best) continue;
        std::string block;
        render(sib, 0, name_of(sib) == "pre", block);
        out += block;
        out += "\n\n";
    }
    return out;
}

std::string node_text(const xmlNode *n) {
    std::string out;
    xmlChar *t = xmlNodeGetContent(n);
    if (t) {
        append_collapsed(out, reinterpret_cast<const char *>(t), false);
        xmlFree(t);
    }
    const std::size_t b = out.find_first_not_of(' ');
    if (b == std::string::npos) return {};
    return out.substr(b, out.find_last_not_of(' ') - b + 1);
}

// First element named `tag` in document order (iterative, depth-limited).
const xmlNode *find_first(const xmlNode *root, std::string_view tag) {
    std::vector<std::pair<const xmlNode *, int>> stack{{root, 0}};
    while (!stack.empty()) {
        auto [n, depth] = stack.back();
        stack.pop_back();
        if (n->type == XML_ELEMENT_NODE && name_of(n) == tag) return n;
        if (depth >= max_depth) continue;
        std::vector<const xmlNode *> kids;
        for (const xmlNode *c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE) kids.push_back(c);
        for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, depth + 1});
    }
    return nullptr;
}

// Characters other than whitespace.
std::size_t visible_size(const std::string &s) {
    std::size_t commas = 0;
    return visible_chars(s.c_str(), commas);
}

}  // namespace

html_content extract_html(std::string_view utf8) {
    html_content result;
    if (utf8.empty()) return result;
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_NOBLANKS;
    // Class-name heuristics misfire on some themes (a page wrapper named "header-style-2", a sticky
    // "sidebar" wrapper around the article). When the careful pass finds little text, a second pass without
    // them runs and the longer result wins, as readability.js does.
    constexpr std::size_t enough_chars = 500;
    for (const bool drop_unlikely : {true, false}) {
        // The text is already UTF-8 (charset.cpp converted it), so the encoding is given explicitly and a
        // stale <meta charset> in the page cannot make libxml2 decode it a second time.
        std::unique_ptr<xmlDoc, doc_deleter> doc(
            htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options));
        if (!doc) return result;
        xmlNode *root = xmlDocGetRootElement(doc.get());
        if (!root) return result;
        if (result.title.empty()) {
            if (const xmlNode *title = find_first(root, "title")) result.title = node_text(title);
            if (result.title.empty())
                if (const xmlNode *h1 = find_first(root, "h1")) result.title = node_text(h1);
        }
        xmlNode *body = const_cast<xmlNode *>(find_first(root, "body"));
        if (!body) body = root;
        prune(body, 0, drop_unlikely);
        extractor ex(body);
        std::string text = ex.run();
        if (visible_size(text) > visible_size(result.text)) result.text = std::move(text);
        if (visible_size(result.text) >= enough_chars) break;
    }
    return result;
}

}  // namespace precis::detail
