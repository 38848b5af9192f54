# Skyloom developer entry points. The README's two commands are `make run` and `make test`.
# Every target runs `setup` first (idempotent, fast when nothing is missing).

JOBS      ?= $(shell nproc)
PORT      ?= 8080
HOST      ?= 127.0.0.1
DATA      ?= build/run-data
export NODE_PATH := /usr/share/nodejs
# Debian's emscripten uses its prebuilt, frozen library cache in /usr/share/emscripten/cache
# (LTO variants included); an EM_CACHE pointing elsewhere makes every compile fail.
unexport EM_CACHE

HAVE_APP := $(wildcard src/app/CMakeLists.txt)

.PHONY: setup build build-native build-wasm dist run test bench fuzz format clean

setup:
	@scripts/setup

build: setup build-native $(if $(HAVE_APP),dist)

build-native:
	cmake --preset native >/dev/null
	cmake --build --preset native -j $(JOBS)

build-wasm:
	emcmake cmake --preset wasm >/dev/null
	cmake --build --preset wasm -j $(JOBS)

# The deployable static site in web/dist/.
dist: build-wasm
	scripts/make-dist

run: build
	@mkdir -p $(DATA)
	build/native/bin/skyloom-server --host $(HOST) --port $(PORT) --data $(DATA) \
	  $(if $(HAVE_APP),--site web/dist) --mailer outbox --demo

test: build
	cd build/native && ctest --output-on-failure -j 2 --timeout 900

bench: build
	scripts/bench

# Long libFuzzer run of the image decode path (clang + ASan/UBSan); `make test` runs 20 s of it.
FUZZ_TIME ?= 600
fuzz: setup
	tests/fuzz/run-decode-fuzzer --time $(FUZZ_TIME)

format:
	find src tests -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf build web/dist
