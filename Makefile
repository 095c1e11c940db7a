# briefc - build, test and install.  See README.md.
#
#   make            build build/briefc (needs cc, flex and bison >= 3.8;
#                   installs them with apt-get where they are missing and
#                   that is possible)
#   make demo       compile the examples into every format
#   make test       every test: unit, golden, tool verification, pathological
#   make asan       the whole suite under ASan + UBSan (build-asan/)
#   make leakcheck  the whole suite under valgrind
#   make fuzz       libFuzzer target (clang); make fuzz-smoke runs it 60 s
#   make bench      benchmarks against cmark and pandoc
#   make playground the browser playground in build/playground (docs/playground.md);
#                   make serve-playground serves it on localhost
#   make install    PREFIX=/usr/local DESTDIR=
#   make editors-deps  what the editor tests need (node, npm, vim, npm ci)
#   make vsix       the VS Code extension as build/brief-VERSION.vsix

CC      ?= cc
FLEX    ?= flex
# macOS ships bison 2.3; Homebrew's is newer.
BISON   ?= $(firstword $(wildcard /opt/homebrew/opt/bison/bin/bison /usr/local/opt/bison/bin/bison) bison)
PREFIX  ?= /usr/local
BUILD   ?= build
CSTD    := -std=c17
WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT     ?= -O2 -g
CFLAGS  ?=
CFLAGS  += $(CSTD) $(WARN) $(OPT) -D_POSIX_C_SOURCE=200809L -Isrc -I$(BUILD)/gen $(EXTRA_CFLAGS)
LDFLAGS += $(EXTRA_LDFLAGS)
# zlib: the ZIP container of Word documents (src/zip.c).  jansson: JSON
# for the language server (src/lsp*.c), CSL-JSON libraries (src/csl.c)
# and Graphviz's layout of the evidence map (src/render_map.c),
# linked statically so that the installed briefc needs no JSON library at
# run time (docs/lsp.md) where the linker is GNU's; elsewhere (macOS) it
# is linked as the system has it.
JANSSON_STATIC := -Wl,-Bstatic -ljansson -Wl,-Bdynamic
JANSSON_LIBS ?= $(if $(filter Linux,$(shell uname -s)),$(JANSSON_STATIC),-ljansson)
LIBS    := $(JANSSON_LIBS) -lz -lm
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

LIB_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/parser.o $(BUILD)/obj/lexer.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(or $(shell pkg-config --libs cmocka 2>/dev/null),-lcmocka)

# Debian packages the build, the unit tests and the other tests need
# (tools/ensure-packages.sh probes for what each provides).
BUILD_PKGS := flex bison zlib1g-dev libjansson-dev
UNIT_PKGS  := libcmocka-dev
# PDF in every script: lualatex with Noto and DejaVu fonts, hb-subset to
# cut the CJK fonts down (docs/output.md).
TEST_PKGS  := cmark cmark-gfm pandoc tidy poppler-utils chromium texlive-latex-base \
	texlive-latex-recommended texlive-fonts-recommended texlive-luatex lmodern \
	fonts-noto-core fonts-noto-cjk fonts-dejavu-core libharfbuzz-bin \
	graphviz jq unzip libxml2-utils libreoffice-writer-nogui python3 man-db groff-base

# What make demo runs besides briefc: TeX for the PDF, Graphviz to draw
# the evidence maps.
DEMO_PKGS  := texlive-latex-base texlive-latex-recommended \
	texlive-fonts-recommended lmodern graphviz

.PHONY: all deps unit-deps test-deps demo-deps editors-deps vsix demo test unit golden asan \
	leakcheck install clean fuzz fuzz-smoke bench screenshot playground \
	serve-playground wasm-deps npm-deps
.DELETE_ON_ERROR:

all: $(BUILD)/briefc

# Install what is missing where apt-get can; otherwise say what to install.
deps:
	@sh tools/ensure-packages.sh $(BUILD_PKGS)
unit-deps: deps
	@sh tools/ensure-packages.sh $(UNIT_PKGS)
test-deps: unit-deps editors-deps
	@sh tools/ensure-packages.sh $(TEST_PKGS)
demo-deps: deps
	@sh tools/ensure-packages.sh $(DEMO_PKGS)

