// The constraint sampler: a llama_sampler_i whose apply keeps only the tokens the decoder state allows.
//
// Cost model: llama_sampler_sample fills cur_p with data[i] = {i, logit_i, 0} for every token, in id order,
// and this sampler runs first, so data[id] is a direct lookup. apply therefore walks the precomputed sorted
// id list of the current situation (token_classes.h), copies data[id] for each allowed id to a scratch
// buffer, and copies that back over the front of the array: O(allowed) instead of O(vocabulary), and the
// samplers after it (temp, top-p, min-p, dist) only see allowed tokens. Each copied entry's id is checked
// against its index for free; when the array is not the identity-ordered vocabulary (a sampler ran before
// this one), apply falls back to writing -INFINITY into every disallowed logit, which is O(vocabulary) but
// still correct.
#include "llm/constraint_sampler.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>

#include <set>

#include "llama.h"
#include "llm/name_trie.h"
#include "precis/error.h"
#include "precis/facts.h"
#include "precis/utf8.h"

namespace precis::detail {

void constraint_state::begin_paragraph(const paragraph_budget &budget) noexcept {
    const std::size_t serial = serial_ + 1;
    *this = constraint_state{};
    budget_ = budget;
    // A window whose top is below its bottom could never be met; trust the bottom.
    if (budget_.max_words != 0 && budget_.max_words < budget_.min_words)
        budget_.max_words = budget_.min_words;
    serial_ = serial;
}

namespace {

// Most n-grams a run remembers (each slot is 16 bytes; half the table stays free so probing stays short). A
// 2,000-word Arabic summary is about 5,000 tokens, far below this; past it, new n-grams are simply not
// recorded.
constexpr std::size_t ngram_slots = std::size_t{1} << 17;
constexpr std::size_t ngram_max_used = ngram_slots / 2;
constexpr int max_ngram = 16;
// Most continuations one context can ban; a context that recurs more often than this (only with very short
// n-grams) keeps its first bans. 4 KiB on the stack.
constexpr int max_banned = 1024;
// A copy may start while copied words are fewer than 1/copy_share of the other words, plus one: the first
// word of a paragraph may be a name.
constexpr std::size_t copy_share = 3;
// Tokens a paragraph at its word limit may still spend finishing the word it is in before only terminators
// remain.
constexpr std::size_t finish_word_tokens = 4;
// Tokens a paragraph at its word limit may spend closing a quotation before a sentence end completes it
// anyway.
constexpr std::size_t force_close_tokens = 8;

struct ngram_slot {
    std::uint64_t key = 0;  // 0 = empty
    std::int32_t token = 0;
};

// A sorted id list and, when its effects differ from the token's own (UTF-8 continuations), the parallel
// effects; `forbid` holds token_flag bits that exclude a token of this list in the current apply.
struct source {
    const std::int32_t *ids = nullptr;
    const token_effect *effects = nullptr;
    std::size_t size = 0;
    std::uint16_t forbid = 0;
};

source of(const std::vector<std::int32_t> &ids, std::uint16_t forbid = 0) {
    return {ids.data(), nullptr, ids.size(), forbid};
}

// The trie's entries: names where the target's text rules would not let the model write them (non-Latin
// targets, and Latin-script ones whose capitals mark names), and numbers everywhere, since no target may
// write digits freely.
// A name that starts with a digit ("000-chip" from "10,000-chip") is left out: copied, it would read as a
// number the source does not give. Numbers come from options.numbers only.
std::vector<std::string> copy_entries(const constraint_options &options, const token_classes &classes) {
    std::vector<std::string> entries;
    if (options.target != nullptr &&
        (options.target->letters != script::latin || classes.capitals_are_names()))
        for (const auto &name : options.names)
            if (!name.empty() && !(name[0] >= '0' && name[0] <= '9')) entries.push_back(name);
    entries.insert(entries.end(), options.numbers.begin(), options.numbers.end());
    return entries;
}

}  // namespace

class constraint_sampler {
  public:
    constraint_sampler(std::shared_ptr<const token_classes> classes, const constraint_options &options,
                       constraint_state *state)
        : classes_(std::move(classes)),
          trie_(*classes_, copy_entries(options, *classes_)),
          use_names_(!trie_.empty()),
          no_glue_(classes_->uses_spaces()),
          ngram_(options.no_repeat_ngram <= 1 ? 0 : std::min(options.no_repeat_ngram, max_ngram)),
          min_sentence_words_(options.min_sentence_words),
          state_(state),
          out_(classes_->vocab_size()),
          mask_((classes_->vocab_size() + 63) / 64, 0),
          table_(ngram_ > 0 ? ngram_slots : 0) {}

