// Input and output for the CLI: whole-file reads with a size limit, atomic writes.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include <fmt/core.h>

#include "commands.h"
#include "precis/error.h"
#include "precis/ingest.h"

namespace precis::cli {

namespace fs = std::filesystem;

std::string read_input(const std::string &path) {
    std::string data;
    if (path.empty() || path == "-") {
        // Read stdin in chunks so an endless pipe is refused at the limit instead of exhausting memory.
        char buffer[1 << 16];
        std::size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
            data.append(buffer, n);
            if (data.size() > max_input_bytes)
                throw error(errc::bad_input,
                            fmt::format("standard input is larger than {} MiB; split the article or pass a file",
                                        max_input_bytes >> 20),
                            "-");
        }
        return data;
    }
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        throw error(errc::bad_input, fmt::format("cannot read {}: no such file", path), path);
    if (fs::is_directory(status))
        throw error(errc::bad_input, fmt::format("{} is a directory; give a file (or use `precis batch`)", path),
                    path);
    auto size = fs::is_regular_file(status) ? fs::file_size(path, ec) : 0;
    if (!ec && size > max_input_bytes)
        throw error(errc::bad_input,
                    fmt::format("{} is {} MiB; precis reads at most {} MiB of input", path, size >> 20,
                                max_input_bytes >> 20),
                    path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(errc::bad_input, fmt::format("cannot open {}: {}", path, std::strerror(errno)), path);
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (data.size() > max_input_bytes)
        throw error(errc::bad_input, fmt::format("{} is larger than {} MiB", path, max_input_bytes >> 20), path);
    return data;
}

void write_output(const std::string &path, std::string_view text) {
    if (path.empty() || path == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fflush(stdout);
        return;
    }
    // Write beside the target and rename: a crash or a full disk never leaves a half-written summary.
    fs::path target(path);
    fs::path tmp = target;
    tmp += fmt::format(".tmp-{}", ::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw error(errc::bad_input, fmt::format("cannot write {}: {}", path, std::strerror(errno)), path);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            fs::remove(tmp, ignored);
            throw error(errc::bad_input, fmt::format("cannot write {} (disk full?)", path), path);
        }
    }
    std::error_code ec;
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw error(errc::bad_input, fmt::format("cannot write {}: {}", path, ec.message()), path);
    }
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace precis::cli