# The editor tests (tests/suites/editors.sh) need vim, node and npm, and the
# VS Code extension's npm packages as its package-lock.json pins them.  A
# node that came without Debian's npm package (NodeSource's) brings its own
# npm, so the Debian packages are asked for only when a command is missing.
VSCODE := editors/vscode
editors-deps: $(VSCODE)/node_modules/.package-lock.json
	@sh tools/ensure-packages.sh vim
$(VSCODE)/node_modules/.package-lock.json: $(VSCODE)/package.json $(VSCODE)/package-lock.json
	@command -v node >/dev/null && command -v npm >/dev/null || \
	  sh tools/ensure-packages.sh nodejs npm
	cd $(VSCODE) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Packaging reaches the npm registry for vsce (not needed by any test).
# vsce 2.x is the last line that runs on Debian 12's node 18.
VSCE := @vscode/vsce@2.32.0
vsix: editors-deps
	@mkdir -p $(BUILD)
	cd $(VSCODE) && npx --yes $(VSCE) package --allow-missing-repository \
	  --skip-license -o $(abspath $(BUILD))/brief-$$(node -p 'require("./package.json").version').vsix

# Each generator writes two files in one run: a pattern rule with two
# targets says so in any GNU make (grouped targets, &:, need 4.3).
$(BUILD)/gen/parser%c $(BUILD)/gen/parser%h: grammar/brief.y | deps
	@mkdir -p $(BUILD)/gen
	$(BISON) -Wall -Werror --defines=$(BUILD)/gen/parser.h -o $(BUILD)/gen/parser.c $<

$(BUILD)/gen/lexer%c $(BUILD)/gen/lexer%h: grammar/brief.l | deps
	@mkdir -p $(BUILD)/gen
	$(FLEX) --header-file=$(BUILD)/gen/lexer.h -o $(BUILD)/gen/lexer.c $<

# Generated code is not ours to lint: relax only what flex/bison trip.
GEN_CFLAGS := -Wno-unused-function -Wno-missing-prototypes -Wno-sign-compare \
	-Wno-unused-but-set-variable -Wno-shadow