    void apply(llama_token_data_array *cur_p);
    void accept(std::int32_t token);
    void reset() {
        std::fill(table_.begin(), table_.end(), ngram_slot{});
        used_ = 0;
        context_len_ = 0;
    }

  private:
    template <bool filter, bool gather>
    std::size_t collect(const llama_token_data *data, source a, source b, const std::int32_t *banned, int ws,
                        std::size_t remaining, bool &identity);
    std::size_t collect_any(const llama_token_data *data, source a, source b, const std::int32_t *banned,
                            int ws, std::size_t remaining, bool filter, bool &identity);
    std::uint64_t context_key() const noexcept;
    int banned_tokens(std::int32_t *out) const noexcept;
    void sync_paragraph() noexcept;

    std::shared_ptr<const token_classes> classes_;
    name_trie trie_;
    bool use_names_;  // the trie has entries: copies may start
    // A copy must not be followed directly by a letter. Not for scripts written without spaces, where
    // "DeepSeek公司" is how the language writes it.
    bool no_glue_;
    int ngram_;
    std::size_t min_sentence_words_;
    constraint_state *state_;
    std::vector<llama_token_data> out_;  // scratch: the allowed entries, gathered
    std::vector<std::uint64_t> mask_;    // scratch bitset for the fallback path, all zero between calls
    std::vector<ngram_slot> table_;      // (hash of n-1 tokens, next token) pairs seen in this run
    std::size_t used_ = 0;
    std::int32_t context_[max_ngram] = {};  // the last n-1 tokens of this paragraph, oldest first
    int context_len_ = 0;
    std::size_t serial_seen_ = 0;
    const std::int32_t *last_text_ = nullptr;  // the text list the last apply offered (sorted), or null
    std::size_t last_text_size_ = 0;
};

void constraint_sampler::sync_paragraph() noexcept {
    // begin_paragraph is called on the state, not on the sampler: an n-gram must not span a paragraph break
    // the sampler never saw.
    if (state_->serial_ != serial_seen_) {
        serial_seen_ = state_->serial_;
        context_len_ = 0;
    }
}

std::uint64_t constraint_sampler::context_key() const noexcept {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < ngram_ - 1; ++i) {
        h ^= static_cast<std::uint32_t>(context_[i]);
        h *= 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 29;
    }
    return h | 1;  // never 0, the empty-slot marker
}

int constraint_sampler::banned_tokens(std::int32_t *out) const noexcept {
    if (ngram_ == 0 || context_len_ < ngram_ - 1) return 0;
    const std::uint64_t key = context_key();
    int n = 0;
    for (std::size_t i = key & (ngram_slots - 1); table_[i].key != 0 && n < max_banned;
         i = (i + 1) & (ngram_slots - 1))
        if (table_[i].key == key) out[n++] = table_[i].token;
    std::sort(out, out + n);
    return n;
}

