// Loading a GGUF model with errors a user can act on. llama.cpp's own failure is a null pointer and a log line
// (which precis silences), so the file is checked first with the gguf API: a missing file, a file that is not
// GGUF and a truncated download each get their own message.
#include "llm/model.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "ggml.h"
#include "gguf.h"
#include "llama.h"
#include "precis/error.h"

namespace precis {

namespace detail {

namespace {

void log_to_stderr(ggml_log_level, const char *text, void *) { std::fputs(text, stderr); }
void log_nothing(ggml_log_level, const char *, void *) {}

struct gguf_deleter {
    void operator()(gguf_context *c) const noexcept { gguf_free(c); }
};

[[noreturn]] void model_error(std::string message, const std::string &path) {
    throw error{errc::model, std::move(message), path};
}

}  // namespace

void init_llama() noexcept {
    static std::once_flag once;
    std::call_once(once, [] {
        // The log callback is process-wide in llama.cpp; set it before anything can log.
        llama_log_set(std::getenv("PRECIS_LLAMA_LOG") ? log_to_stderr : log_nothing, nullptr);
        llama_backend_init();
    });
}

void check_gguf_file(const std::string &path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        model_error(fmt::format("model file not found: {} (give the path of a .gguf model with --model)", path),
                    path);
    if (!fs::is_regular_file(status))
        model_error(fmt::format("model path is not a regular file: {} (give the .gguf file itself)", path), path);
    const auto size = fs::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    if (ec || !in || !in.read(magic, 4))
        model_error(fmt::format("cannot read the model file {} ({} bytes): not a GGUF model", path,
                                ec ? 0 : size),
                    path);
    if (std::string_view(magic, 4) != GGUF_MAGIC)
        model_error(fmt::format("{} is not a GGUF model (it does not start with \"GGUF\"); convert it with "
                                "llama.cpp's convert_hf_to_gguf.py or download a .gguf file",
                                path),
                    path);
    gguf_init_params params{/*no_alloc=*/true, /*ctx=*/nullptr};
    std::unique_ptr<gguf_context, gguf_deleter> ctx(gguf_init_from_file(path.c_str(), params));
    if (!ctx)
        model_error(fmt::format("{} has a damaged or truncated GGUF header ({} bytes); download it again", path,
                                size),
                    path);
    // The header lists every tensor's offset and size: a file shorter than the end of its last tensor is a
    // truncated download, which llama.cpp would otherwise report as an opaque read error (or mmap past EOF).
    std::uint64_t end = gguf_get_data_offset(ctx.get());
    const auto n_tensors = gguf_get_n_tensors(ctx.get());
    for (int64_t i = 0; i < n_tensors; ++i)
        end = std::max<std::uint64_t>(end, gguf_get_data_offset(ctx.get()) + gguf_get_tensor_offset(ctx.get(), i) +
                                               gguf_get_tensor_size(ctx.get(), i));
    if (size < end)
        model_error(fmt::format("{} is truncated: its header describes {} bytes of data but the file has {} "
                                "bytes; download it again",
                                path, end, size),
                    path);
    if (n_tensors == 0)
        model_error(fmt::format("{} holds no weights (a vocabulary-only GGUF?); give a complete model", path),
                    path);
    if (gguf_find_key(ctx.get(), "general.architecture") < 0)
        model_error(fmt::format("{} has no general.architecture key: not a llama.cpp model", path), path);
}

}  // namespace detail

model::model(const engine_params &params) : path_(params.model_path), requested_context_(params.context) {
    detail::init_llama();
    detail::check_gguf_file(path_);

    auto mp = llama_model_default_params();
    model_ = llama_model_load_from_file(path_.c_str(), mp);
    if (!model_) {
        char arch[128] = {};
        gguf_init_params gp{true, nullptr};
        if (gguf_context *g = gguf_init_from_file(path_.c_str(), gp)) {
            const auto key = gguf_find_key(g, "general.architecture");
            if (key >= 0 && gguf_get_kv_type(g, key) == GGUF_TYPE_STRING)
                std::snprintf(arch, sizeof arch, "%s", gguf_get_val_str(g, key));
            gguf_free(g);
        }
        throw error{errc::model,
                    fmt::format("llama.cpp could not load {} (architecture \"{}\"): the architecture may be "
                                "unsupported by this build or tensors are missing; set PRECIS_LLAMA_LOG=1 for "
                                "llama.cpp's log",
                                path_, arch),
                    path_};
    }
    vocab_ = llama_model_get_vocab(model_);
    if (llama_model_has_encoder(model_) || !llama_model_has_decoder(model_)) {
        llama_model_free(model_);
        throw error{errc::model,
                    fmt::format("{} is not a decoder-only text model; precis needs an instruct (chat) model", path_),
                    path_};
    }

    char buf[256] = {};
    if (llama_model_meta_val_str(model_, "general.name", buf, sizeof buf) > 0)
        name_ = buf;
    else
        name_ = std::filesystem::path(path_).filename().string();
    if (const char *tmpl = llama_model_chat_template(model_, nullptr)) chat_template_ = tmpl;

    threads_ = params.threads > 0 ? params.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    train_context_ = static_cast<std::size_t>(std::max(0, llama_model_n_ctx_train(model_)));
}

model::~model() {
    if (model_) llama_model_free(model_);
}

std::shared_ptr<model> load_model(const engine_params &params) {
    if (params.model_path.empty())
        throw error{errc::usage, "no model given: pass --model FILE.gguf (or use --mode extractive)"};
    if (params.threads < 0)
        throw error{errc::usage, fmt::format("threads must be 0 (all cores) or positive, got {}", params.threads)};
    return std::make_shared<model>(params);
}

const std::string &model_name(const model &m) noexcept { return m.name(); }

}  // namespace precis
