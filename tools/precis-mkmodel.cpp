// precis-mkmodel — writes a GGUF model with seeded random weights and a real tokenizer, for tests and
// benchmarks. Nothing is downloaded: the tokenizer (every tokenizer.* key) is copied from a vocab-only GGUF
// that ships with llama.cpp (third_party/llama.cpp/models/ggml-vocab-*.gguf), the weights come from a seeded
// PRNG, so the same command always writes the same file.
//
//   precis-mkmodel --vocab third_party/llama.cpp/models/ggml-vocab-qwen2.gguf --arch qwen2 --shape tiny
//                  --seed 1 -o tiny.gguf
//   precis-mkmodel --vocab .../ggml-vocab-qwen2.gguf --arch qwen2 --shape qwen2.5-0.5b --type q4_k_m
//                  -o q.gguf
//
// A random model wants to emit any token, which makes it the hardest test of the constraint decoder; its
// speed per token equals that of a trained model of the same shape, which makes it a fair benchmark.
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ggml.h"
#include "gguf.h"
#include "llama.h"

namespace {

struct shape {
    std::uint32_t n_embd = 64;
    std::uint32_t n_layer = 2;
    std::uint32_t n_ff = 128;
    std::uint32_t n_head = 4;
    std::uint32_t n_head_kv = 2;
    std::uint32_t n_ctx = 32768;
};

// The real Qwen2.5-0.5B (config.json of the instruct model): the shape DESIGN.md benchmarks on.
constexpr shape qwen25_05b{896, 24, 4864, 14, 2, 32768};

// ChatML-style template for qwen2 models. llama.cpp's llama_chat_apply_template recognises the family by
// its markers (<|im_start|>), so any template carrying them formats prompts the ChatML way.
constexpr const char *chatml_template =
    "{%- for message in messages -%}"
    "<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}<|im_start|>assistant\n{%- endif -%}";

// Llama-2-style template (an [INST] block with a <<SYS>> section) for the SentencePiece llama vocabulary.
constexpr const char *inst_template =
    "{{ bos_token }}{%- for message in messages -%}"
    "{%- if message['role'] == 'system' -%}[INST] <<SYS>>\n{{ message['content'] }}\n<</SYS>>\n\n"
    "{%- elif message['role'] == 'user' -%}{{ message['content'] }} [/INST]"
    "{%- else -%} {{ message['content'] }}{{ eos_token }}{%- endif -%}"
    "{%- endfor -%}";

// xoshiro256** seeded through splitmix64: fast, and the same stream on every platform, so a seed names
// one file exactly.
class rng {
public:
    explicit rng(std::uint64_t seed) {
        for (auto &s : s_) {
            seed += 0x9e3779b97f4a7c15ull;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
            s = z ^ (z >> 31);
        }
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // Uniform in [-1, 1).
    float symmetric() { return static_cast<float>(static_cast<std::int64_t>(next()) >> 40) * 0x1p-23f; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

// One tensor to write: its name, dimensions (ggml order: ne[0] is the row length) and how to fill it.
struct tensor_spec {
    std::string name;
    std::int64_t ne0 = 0, ne1 = 1;
    bool is_norm = false;  // filled with ones, stored as f32
    bool is_1d = false;    // biases: random, stored as f32
};

std::vector<tensor_spec> tensors_for(const std::string &arch, const shape &s, std::int64_t n_vocab) {
    const std::int64_t head_dim = s.n_embd / s.n_head;
    const std::int64_t n_embd_gqa = head_dim * s.n_head_kv;
    std::vector<tensor_spec> t;
    t.push_back({"token_embd.weight", s.n_embd, n_vocab});
    t.push_back({"output_norm.weight", s.n_embd, 1, true, true});
    // Qwen2.5-0.5B ties its output projection to the embeddings; llama models carry their own.
    if (arch == "llama") t.push_back({"output.weight", s.n_embd, n_vocab});
    for (std::uint32_t i = 0; i < s.n_layer; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        t.push_back({p + "attn_norm.weight", s.n_embd, 1, true, true});
        t.push_back({p + "attn_q.weight", s.n_embd, s.n_embd});
        t.push_back({p + "attn_k.weight", s.n_embd, n_embd_gqa});
        t.push_back({p + "attn_v.weight", s.n_embd, n_embd_gqa});
        if (arch == "qwen2") {  // qwen2 has q/k/v biases
            t.push_back({p + "attn_q.bias", s.n_embd, 1, false, true});
            t.push_back({p + "attn_k.bias", n_embd_gqa, 1, false, true});
            t.push_back({p + "attn_v.bias", n_embd_gqa, 1, false, true});
        }
        t.push_back({p + "attn_output.weight", s.n_embd, s.n_embd});
        t.push_back({p + "ffn_norm.weight", s.n_embd, 1, true, true});
        t.push_back({p + "ffn_gate.weight", s.n_embd, s.n_ff});
        t.push_back({p + "ffn_down.weight", s.n_ff, s.n_embd});
        t.push_back({p + "ffn_up.weight", s.n_embd, s.n_ff});
    }
    return t;
}

// Silences llama.cpp/ggml logging (quantization is chatty) unless the user asked for it.
void quiet_log(ggml_log_level level, const char *text, void *) {
    if (level == GGML_LOG_LEVEL_ERROR) std::fputs(text, stderr);
}

struct gguf_deleter {
    void operator()(gguf_context *c) const { gguf_free(c); }
};
struct ggml_deleter {
    void operator()(ggml_context *c) const { ggml_free(c); }
};

int fail(const std::string &message) {
    std::fprintf(stderr, "precis-mkmodel: %s\n", message.c_str());
    return 3;
}

// Writes the f16 (or f32) model to `path`, streaming tensor data so even a real-sized model needs one tensor's
// worth of memory. Returns an error message, empty on success.
std::string write_float(const std::string &path, gguf_context *vocab, const std::string &arch, const shape &s,
                        std::uint64_t seed, bool chat_template, float scale, bool f32) {
    std::unique_ptr<gguf_context, gguf_deleter> out(gguf_init_empty());
    // Copy every key, then drop what describes the vocab file rather than a model: the vocab GGUFs also
    // carry an architecture and sometimes hyper-parameters of the model they were cut from.
    gguf_set_kv(out.get(), vocab);
    for (int64_t i = gguf_get_n_kv(out.get()) - 1; i >= 0; --i) {
        const std::string key = gguf_get_key(out.get(), i);
        if (key.rfind("tokenizer.", 0) != 0) gguf_remove_key(out.get(), key.c_str());
    }
    const int64_t tokens_key = gguf_find_key(out.get(), "tokenizer.ggml.tokens");
    if (tokens_key < 0) return "the vocab file has no tokenizer.ggml.tokens: pass a ggml-vocab-*.gguf";
    const auto n_vocab = static_cast<std::int64_t>(gguf_get_arr_n(out.get(), tokens_key));

    if (!chat_template)
        gguf_remove_key(out.get(), "tokenizer.chat_template");
    else
        gguf_set_val_str(out.get(), "tokenizer.chat_template", arch == "qwen2" ? chatml_template : inst_template);

    gguf_set_val_str(out.get(), "general.architecture", arch.c_str());
    gguf_set_val_str(out.get(), "general.type", "model");
    const std::string name = "precis-random-" + arch + "-" + std::to_string(s.n_embd) + "x" +
                             std::to_string(s.n_layer) + "-seed" + std::to_string(seed);
    gguf_set_val_str(out.get(), "general.name", name.c_str());
    gguf_set_val_u32(out.get(), "general.file_type", f32 ? LLAMA_FTYPE_ALL_F32 : LLAMA_FTYPE_MOSTLY_F16);
    gguf_set_val_u32(out.get(), "general.quantization_version", GGML_QNT_VERSION);
    const std::string a = arch + ".";
    gguf_set_val_u32(out.get(), (a + "context_length").c_str(), s.n_ctx);
    gguf_set_val_u32(out.get(), (a + "embedding_length").c_str(), s.n_embd);
    gguf_set_val_u32(out.get(), (a + "block_count").c_str(), s.n_layer);
    gguf_set_val_u32(out.get(), (a + "feed_forward_length").c_str(), s.n_ff);
    gguf_set_val_u32(out.get(), (a + "attention.head_count").c_str(), s.n_head);
    gguf_set_val_u32(out.get(), (a + "attention.head_count_kv").c_str(), s.n_head_kv);
    gguf_set_val_f32(out.get(), (a + "attention.layer_norm_rms_epsilon").c_str(), 1e-6f);
    gguf_set_val_f32(out.get(), (a + "rope.freq_base").c_str(), arch == "qwen2" ? 1000000.0f : 10000.0f);
    gguf_set_val_u32(out.get(), (a + "vocab_size").c_str(), static_cast<std::uint32_t>(n_vocab));

    const auto specs = tensors_for(arch, s, n_vocab);
    // Metadata only (no_alloc): the data is generated tensor by tensor below.
    ggml_init_params ip{ggml_tensor_overhead() * (specs.size() + 1), nullptr, true};
    std::unique_ptr<ggml_context, ggml_deleter> meta(ggml_init(ip));
    for (const auto &t : specs) {
        const ggml_type type = t.is_1d || f32 ? GGML_TYPE_F32 : GGML_TYPE_F16;
        ggml_tensor *x = t.is_1d ? ggml_new_tensor_1d(meta.get(), type, t.ne0)
                                 : ggml_new_tensor_2d(meta.get(), type, t.ne0, t.ne1);
        ggml_set_name(x, t.name.c_str());
        gguf_add_tensor(out.get(), x);
    }
    if (!gguf_write_to_file(out.get(), path.c_str(), /*only_meta=*/true)) return "cannot write " + path;

    std::FILE *f = std::fopen(path.c_str(), "ab");
    if (!f) return "cannot append to " + path;
    const std::size_t alignment = gguf_get_alignment(out.get());
    std::vector<float> row;
    std::vector<ggml_fp16_t> row16;
    std::vector<char> zeros(alignment, 0);
    bool ok = true;
    for (std::size_t i = 0; i < specs.size() && ok; ++i) {
        const auto &t = specs[i];
        // Each tensor has its own stream, so a tensor's values do not depend on the ones before it.
        rng r(seed * 0x100000001b3ull + i);
        row.resize(static_cast<std::size_t>(t.ne0));
        row16.resize(row.size());
        std::size_t written = 0;
        for (std::int64_t j = 0; j < t.ne1 && ok; ++j) {
            for (auto &v : row) v = t.is_norm ? 1.0f : scale * r.symmetric();
            if (t.is_1d || f32) {
                ok = std::fwrite(row.data(), sizeof(float), row.size(), f) == row.size();
                written += row.size() * sizeof(float);
            } else {
                ggml_fp32_to_fp16_row(row.data(), row16.data(), static_cast<std::int64_t>(row.size()));
                ok = std::fwrite(row16.data(), sizeof(ggml_fp16_t), row16.size(), f) == row16.size();
                written += row16.size() * sizeof(ggml_fp16_t);
            }
        }
        const std::size_t pad = GGML_PAD(written, alignment) - written;
        if (ok && pad) ok = std::fwrite(zeros.data(), 1, pad, f) == pad;
    }
    if (std::fclose(f) != 0) ok = false;
    if (!ok) return "failed while writing tensor data to " + path + " (disk full?)";
    return {};
}

}  // namespace

int main(int argc, char **argv) {
    CLI::App app{"Writes a GGUF model with seeded random weights and a real tokenizer (for tests/benchmarks)"};
    std::string vocab_path, arch = "qwen2", shape_name = "tiny", type = "f16", out_path;
    std::uint64_t seed = 1;
    bool no_chat_template = false, verbose = false;
    float scale = 0.035f;
    std::optional<std::uint32_t> n_embd, n_layer, n_ff, n_head, n_head_kv, n_ctx;
    app.add_option("--vocab", vocab_path, "vocab-only GGUF to take the tokenizer from")->required();
    app.add_option("--arch", arch, "model architecture")->check(CLI::IsMember({"qwen2", "llama"}));
    app.add_option("--shape", shape_name, "tiny (64 wide, 2 layers) or qwen2.5-0.5b")
        ->check(CLI::IsMember({"tiny", "qwen2.5-0.5b"}));
    app.add_option("--n-embd", n_embd, "override: embedding width");
    app.add_option("--n-layer", n_layer, "override: number of layers");
    app.add_option("--n-ff", n_ff, "override: feed-forward width");
    app.add_option("--n-head", n_head, "override: attention heads");
    app.add_option("--n-head-kv", n_head_kv, "override: key/value heads");
    app.add_option("--n-ctx", n_ctx, "override: training context length");
    app.add_option("--seed", seed, "PRNG seed for the weights");
    app.add_option("--scale", scale, "weights are uniform in [-scale, scale]");
    app.add_option("--type", type, "weight type")->check(CLI::IsMember({"f32", "f16", "q8_0", "q4_k_m"}));
    app.add_flag("--no-chat-template", no_chat_template, "leave tokenizer.chat_template out");
    app.add_flag("-v,--verbose", verbose, "show llama.cpp's log");
    app.add_option("-o,--output", out_path, "output GGUF")->required();
    CLI11_PARSE(app, argc, argv);

    shape s = shape_name == "tiny" ? shape{} : qwen25_05b;
    if (n_embd) s.n_embd = *n_embd;
    if (n_layer) s.n_layer = *n_layer;
    if (n_ff) s.n_ff = *n_ff;
    if (n_head) s.n_head = *n_head;
    if (n_head_kv) s.n_head_kv = *n_head_kv;
    if (n_ctx) s.n_ctx = *n_ctx;
    if (s.n_head == 0 || s.n_head_kv == 0 || s.n_embd % s.n_head != 0 || s.n_head % s.n_head_kv != 0 ||
        s.n_layer == 0 || s.n_ff == 0)
        return fail("inconsistent shape: n_embd must be a multiple of n_head, n_head of n_head_kv, all > 0");

    if (!verbose) llama_log_set(quiet_log, nullptr);

    gguf_init_params gp{true, nullptr};
    std::unique_ptr<gguf_context, gguf_deleter> vocab(gguf_init_from_file(vocab_path.c_str(), gp));
    if (!vocab) return fail("cannot read the vocab GGUF " + vocab_path + " (missing or not a GGUF file)");

    const bool quantize = type == "q8_0" || type == "q4_k_m";
    const std::string f16_path = quantize ? out_path + ".f16.tmp" : out_path;
    if (auto err = write_float(f16_path, vocab.get(), arch, s, seed, !no_chat_template, scale, type == "f32");
        !err.empty()) {
        std::filesystem::remove(f16_path);
        return fail(err);
    }
    if (quantize) {
        llama_backend_init();
        auto qp = llama_model_quantize_default_params();
        qp.ftype = type == "q8_0" ? LLAMA_FTYPE_MOSTLY_Q8_0 : LLAMA_FTYPE_MOSTLY_Q4_K_M;
        qp.nthread = 0;
        const auto rc = llama_model_quantize(f16_path.c_str(), out_path.c_str(), &qp);
        std::filesystem::remove(f16_path);
        llama_backend_free();
        if (rc != 0) {
            std::filesystem::remove(out_path);
            return fail("quantization to " + type + " failed (rerun with -v for llama.cpp's log)");
        }
    }
    return 0;
}