template <bool filter, bool gather>
std::size_t constraint_sampler::collect(const llama_token_data *data, source a, source b,
                                        const std::int32_t *banned, int ws, std::size_t remaining,
                                        bool &identity) {
    const token_classes &tc = *classes_;
    llama_token_data *out = out_.data();
    std::size_t n = 0;
    bool same = true;
    // Takes one allowed id: skips it when banned (both lists ascend, so one cursor suffices), over budget or
    // forbidden by its list.
    const auto take = [&](std::int32_t id, const token_effect *e, std::uint16_t forbid) {
        while (*banned < id) ++banned;
        if (*banned == id) return;
        if constexpr (filter) {
            if (e == nullptr) e = &tc.effect(id);
            if (e->budget_words[ws] > remaining || (e->flags & forbid) != 0) return;
        }
        if constexpr (gather) {
            const llama_token_data &d = data[id];
            same &= d.id == id;
            out[n++] = {id, d.logit, d.p};
        } else {
            out[n++].id = id;
        }
    };
    std::size_t i = 0, j = 0;
    // The allowed entries are scattered over a 1.8 MB array: ask for each a few iterations before it is read,
    // so the cache misses overlap instead of queueing.
    constexpr std::size_t ahead = 12;
    while (i < a.size || j < b.size) {
        if constexpr (gather) {
            if (i + ahead < a.size) __builtin_prefetch(&data[a.ids[i + ahead]]);
        }
        if (j >= b.size || (i < a.size && a.ids[i] < b.ids[j])) {
            take(a.ids[i], a.effects ? a.effects + i : nullptr, a.forbid);
            ++i;
        } else if (i >= a.size || b.ids[j] < a.ids[i]) {
            take(b.ids[j], b.effects ? b.effects + j : nullptr, b.forbid);
            ++j;
        } else {
            // In both lists: `a` wins, as in accept (a copy's continuation is taken as one).
            take(a.ids[i], a.effects ? a.effects + i : nullptr, a.forbid);
            ++i;
            ++j;
        }
    }
    identity = same;
    return n;
}

std::size_t constraint_sampler::collect_any(const llama_token_data *data, source a, source b,
                                            const std::int32_t *banned, int ws, std::size_t remaining,
                                            bool filter, bool &identity) {
    if (data != nullptr)
        return filter ? collect<true, true>(data, a, b, banned, ws, remaining, identity)
                      : collect<false, true>(data, a, b, banned, ws, remaining, identity);
    return filter ? collect<true, false>(data, a, b, banned, ws, remaining, identity)
                  : collect<false, false>(data, a, b, banned, ws, remaining, identity);
}

