# precis — the two commands a new user needs are `make demo` and `make test`.
# Each target does its own set-up first, so either works alone on a fresh Debian 12 machine (as root).
PRESET ?= release
BUILD  := build/$(PRESET)
JOBS   ?= $(shell nproc)
CTEST_ARGS ?=
# Paths relative to the checkout in ccache's hash, so another clone (CI's) reuses the cache.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: all setup configure build test test-unit demo bench format clean

all: build

# Debian packages + the pinned llama.cpp (third_party/llama.cpp). Idempotent, offline once done.
# scripts/setup checks in a fraction of a second when everything is there.
setup:
	scripts/setup

$(BUILD)/build.ninja:
	cmake --preset $(PRESET)

configure: setup
	$(MAKE) --no-print-directory $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) $(CTEST_ARGS)

test-unit: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) -L unit

demo: build
	scripts/demo $(BUILD)

bench: build
	cmake --build $(BUILD) -j $(JOBS) --target llama-bench
	bench/run $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf build
