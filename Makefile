# briefc - build, test and install.  See README.md.
#
#   make            build build/briefc (installs flex, bison, cmocka if root)
#   make demo       compile the examples into every format
#   make test       every test: unit, golden, tool verification, pathological
#   make asan       the whole suite under ASan + UBSan (build-asan/)
#   make leakcheck  the whole suite under valgrind
#   make fuzz       libFuzzer target (clang); make fuzz-smoke runs it 60 s
#   make bench      benchmarks against cmark and pandoc
#   make install    PREFIX=/usr/local DESTDIR=

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
CSTD    := -std=c17
WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT     ?= -O2 -g
CFLAGS  ?=
CFLAGS  += $(CSTD) $(WARN) $(OPT) -D_POSIX_C_SOURCE=200809L -Isrc -I$(BUILD)/gen $(EXTRA_CFLAGS)
LDFLAGS += $(EXTRA_LDFLAGS)
# zlib: the ZIP container of Word documents (src/zip.c)
LIBS    := -lz -lm
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

LIB_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/parser.o $(BUILD)/obj/lexer.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

# Debian packages the build and the tests need.
BUILD_PKGS := flex bison libcmocka-dev zlib1g-dev
TEST_PKGS  := cmark pandoc tidy poppler-utils texlive-latex-base \
	texlive-latex-recommended texlive-fonts-recommended texlive-luatex lmodern \
	graphviz jq unzip libxml2-utils libreoffice-writer-nogui

.PHONY: all deps test-deps demo test unit golden asan leakcheck install clean \
	fuzz fuzz-smoke bench screenshot
.DELETE_ON_ERROR:

all: $(BUILD)/briefc

# Install what is missing when root; otherwise say exactly what to install.
deps:
	@sh tools/ensure-packages.sh $(BUILD_PKGS)
test-deps: deps
	@sh tools/ensure-packages.sh $(TEST_PKGS)

$(BUILD)/gen/parser.c $(BUILD)/gen/parser.h &: grammar/brief.y | deps
	@mkdir -p $(BUILD)/gen
	bison -Wall -Werror --defines=$(BUILD)/gen/parser.h -o $(BUILD)/gen/parser.c $<

$(BUILD)/gen/lexer.c $(BUILD)/gen/lexer.h &: grammar/brief.l | deps
	@mkdir -p $(BUILD)/gen
	flex --header-file=$(BUILD)/gen/lexer.h -o $(BUILD)/gen/lexer.c $<

# Generated code is not ours to lint: relax only what flex/bison trip.
GEN_CFLAGS := -Wno-unused-function -Wno-missing-prototypes -Wno-sign-compare \
	-Wno-unused-but-set-variable -Wno-shadow
$(BUILD)/obj/parser.o: $(BUILD)/gen/parser.c $(BUILD)/gen/lexer.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(GEN_CFLAGS) -MMD -MP -c -o $@ $<
$(BUILD)/obj/lexer.o: $(BUILD)/gen/lexer.c $(BUILD)/gen/parser.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(GEN_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/%.o: src/%.c $(BUILD)/gen/parser.h $(BUILD)/gen/lexer.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -DBRIEFC_VERSION='"$(VERSION)"' -MMD -MP -c -o $@ $<

$(BUILD)/libbriefc.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/briefc: $(BUILD)/obj/main.o $(BUILD)/libbriefc.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(BUILD)/libbriefc.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libbriefc.a $(LDFLAGS) -lcmocka $(LIBS)

-include $(wildcard $(BUILD)/obj/*.d)

demo: $(BUILD)/briefc
	@sh tools/demo.sh $(BUILD)/briefc

# Every suite prints its own summary; tests/run.sh adds the total.
test: all test-deps $(UNIT_BIN)
	@sh tests/run.sh $(BUILD)

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $$t || exit 1; done

asan:
	$(MAKE) BUILD=build-asan CC=$${ASAN_CC:-gcc} OPT="-O1 -g -fno-omit-frame-pointer" \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" \
	  EXTRA_LDFLAGS="-fsanitize=address,undefined" test

leakcheck: all $(UNIT_BIN)
	@sh tools/ensure-packages.sh valgrind
	@BRIEFC_WRAP="valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
	  sh tests/run.sh $(BUILD)

fuzz:
	@sh tests/fuzz/build.sh

fuzz-smoke: fuzz
	@sh tests/fuzz/run.sh 60

bench: all
	@sh bench/run.sh $(BUILD)/briefc

screenshot: all
	@sh tools/screenshot.sh $(BUILD)/briefc

install: $(BUILD)/briefc
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BUILD)/briefc $(DESTDIR)$(PREFIX)/bin/briefc

clean:
	rm -rf build build-asan build-fuzz