void constraint_sampler::apply(llama_token_data_array *cur_p) {
    const token_classes &tc = *classes_;
    const constraint_state &st = *state_;
    sync_paragraph();
    const int ws = static_cast<int>(st.word_);
    const std::size_t max_words = st.budget_.max_words;
    const bool forced = max_words != 0 && st.words_ >= max_words;
    std::size_t remaining = max_words == 0 ? SIZE_MAX : (forced ? 0 : max_words - st.words_);
    const bool space_ok = !st.after_space_;
    const bool mark_ok = st.after_letter_;
    const bool sentence_ok = st.sentence_words_ >= min_sentence_words_;
    // Right after a copy, a token may not start with a letter, digit or mark: "DeepSeekشركة" would glue.
    const std::uint16_t unglued = st.after_copy_ && no_glue_ ? starts_word : 0;
    // A copy is begun only when its longest entry still fits the word budget, so it is never cut short.
    // Copies stay a minority of the paragraph's words (at most about one in four): text that is mostly
    // copied names is no longer the target language, and precis's checks read it as Latin text.
    const bool copy_fits = use_names_ && !st.copy_word_last_ &&
                           (max_words == 0 || remaining >= trie_.max_words()) &&
                           st.copy_words_ * copy_share < st.words_ - st.copy_words_ + copy_share;

    // Where capitals mark names, a capital may open a sentence but not appear inside one.
    const bool capital_ok = st.sentence_open_;
    const auto text = [&](bool space, bool terminator, bool mark) -> const std::vector<std::int32_t> & {
        return capital_ok ? tc.normal(space, terminator, mark) : tc.lower(space, terminator, mark);
    };

    source a, b;
    bool text_list = false;  // `a` is the text list: accept() tells copies from text by it
    if (st.pending_ >= 0) {
        // Inside a character: only its completions. A completion that is a mark needs a letter before it,
        // and one that is a terminator (؟ is 0xD8 0x9F) is held to the minimum sentence length, as the
        // per-state lists do for whole tokens.
        const auto &ps = tc.pending()[static_cast<std::size_t>(st.pending_)];
        a = {ps.tokens.data(), ps.effects.data(), ps.tokens.size(),
             static_cast<std::uint16_t>((mark_ok ? 0 : starts_with_mark) |
                                        (!sentence_ok && !forced ? ends_sentence : 0) |
                                        (capital_ok ? 0 : has_capital))};
    } else if (st.name_node_ >= 0) {
        const auto &next = trie_.next(st.name_node_);
        a = of(next.tokens);
        // A complete entry that a longer one extends: the text may also leave it here, but not into a letter.
        if (trie_.terminal(st.name_node_))
            b = forced ? of(tc.terminators())
                       : of(text(space_ok, sentence_ok, mark_ok), no_glue_ ? starts_word : 0);
    } else if (forced) {
        // At the word limit: finish the current word (tokens adding no word) for a few tokens, then only
        // terminators, which add no words either; inside a quotation also its closing marks, and once its
        // sentence has ended only those.
        const bool quoted = st.open_quotes_ > 0 || st.straight_quote_open_;
        const bool closing = st.forced_tokens_ < force_close_tokens && !tc.closing().empty();
        if (st.awaiting_close_ && !tc.closing().empty()) {
            // accept() completes the paragraph at the closing mark that closes the quotation, or at the first
            // one once the limit has run out.
            a = of(tc.closing());
        } else if (st.word_ == word_state::in_word && st.forced_tokens_ < finish_word_tokens) {
            a = of(text(false, true, mark_ok), unglued);
        } else {
            a = of(tc.terminators());
            if (quoted && closing) b = of(tc.closing());
        }
    } else if (st.tokens_ == 0) {
        a = of(tc.paragraph_start());
        text_list = true;
        if (copy_fits) b = of(trie_.start_bare().tokens);
    } else {
        a = of(text(space_ok, sentence_ok, mark_ok), unglued);
        text_list = true;
        if (copy_fits) {
            // A copy starts at a word start: bare after a space or an opening mark, with its own space after
            // anything else.
            const bool spaced = space_ok && tc.uses_spaces();
            const bool bare = st.word_ != word_state::in_word;
            if (spaced && bare)
                b = of(trie_.start_either().tokens, unglued);
            else if (spaced)
                b = of(trie_.start_spaced().tokens, unglued);
            else if (bare)
                b = of(trie_.start_bare().tokens, unglued);
        }
    }

    last_text_ = text_list ? a.ids : nullptr;
    last_text_size_ = text_list ? a.size : 0;

    std::int32_t banned[max_banned + 1];
    // Completing a character is not optional, so repetition is not policed inside one.
    const int n_banned = st.pending_ >= 0 ? 0 : banned_tokens(banned);
    banned[n_banned] = INT32_MAX;
    std::int32_t no_ban = INT32_MAX;

    const bool full = cur_p->size == tc.vocab_size();
    const llama_token_data *data = full ? cur_p->data : nullptr;
    const bool filter = remaining < tc.max_token_words() || a.forbid != 0 || b.forbid != 0;
    bool identity = true;
    std::size_t n = collect_any(data, a, b, banned, ws, remaining, filter, identity);
    // Never leave nothing to sample: first forgive repetition, then the word budget; a character already
    // begun must still be completed (its completions are never empty), anything else may end the sentence.
    if (n == 0 && n_banned > 0) n = collect_any(data, a, b, &no_ban, ws, remaining, filter, identity);
    if (n == 0 && st.pending_ >= 0) {
        a.forbid = 0;
        n = collect_any(data, a, {}, &no_ban, ws, remaining, false, identity);
    }
    if (n == 0) n = collect_any(data, of(tc.terminators()), {}, &no_ban, ws, remaining, false, identity);

    if (full && identity) {
        std::memcpy(cur_p->data, out_.data(), n * sizeof(llama_token_data));
        cur_p->size = n;
        cur_p->sorted = false;
        cur_p->selected = -1;
        return;
    }
    // Fallback: the array is not the id-ordered vocabulary. Mask instead of compacting.
    for (std::size_t k = 0; k < n; ++k) {
        const auto id = static_cast<std::size_t>(out_[k].id);
        mask_[id >> 6] |= std::uint64_t{1} << (id & 63);
    }
    const std::size_t vocab = tc.vocab_size();
    for (std::size_t k = 0; k < cur_p->size; ++k) {
        const std::int32_t id = cur_p->data[k].id;
        const bool ok =
            id >= 0 && static_cast<std::size_t>(id) < vocab &&
            (mask_[static_cast<std::size_t>(id) >> 6] >> (static_cast<std::size_t>(id) & 63) & 1) != 0;
        if (!ok) cur_p->data[k].logit = -INFINITY;
    }
    for (std::size_t k = 0; k < n; ++k) mask_[static_cast<std::size_t>(out_[k].id) >> 6] = 0;
}

