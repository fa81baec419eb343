// tests/support/process.h — run the precis CLI (or a tool) from a test and capture what a user would see.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace precis::test {

struct process_result {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

inline std::string shell_quote(const std::string &s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs `command` through /bin/sh with stdin from `stdin_path` (or /dev/null); captures stdout and stderr.
inline process_result run_command(const std::string &command, const std::string &stdin_path = "/dev/null") {
    static int counter = 0;
    std::string err_path = std::string(PRECIS_TEST_TMP) + "/stderr-" + std::to_string(::getpid()) + "-" +
                           std::to_string(counter++) + ".txt";
    std::system(("mkdir -p " + shell_quote(PRECIS_TEST_TMP)).c_str());
    std::string full = command + " <" + shell_quote(stdin_path) + " 2>" + shell_quote(err_path);
    process_result r;
    FILE *pipe = ::popen(full.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 65536> buffer;
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
    int status = ::pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::ifstream e(err_path);
    std::stringstream ss;
    ss << e.rdbuf();
    r.err = ss.str();
    std::remove(err_path.c_str());
    return r;
}

// Runs the precis CLI with `args` (already shell-quoted where needed).
inline process_result run_precis(const std::string &args, const std::string &stdin_path = "/dev/null") {
    return run_command(shell_quote(std::string(PRECIS_BIN_DIR) + "/precis") + " " + args, stdin_path);
}

// Writes `content` to a file under PRECIS_TEST_TMP and returns its path.
inline std::string write_temp_file(const std::string &name, const std::string &content) {
    std::system(("mkdir -p " + shell_quote(PRECIS_TEST_TMP)).c_str());
    std::string path = std::string(PRECIS_TEST_TMP) + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

}  // namespace precis::test
