// src/llm/model.h — a loaded GGUF model (the opaque precis::model of precis/engine.h) and the process-wide
// llama.cpp set-up.
//
//   auto m = precis::load_model({.model_path = "tiny.gguf"});   // error{model} on a bad file
//   llama_model *raw = m->handle();                              // for contexts and samplers (src/llm only)
//
// A model is immutable once loaded; any number of threads may create contexts on it at once.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "precis/engine.h"

struct llama_model;
struct llama_vocab;

namespace precis {

class model {
public:
    // Loads `params.model_path` (see load_model). Throws error{model}.
    explicit model(const engine_params &params);
    ~model();
    model(const model &) = delete;
    model &operator=(const model &) = delete;

    llama_model *handle() const noexcept { return model_; }
    const llama_vocab *vocab() const noexcept { return vocab_; }
    const std::string &name() const noexcept { return name_; }
    const std::string &path() const noexcept { return path_; }
    // The chat template stored in the file, or empty when it has none.
    const std::string &chat_template() const noexcept { return chat_template_; }
    // Threads to compute with (engine_params::threads, or the hardware's when that was 0).
    int threads() const noexcept { return threads_; }
    // The context size asked for (0 = fit) and the one the model was trained with.
    std::size_t requested_context() const noexcept { return requested_context_; }
    std::size_t train_context() const noexcept { return train_context_; }

private:
    llama_model *model_ = nullptr;
    const llama_vocab *vocab_ = nullptr;
    std::string name_, path_, chat_template_;
    int threads_ = 1;
    std::size_t requested_context_ = 0, train_context_ = 0;
};

namespace detail {

// Initialises llama.cpp's backends once per process and routes its log: silent unless PRECIS_LLAMA_LOG is set
// in the environment (then everything goes to stderr). Thread-safe, idempotent.
void init_llama() noexcept;

// Checks that `path` is a readable, complete GGUF file before llama.cpp sees it: exists, is a regular file,
// starts with the GGUF magic, has a parseable header, and is as long as its tensor table says. Throws
// error{model} saying which of these failed (the path in `detail`).
void check_gguf_file(const std::string &path);

}  // namespace detail
}  // namespace precis