void constraint_sampler::accept(std::int32_t token) {
    const token_classes &tc = *classes_;
    if (token < 0 || static_cast<std::size_t>(token) >= tc.vocab_size()) return;
    sync_paragraph();
    constraint_state &st = *state_;
    const token_effect *e = &tc.effect(token);
    bool via_name = false;
    const bool was_copying = st.name_node_ >= 0;
    if (st.pending_ >= 0) {
        const auto &ps = tc.pending()[static_cast<std::size_t>(st.pending_)];
        const auto it = std::lower_bound(ps.tokens.begin(), ps.tokens.end(), token);
        if (it != ps.tokens.end() && *it == token)
            e = &ps.effects[static_cast<std::size_t>(it - ps.tokens.begin())];
    } else if (st.name_node_ >= 0) {
        const std::int32_t next = trie_.next(st.name_node_).find(token);
        via_name = next >= 0;
        st.name_node_ = next;
    } else if (use_names_ && ((e->flags & token_flag::allowed) == 0 ||
                              (last_text_ != nullptr &&
                               !std::binary_search(last_text_, last_text_ + last_text_size_, token)))) {
        // A token outside the text the last apply offered can only have come from the name trie (where a
        // token is both, apply took it as text, and so does this).
        const std::int32_t next = trie_.start_either().find(token);
        via_name = next >= 0;
        st.name_node_ = next;
    }
    // A copy that cannot go on is finished: the next token must not glue a letter to it.
    // A joiner right after a copy ("Marine-", "OpenAI.") keeps the next token from gluing a letter on.
    st.after_copy_ = st.after_copy_ && !via_name && st.name_node_ < 0 && (e->flags & joiner_only) != 0;
    if (st.name_node_ >= 0 && trie_.terminal(st.name_node_) && !trie_.has_children(st.name_node_)) {
        st.name_node_ = -1;
        st.after_copy_ = true;
    }
    // Two copies need words of the target between them: "Blackwell University" from two names reads as
    // one name the source never gave (precis::extract_latin_names joins Latin words separated by spaces).
    if (st.after_copy_ || (was_copying && !via_name)) st.copy_word_last_ = true;
    if (!via_name && st.name_node_ < 0 && (e->flags & has_letters) != 0 && (e->flags & connector_word) == 0)
        st.copy_word_last_ = false;

    const int ws = static_cast<int>(st.word_);
    const bool was_forced = st.budget_.max_words != 0 && st.words_ >= st.budget_.max_words;
    st.words_ += e->words[ws];
    if (via_name) st.copy_words_ += e->words[ws];
    st.sentence_words_ += e->words[ws];
    st.word_ = static_cast<word_state>(e->end_state[ws]);
    st.pending_ = e->pending;
    st.after_space_ = (e->flags & ends_with_space) != 0;
    // A token that only began a character leaves the letter before it in charge of what a mark may follow.
    if ((e->flags & has_chars) != 0) st.after_letter_ = (e->flags & ends_with_letter) != 0;
    st.open_quotes_ = std::max(0, st.open_quotes_ + e->quote_delta);
    if (e->straight_quotes & 1) st.straight_quote_open_ = !st.straight_quote_open_;
    // A paragraph does not end inside a quotation: a sentence that ends inside one («… نص.») completes the
    // paragraph when its closing mark follows. At the word limit the quotation gets a few tokens to close.
    const bool closed = (st.open_quotes_ == 0 && !st.straight_quote_open_) ||
                        (was_forced && st.forced_tokens_ + 1 >= force_close_tokens);
    // Letters close the stretch where a capital may open the sentence; a sentence end (after them, as
    // terminators end their token) opens the next.
    if ((e->flags & has_letters) != 0) st.sentence_open_ = false;
    if (!via_name && (e->flags & ends_sentence) != 0) {
        st.sentence_open_ = true;
        // (A terminator inside a name, "U.S.", does not end the sentence.)
        const bool may_end = st.words_ >= st.budget_.min_words;
        st.complete_ = may_end && closed;
        st.awaiting_close_ = may_end && !closed;
        st.sentence_words_ = 0;
    } else if (st.awaiting_close_ && (e->flags & only_closers) != 0) {
        st.complete_ = closed;
    } else {
        st.awaiting_close_ = false;
    }
    ++st.tokens_;
    if (was_forced) ++st.forced_tokens_;

    if (ngram_ == 0) return;
    if (context_len_ >= ngram_ - 1 && used_ < ngram_max_used) {
        const std::uint64_t key = context_key();
        std::size_t i = key & (ngram_slots - 1);
        bool known = false;
        for (; table_[i].key != 0; i = (i + 1) & (ngram_slots - 1))
            if (table_[i].key == key && table_[i].token == token) {
                known = true;
                break;
            }
        if (!known) {
            table_[i] = {key, token};
            ++used_;
        }
    }
    if (context_len_ < ngram_ - 1) {
        context_[context_len_++] = token;
    } else if (ngram_ > 1) {
        std::memmove(context_, context_ + 1, static_cast<std::size_t>(ngram_ - 2) * sizeof(std::int32_t));
        context_[ngram_ - 2] = token;
    }
}

