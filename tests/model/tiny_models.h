// tests/model/tiny_models.h — random-weight test models made at test time with precis-mkmodel.
//
//   const std::string &path = precis::test::tiny_model(precis::test::vocab::qwen2);
//
// ctest runs every test in its own process, so "once per binary" means: the first test to ask for a model
// writes it under PRECIS_TEST_TMP (atomically, via a temporary name and rename), the others reuse the file.
// The file name holds every mkmodel argument and the tool's own size and time stamp, so a rebuilt tool or a
// different shape never reuses a stale file.
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

#include "support/process.h"

namespace precis::test {

enum class vocab { qwen2, llama_spm };

struct model_options {
    std::uint64_t seed = 1;
    bool chat_template = true;
    std::string shape = "tiny";
    std::string type = "q8_0";  // 5x faster than f16 per token at this width (per-row dot overhead)
    std::string extra;  // more precis-mkmodel arguments, e.g. "--n-ctx 1024"
};

inline std::string vocab_path(vocab v) {
    return std::string(PRECIS_LLAMA_DIR) + "/models/" +
           (v == vocab::qwen2 ? "ggml-vocab-qwen2.gguf" : "ggml-vocab-llama-spm.gguf");
}

inline std::string mkmodel_path() { return std::string(PRECIS_BIN_DIR) + "/precis-mkmodel"; }

// Path of a model with these options, generating it on first use. Empty when precis-mkmodel failed (the
// caller asserts on it, with the tool's stderr in `error`).
inline std::string tiny_model(vocab v, const model_options &o = {}, std::string *error = nullptr) {
    struct stat st{};
    ::stat(mkmodel_path().c_str(), &st);
    const std::string args = std::string("--vocab ") + shell_quote(vocab_path(v)) + " --arch " +
                             (v == vocab::qwen2 ? "qwen2" : "llama") + " --shape " + o.shape + " --type " + o.type +
                             " --seed " + std::to_string(o.seed) + (o.chat_template ? "" : " --no-chat-template") +
                             (o.extra.empty() ? "" : " " + o.extra);
    const std::string key = args + "|" + std::to_string(st.st_size) + "|" + std::to_string(st.st_mtime);
    const std::string dir = std::string(PRECIS_TEST_TMP) + "/models";
    std::filesystem::create_directories(dir);
    const std::string path = dir + "/tiny-" + std::to_string(std::hash<std::string>{}(key)) + ".gguf";
    if (std::filesystem::exists(path)) return path;
    const std::string tmp = path + ".tmp" + std::to_string(::getpid());
    auto r = run_command(shell_quote(mkmodel_path()) + " " + args + " -o " + shell_quote(tmp));
    if (r.exit_code != 0) {
        if (error) *error = "precis-mkmodel " + args + " failed (" + std::to_string(r.exit_code) + "): " + r.err;
        std::filesystem::remove(tmp);
        return {};
    }
    std::filesystem::rename(tmp, path);
    return path;
}

}  // namespace precis::test