# The generated headers are order-only: they must exist before the first
# compile, and after that the -MMD dependency files name the objects that
# include them, so touching brief.y rebuilds only those.
GEN_H := $(BUILD)/gen/parser.h $(BUILD)/gen/lexer.h
$(BUILD)/obj/parser.o: $(BUILD)/gen/parser.c | $(GEN_H)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(GEN_CFLAGS) -MMD -MP -c -o $@ $<
$(BUILD)/obj/lexer.o: $(BUILD)/gen/lexer.c | $(GEN_H)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(GEN_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/%.o: src/%.c | $(GEN_H)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -DBRIEFC_VERSION='"$(VERSION)"' -MMD -MP -c -o $@ $<

$(BUILD)/libbriefc.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/briefc: $(BUILD)/obj/main.o $(BUILD)/libbriefc.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(BUILD)/libbriefc.a | unit-deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libbriefc.a \
	  $(LDFLAGS) $(CMOCKA_LIBS) $(LIBS)

-include $(wildcard $(BUILD)/obj/*.d)

# The packages first: the demo builds PDF, which a fresh machine cannot
# until TeX is installed.
demo: demo-deps $(BUILD)/briefc
	@sh tools/demo.sh $(BUILD)/briefc

# The playground (docs/playground.md): briefc as a WASI command module,
# built with clang's wasm32-wasi target and Debian's wasi-libc, and the page
# around it, bundled from the npm packages pinned in playground/.
# Left out: render_pdf.c and dot_run.c (WASI runs no processes), the
# Word backend (render_docx.c, docx*.c, zip.c: Debian has no zlib for WASI)
# the language server (lsp*.c: no jansson for WASI, no editor to serve),
# watch.c (WASI has no signals and no inotify) and csl.c (no jansson for
# WASI: CSL-JSON libraries are refused there).
PLAYGROUND  := $(BUILD)/playground
WASM_PKGS   := clang lld wasi-libc libclang-rt-14-dev-wasm32
WASM_CC     ?= clang
WASM_CFLAGS := --target=wasm32-wasi --sysroot=/usr $(CSTD) $(WARN) -O2 \
	-D_POSIX_C_SOURCE=200809L -D_WASI_EMULATED_PROCESS_CLOCKS -Isrc -I$(BUILD)/gen \
	$(filter -Werror,$(EXTRA_CFLAGS))
# A 1 MiB stack below the data (wasm-ld's default is 64 KiB above it): an
# overflow traps instead of overwriting static data.
WASM_LDFLAGS := -Wl,--strip-all -Wl,--stack-first -Wl,-z,stack-size=1048576
WASM_SRC    := $(filter-out src/render_pdf.c src/dot_run.c src/render_docx.c src/docx.c \
	src/docx_styles.c src/zip.c src/lsp%.c src/watch.c src/csl.c,$(wildcard src/*.c))
WASM_OBJ    := $(WASM_SRC:src/%.c=$(BUILD)/wasm/%.o) $(BUILD)/wasm/parser.o \
	$(BUILD)/wasm/lexer.o
NPM_STAMP   := playground/node_modules/.package-lock.json

playground: $(PLAYGROUND)/briefc.wasm $(PLAYGROUND)/index.html

wasm-deps:
	@sh tools/ensure-packages.sh $(WASM_PKGS)
npm-deps:
	@command -v node >/dev/null && command -v npm >/dev/null || \
	  sh tools/ensure-packages.sh nodejs npm

$(BUILD)/wasm/%.o: src/%.c | $(GEN_H) wasm-deps
	@mkdir -p $(dir $@)
	$(WASM_CC) $(WASM_CFLAGS) -DBRIEFC_VERSION='"$(VERSION)"' -MMD -MP -c -o $@ $<
# (-MMD here too: the generated code includes parse.h and ast.h, and an
# object left over from an older layout of their structs, or of diag.h's
# codes, links and then traps at run time)
$(BUILD)/wasm/parser.o: $(BUILD)/gen/parser.c | $(GEN_H) wasm-deps
	@mkdir -p $(dir $@)
	$(WASM_CC) $(WASM_CFLAGS) $(GEN_CFLAGS) -MMD -MP -c -o $@ $<
$(BUILD)/wasm/lexer.o: $(BUILD)/gen/lexer.c | $(GEN_H) wasm-deps
	@mkdir -p $(dir $@)
	$(WASM_CC) $(WASM_CFLAGS) $(GEN_CFLAGS) -MMD -MP -c -o $@ $<
$(PLAYGROUND)/briefc.wasm: $(WASM_OBJ)
	@mkdir -p $(dir $@)
	$(WASM_CC) $(WASM_CFLAGS) $(WASM_LDFLAGS) -o $@ $^ -lwasi-emulated-process-clocks -lm

-include $(wildcard $(BUILD)/wasm/*.d)

$(NPM_STAMP): playground/package.json playground/package-lock.json | npm-deps
	cd playground && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(PLAYGROUND)/index.html: $(NPM_STAMP) playground/build.mjs $(wildcard playground/src/*) \
		$(wildcard examples/*.brief)
	node playground/build.mjs $(PLAYGROUND)

serve-playground: playground
	@echo "briefc playground: http://localhost:$${PORT:-8000}/  (Ctrl-C stops it)"
	@cd $(PLAYGROUND) && python3 -m http.server --bind 127.0.0.1 $${PORT:-8000}

# Every suite prints its own summary; tests/run.sh adds the total.
test: all test-deps $(UNIT_BIN) playground
	@sh tests/run.sh $(BUILD)

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $$t || exit 1; done

asan:
	$(MAKE) BUILD=build-asan CC=$${ASAN_CC:-gcc} OPT="-O1 -g -fno-omit-frame-pointer" \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" \
	  EXTRA_LDFLAGS="-fsanitize=address,undefined" test

leakcheck: all $(UNIT_BIN) playground
	@sh tools/ensure-packages.sh valgrind
	@BRIEFC_WRAP="valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
	  sh tests/run.sh $(BUILD)

fuzz:
	@sh tests/fuzz/build.sh

fuzz-smoke: fuzz
	@sh tests/fuzz/run.sh 60

bench: all
	@sh bench/run.sh $(BUILD)/briefc

screenshot: all playground
	@sh tools/screenshot.sh $(BUILD)/briefc

install: $(BUILD)/briefc
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BUILD)/briefc $(DESTDIR)$(PREFIX)/bin/briefc
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 docs/briefc.1 $(DESTDIR)$(PREFIX)/share/man/man1/briefc.1

# BUILD=DIR cleans that folder; the default also the asan and fuzz builds.
clean:
	rm -rf $(BUILD) $(if $(filter build,$(BUILD)),build-asan build-fuzz $(VSCODE)/node_modules)