namespace {

constraint_sampler *self(const llama_sampler *smpl) {
    return static_cast<constraint_sampler *>(smpl->ctx);
}

llama_sampler *clone_sampler(const llama_sampler *smpl);

llama_sampler_i constraint_iface = {
    .name = [](const llama_sampler *) { return "precis-constraint"; },
    .accept = [](llama_sampler *smpl, llama_token token) { self(smpl)->accept(token); },
    .apply = [](llama_sampler *smpl, llama_token_data_array *cur_p) { self(smpl)->apply(cur_p); },
    .reset = [](llama_sampler *smpl) { self(smpl)->reset(); },
    .clone = clone_sampler,
    .free = [](llama_sampler *smpl) { delete self(smpl); },
};

// A clone shares the constraint_state (the state belongs to the run, not to one sampler object).
llama_sampler *clone_sampler(const llama_sampler *smpl) {
    return llama_sampler_init(&constraint_iface, new constraint_sampler(*self(smpl)));
}

}  // namespace

namespace {

// The value of a digit in any of the three digit sets extract_numbers reads, or -1.
int digit_value(char32_t cp) noexcept {
    if (cp >= U'0' && cp <= U'9') return static_cast<int>(cp - U'0');
    if (cp >= 0x0660 && cp <= 0x0669) return static_cast<int>(cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) return static_cast<int>(cp - 0x06F0);
    return -1;
}

bool is_separator(char32_t cp) noexcept {
    return cp == U',' || cp == U'.' || cp == U'٫' || cp == U'٬' || cp == U'،';
}

}  // namespace

