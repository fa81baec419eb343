// The constraint sampler's per-token path (apply + accept) never allocates: this binary counts every operator
// new while a flag is set, and runs thousands of constrained steps with the flag set around apply and accept.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <random>
#include <string>
#include <vector>

#include "llama.h"
#include "llm/constraint_sampler.h"
#include "precis/language.h"

namespace {
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};
}  // namespace

void *operator new(std::size_t size) {
    if (counting.load(std::memory_order_relaxed)) allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc{};
}
void *operator new[](std::size_t size) {
    return operator new(size);
}
void operator delete(void *p) noexcept {
    std::free(p);
}
void operator delete[](void *p) noexcept {
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void *p, std::size_t) noexcept {
    std::free(p);
}

namespace {

using namespace precis::detail;

TEST(constraint_sampler, apply_and_accept_never_allocate) {
    llama_backend_init();
    llama_log_set([](ggml_log_level, const char *, void *) {}, nullptr);
    llama_model_params params = llama_model_default_params();
    params.vocab_only = true;
    const std::string path = std::string(PRECIS_LLAMA_DIR) + "/models/ggml-vocab-qwen2.gguf";
    llama_model *model = llama_model_load_from_file(path.c_str(), params);
    if (model == nullptr) GTEST_SKIP() << path << " not found";
    const llama_vocab *vocab = llama_model_get_vocab(model);

    for (const char *code : {"ar", "zh"}) {
        const precis::language *lang = precis::find_language(code);
        constraint_state state;
        constraint_options options;
        options.target = lang;
        options.names = {"DeepSeek", "H800"};
        llama_sampler *smpl = make_constraint_sampler(token_classes_for(vocab, *lang), options, &state);
        const auto n = static_cast<std::size_t>(llama_vocab_n_tokens(vocab));
        std::vector<llama_token_data> cur(n);
        std::mt19937 rng(11);
        std::uniform_real_distribution<float> logit(-4.0f, 4.0f);
        std::vector<float> pool(1 << 18);
        for (auto &x : pool) x = logit(rng);
        state.begin_paragraph({20, 22, 24});
        long during = 0;
        for (int step = 0; step < 3000; ++step) {
            const std::size_t offset = rng();
            for (std::size_t t = 0; t < n; ++t)
                cur[t] = {static_cast<llama_token>(t), pool[(offset + t) & (pool.size() - 1)], 0.0f};
            llama_token_data_array cur_p{cur.data(), cur.size(), -1, false};
            allocations = 0;
            counting = true;
            llama_sampler_apply(smpl, &cur_p);
            counting = false;
            during += allocations;
            const llama_token token = cur_p.data[static_cast<std::size_t>(rng()) % cur_p.size].id;
            allocations = 0;
            counting = true;
            llama_sampler_accept(smpl, token);
            counting = false;
            during += allocations;
            if (state.paragraph_complete()) state.begin_paragraph({20, 22, 24});
        }
        EXPECT_EQ(during, 0) << code << ": apply/accept allocated " << during << " times over 3000 steps";
        EXPECT_GT(state.paragraphs(), 5u) << code << ": the run should have gone through several paragraphs";
        llama_sampler_free(smpl);
    }
    llama_model_free(model);
}

}  // namespace