std::vector<std::string> copyable_numbers(std::string_view source_text, const precis::language &target) {
    const char32_t native_zero = alphabet_for(target).native_zero;
    std::vector<std::string> out;
    std::set<std::string> seen;
    const auto add = [&](std::string s) {
        if (!s.empty() && seen.insert(s).second) out.push_back(std::move(s));
    };
    for (const auto &number : extract_numbers(source_text)) {
        if (number.unit == "code") continue;  // "H800": a name, copied with its letters
        std::u32string cps;
        for (std::size_t pos = 0; pos < number.text.size();) cps.push_back(next_code_point(number.text, pos));
        // The digit group: the first digit, then digits and separators that sit between digits.
        std::size_t b = 0;
        while (b < cps.size() && digit_value(cps[b]) < 0) ++b;
        if (b == cps.size()) continue;  // a scale word without digits ("مليون")
        std::size_t e = b;
        while (e < cps.size() && (digit_value(cps[e]) >= 0 || (is_separator(cps[e]) && e + 1 < cps.size() &&
                                                               digit_value(cps[e + 1]) >= 0)))
            ++e;
        const std::u32string_view group = std::u32string_view(cps).substr(b, e - b);
        // Which separators group thousands: one followed by exactly three digits, unless it is the only dot
        // of the group ("5.600" is read as a decimal, as extract_numbers reads it); the rest mark decimals.
        std::size_t dots = 0;
        for (char32_t cp : group) dots += cp == U'.';
        std::vector<bool> thousands(group.size(), false);
        for (std::size_t i = 0; i < group.size(); ++i) {
            if (!is_separator(group[i])) continue;
            std::size_t k = i + 1;
            while (k < group.size() && digit_value(group[k]) >= 0) ++k;
            thousands[i] = k - i - 1 == 3 && (group[i] != U'.' || dots > 1);
        }
        const auto spell = [&](char32_t zero, char32_t group_mark, char32_t decimal_mark) {
            std::string s;
            for (std::size_t i = 0; i < group.size(); ++i) {
                const int d = digit_value(group[i]);
                append_utf8(
                    s, d >= 0 ? zero + static_cast<char32_t>(d) : (thousands[i] ? group_mark : decimal_mark));
            }
            return s;
        };
        // As written, when its digits are ones the target writes; then in Western digits; then native.
        bool own_digits = true;
        for (char32_t cp : group) {
            const int d = digit_value(cp);
            if (d >= 0 && cp != U'0' + static_cast<char32_t>(d) &&
                (native_zero == 0 || cp != native_zero + static_cast<char32_t>(d)))
                own_digits = false;
        }
        if (own_digits) {
            std::string s;
            for (char32_t cp : group) append_utf8(s, cp);
            add(std::move(s));
        }
        add(spell(U'0', U',', U'.'));
        if (native_zero != 0) add(spell(native_zero, U'٬', U'٫'));
    }
    return out;
}

llama_sampler *make_constraint_sampler(std::shared_ptr<const token_classes> classes,
                                       const constraint_options &options, constraint_state *state) {
    if (!classes || state == nullptr || options.target == nullptr)
        throw error{errc::internal,
                    "make_constraint_sampler: token classes, state and target language are required"};
    if (options.target->code != classes->target().code)
        throw error{errc::internal, "make_constraint_sampler: token classes are for " +
                                        std::string(classes->target().code) + ", options target " +
                                        std::string(options.target->code)};
    return llama_sampler_init(&constraint_iface, new constraint_sampler(std::move(classes), options, state));
}

}  // namespace precis::detail
