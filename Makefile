# dlg - build, test and install. Plain GNU make.
#
#   make            build build/release/dlg, profile-guided (PGO=0: without)
#   make demo       install missing build dependencies, build, run an example
#   make check      unit tests (cmocka), golden command-line tests, regressions,
#                   --jobs tests, message tests
#   make asan       the same tests under AddressSanitizer + UBSan
#   make valgrind   the golden tests under valgrind's memcheck
#   make tsan       files read by several threads, under ThreadSanitizer
#   make install    PREFIX=/usr/local DESTDIR=
#
# Generated sources live under the build directory and are never committed.

MODE      ?= release
BUILD     ?= build/$(MODE)
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share/dlg
MANDIR    ?= $(PREFIX)/share/man/man1
CC        ?= cc
BISON     ?= bison
FLEX      ?= flex
VERSION   := 2.0.0

WARNINGS  := -Wall -Wextra -Wpedantic -Wshadow -Wconversion
ifeq ($(WERROR),1)
WARNINGS  += -Werror
endif
SANITIZE  := -fsanitize=address,undefined
# Link-time optimisation lets the scanner inline the symbol table and the
# arena across modules: 4 % fewer instructions on a report of a million
# declared figures. -flto=auto runs the link's jobs on every core. -O3
# with the profile (below) takes 4 to 14 % less CPU than -O2 with it on
# the benchmark's kinds of content (bench/README.md, stop 35).
OPT_release := -O3 -g -flto=auto
OPT_debug   := -O0 -g
OPT_asan    := -O1 -g -fno-omit-frame-pointer $(SANITIZE) -fno-sanitize-recover=all
OPT_tsan    := -O1 -g -fno-omit-frame-pointer -fsanitize=thread
OPT       := $(OPT_$(MODE))
# Generated sources, and the tools that make them: a profile-training
# build ($(BUILD)/train, below) shares its parent's, so that both compile
# the very same lexer.c and parser.c.
GEN       ?= $(BUILD)/gen
TOOLS_BIN ?= $(BUILD)/tools
CPPFLAGS  += -D_XOPEN_SOURCE=700 -DDLG_VERSION='"$(VERSION)"' -Iinterp -Igrammar -I$(GEN)
CFLAGS    ?=
CFLAGS    += -std=c11 $(WARNINGS) $(OPT) -MMD -MP
LDFLAGS   += $(if $(filter asan,$(MODE)),$(SANITIZE)) $(if $(filter tsan,$(MODE)),-fsanitize=thread) \
             $(if $(filter -flto%,$(OPT)),$(filter -O% -flto%,$(OPT)))

LIB_SRCS  := $(filter-out interp/main.c,$(wildcard interp/*.c)) grammar/parse.c
GEN_SRCS  := $(GEN)/parser.c $(GEN)/lexer.c $(GEN)/library.c
# The files dlg ships, in the order a run reads them: compiled in, and
# installed under share/dlg for people to read.
LIBRARY   := lib/std/dimensions.dlg lib/std/kinds.dlg lib/std/figures.dlg lib/calendar/vn.dlg \
             lib/rules/dialogue.dlg lib/rules/dialogue-district.dlg lib/rules/reception.dlg lib/rules/party.dlg
LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/%.o) $(GEN_SRCS:$(GEN)/%.c=$(BUILD)/gen/%.o)
MAIN_OBJ  := $(BUILD)/interp/main.o
DLG       := $(BUILD)/dlg

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
TEST_FLAGS = $(filter-out $(PGO_USE),$(CFLAGS)) $(filter-out -fprofile-use,$(LDFLAGS))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all demo check unit golden regress jobs whole asan tsan valgrind install uninstall clean deps deps-ci
.DEFAULT_GOAL := all

all: $(DLG)

LIBS      := -lutf8proc -lm -pthread

# The version is compiled into main.o: a new one rebuilds it.
$(MAIN_OBJ): Makefile

$(DLG): $(MAIN_OBJ) $(LIB_OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

# ---- profile-guided optimisation (release) ---------------------------------
# A release build is compiled twice. First instrumented, in $(BUILD)/train
# (PGO=train), and run on what dlg is used for (tools/pgo-train.sh: a small
# dataset of each kind of content from bench/gen.py); then for real, with
# the counts of that run (-fprofile-use), so that the compiler lays out,
# inlines and unrolls for the paths reports take: a tenth less CPU on the
# national benchmark at -O2, and -O3 takes more again (bench/README.md,
# stop 35). What the training did not reach is optimised as without a
# profile (-fprofile-partial-training).
#
# Both builds give each object the same auxiliary name (-dumpbase), under
# $(PGO_DIR): the instrumented program writes its counts there, the real
# build reads them from there, and GCC, which names a static function's
# profile after that name, finds every function's.
#
# Any change to a source trains again and rebuilds every object: PGO=0
# builds without, for quick edit-compile cycles. The training needs GCC
# and python3 (make deps); without either the release build is made
# without a profile, and says so.
ifeq ($(MODE),release)
ifeq ($(origin PGO),undefined)
PGO := $(if $(and $(shell command -v python3 2>/dev/null),$(findstring Free Software Foundation,$(shell $(CC) --version 2>/dev/null))),1,none)
endif
endif
PGO_DIR   ?= $(BUILD)/profile
PGO_TRAIN := $(BUILD)/train
PGO_STAMP := $(PGO_DIR)/stamp
# in an object's recipe: its auxiliary name, the same in both builds
PGO_AUX    = $(if $(filter 1 train,$(PGO)),-dumpbase $(PGO_DIR)/$(@:$(BUILD)/%.o=%))
# What the objects are compiled with (compiler, flags, profile mode) is
# kept in $(BUILD)/flags, rewritten only when it changes, and every object
# depends on it: PGO=0 then PGO=1, another OPT or another CC makes them
# again, and, in the training build, the profile with them. A profile of
# objects compiled otherwise than the ones that read it is refused by GCC
# (-Wcoverage-mismatch, an error).
OBJ_FLAGS  = $(CC) $(CPPFLAGS) $(CFLAGS) PGO=$(PGO)
$(LIB_OBJS) $(MAIN_OBJ) $(BUILD)/interp/main-whole.o: $(BUILD)/flags
$(BUILD)/flags: FORCE
	$(shell mkdir -p $(@D))$(file >$@.new,$(OBJ_FLAGS))
	@cmp -s $@.new $@ && rm -f $@.new || mv $@.new $@
.PHONY: FORCE
FORCE:
ifeq ($(PGO),train)
CFLAGS    += -fprofile-generate -fprofile-update=atomic
LDFLAGS   += -fprofile-generate
endif
# Unit tests are compiled and linked without it (TEST_FLAGS): a profile
# is of dlg's runs, not theirs, and inlined into a test's code the
# library's hot paths made GCC's flow warnings see what cannot happen.
PGO_USE   := -fprofile-use -fprofile-partial-training -Wno-missing-profile
ifeq ($(PGO),1)
CFLAGS    += $(PGO_USE)
LDFLAGS   += -fprofile-use
$(LIB_OBJS) $(MAIN_OBJ) $(BUILD)/interp/main-whole.o: $(PGO_STAMP)

$(PGO_STAMP): $(PGO_TRAIN)/dlg tools/pgo-train.sh bench/gen.py
	@mkdir -p $(@D)
	find $(PGO_DIR) -name '*.gcda' -delete
	sh tools/pgo-train.sh $(PGO_TRAIN)/dlg $(PGO_TRAIN)/data
	@touch $@

# Always asked of the training build's own make, which knows its objects;
# the profile is made again only when that relinks.
PGO_MAKE   = $(MAKE) --no-print-directory PGO=train BUILD=$(PGO_TRAIN) GEN=$(GEN) TOOLS_BIN=$(TOOLS_BIN) \
             PGO_DIR=$(PGO_DIR)
$(PGO_TRAIN)/dlg: FORCE $(GEN_SRCS) $(GEN)/parser.h $(GEN)/lexer.h
	+@$(PGO_MAKE) -q $@ || $(PGO_MAKE) $@
endif
ifeq ($(PGO),none)
$(DLG): | pgo-none
.PHONY: pgo-none
pgo-none:
	@echo "note: release build without profile-guided optimisation (it needs GCC and python3: make deps)"
endif

# The same program reading every file before it models any, never
# streaming (RunOptions.whole): `make whole` holds it to the golden and
# message tests' expected output, so both readers of run.c give one result.
DLG_WHOLE := $(BUILD)/dlg-whole
$(BUILD)/interp/main-whole.o: interp/main.c Makefile $(GEN)/parser.h $(GEN)/lexer.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -DDLG_READ_WHOLE -c -o $@ $<
$(DLG_WHOLE): $(BUILD)/interp/main-whole.o $(LIB_OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

# Grouped targets (&:): one bison and one flex run even under make -j.
$(GEN)/parser.c $(GEN)/parser.h &: grammar/parser.y
	@mkdir -p $(@D)
	$(BISON) -Wall -Werror --defines=$(GEN)/parser.h -o $(GEN)/parser.c $<

# -8 -Cfe: 8-bit tables (UTF-8 safe) with the faster full-table encoding.
# The scanner must never back up (robustness-and-speed.md): the build fails
# if a rule brings backing-up states back.
$(GEN)/lexer.c $(GEN)/lexer.h &: grammar/lexer.l
	@mkdir -p $(@D)
	$(FLEX) -8 -Cfe -b --backup-file=$(GEN)/lex.backup --header-file=$(GEN)/lexer.h -o $(GEN)/lexer.c $<
	@grep -q '^No backing up' $(GEN)/lex.backup || { echo "grammar/lexer.l: the scanner backs up; see $(GEN)/lex.backup" >&2; rm -f $@; exit 1; }

# The library, as bytes in the binary (tools/embed.c): a run never depends
# on where dlg is installed.
$(TOOLS_BIN)/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARNINGS) -O1 -o $@ $<

$(GEN)/library.c: $(TOOLS_BIN)/embed $(LIBRARY)
	@mkdir -p $(@D)
	$(TOOLS_BIN)/embed $@ $(LIBRARY)

# Generated code: same warnings, minus the ones bison/flex skeletons trip.
GEN_CFLAGS := -Wno-unused-function -Wno-sign-conversion -Wno-conversion
$(BUILD)/gen/%.o: $(GEN)/%.c $(GEN)/parser.h $(GEN)/lexer.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(GEN_CFLAGS) $(PGO_AUX) -c -o $@ $<

$(BUILD)/%.o: %.c $(GEN)/parser.h $(GEN)/lexer.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(PGO_AUX) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(TEST_FLAGS) -o $@ $< $(LIB_OBJS) -lcmocka $(LIBS)

# ---- tests ------------------------------------------------------------------
check: | deps
	@$(MAKE) --no-print-directory unit golden regress jobs messages whole

# Each test binary gets a time limit: a hang fails the run instead of CI.
unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; timeout 120 $$t; done

golden: $(DLG)
	@sh tests/golden/run.sh $(DLG)

# One case per hostile-input finding; some build large inputs (python3).
regress: $(DLG) $(UNIT_BINS)
	@sh tests/regress/run.sh $(DLG)

# The golden and message tests again, every file read whole first; and
# the cases where reading streaming could show, both ways.
whole: $(DLG) $(DLG_WHOLE)
	@sh tests/golden/run.sh $(DLG_WHOLE)
	@sh tests/messages/run.sh $(DLG_WHOLE)
	@sh tests/stream/run.sh $(DLG) $(DLG_WHOLE)

# Files read by 1, 2, 3 and 8 threads give the same output (--jobs).
jobs: $(DLG)
	@sh tests/jobs/run.sh $(DLG)

# The same under ThreadSanitizer: a data race is reported and makes the
# run's exit status differ from the one-thread run's.
tsan: | deps
	@$(MAKE) --no-print-directory MODE=tsan all
	@nm build/tsan/interp/load.o | grep -q __tsan_ || { echo "tsan: objects are not instrumented" >&2; exit 1; }
	@TSAN_OPTIONS="halt_on_error=1 exitcode=66" sh tests/jobs/run.sh build/tsan/dlg

# The sanitizer build must really be instrumented: check an object for it.
asan: | deps
	@$(MAKE) --no-print-directory MODE=asan all
	@nm build/asan/interp/check.o | grep -q __asan_ || { echo "asan: objects are not instrumented" >&2; exit 1; }
	@nm build/asan/interp/check.o | grep -q __ubsan_ || { echo "asan: objects lack UBSan" >&2; exit 1; }
	@$(MAKE) --no-print-directory MODE=asan unit golden

valgrind: $(DLG)
	@VALGRIND="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all" \
	  sh tests/golden/run.sh $(DLG)

# ---- set-up -----------------------------------------------------------------
# What the build needs: a C compiler, make, flex, bison, cmocka and utf8proc;
# the tests also python3. Missing
# pieces are installed from Debian's packages when run as root with apt-get,
# otherwise the exact command is printed.
deps:
	@missing=""; \
	command -v $(CC) >/dev/null 2>&1 || missing="$$missing gcc"; \
	command -v $(FLEX) >/dev/null 2>&1 || missing="$$missing flex"; \
	command -v $(BISON) >/dev/null 2>&1 || missing="$$missing bison"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	printf '#include <stdarg.h>\n#include <stddef.h>\n#include <setjmp.h>\n#include <cmocka.h>\n' | \
	  $(CC) -E -x c - >/dev/null 2>&1 || missing="$$missing libcmocka-dev"; \
	printf '#include <utf8proc.h>\n' | $(CC) -E -x c - >/dev/null 2>&1 || missing="$$missing libutf8proc-dev"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
	  echo "missing:$$missing"; \
	  echo "run: sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; \
	fi

# What CI adds to the build's needs: valgrind, clang's libFuzzer and
# sanitizers (make fuzz) and gcovr (make coverage). Root with apt-get only.
deps-ci: deps
	@missing=""; \
	command -v valgrind >/dev/null 2>&1 || missing="$$missing valgrind"; \
	command -v clang >/dev/null 2>&1 || missing="$$missing clang"; \
	dpkg -s libclang-rt-dev >/dev/null 2>&1 || missing="$$missing libclang-rt-dev"; \
	command -v gcovr >/dev/null 2>&1 || missing="$$missing gcovr"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "installing:$$missing"; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing

demo: deps
	$(MAKE) all
	$(DLG) --rules dialogue-district examples/tuan-giao-2020.dlg

install: $(DLG)
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(DLG) $(DESTDIR)$(BINDIR)/dlg
	for f in $(LIBRARY:lib/%=%); do \
	    install -d $(DESTDIR)$(DATADIR)/$$(dirname $$f) && install -m 644 lib/$$f $(DESTDIR)$(DATADIR)/$$f || exit 1; \
	done
	install -d $(DESTDIR)$(MANDIR)
	install -m 644 dlg.1 $(DESTDIR)$(MANDIR)/dlg.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dlg
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(MANDIR)/dlg.1

clean:
	rm -rf build

-include $(shell find $(BUILD) -path $(BUILD)/train -prune -o -name '*.d' -print 2>/dev/null)

# Fuzzing (tests/fuzz/README.md): make fuzz [FUZZ_SECONDS=60]
-include tests/fuzz/fuzz.mk

# Message tests as data (tests/messages/README.md)
-include tests/messages/messages.mk
# Coverage (make coverage)
-include tests/coverage.mk
# The JSON and SARIF outputs validated against their schemas (tests/schema/)
-include tests/schema/schema.mk
# The HTML report rendered in headless Chromium (tests/html/)
-include tests/html/html.mk
# Messages in Vietnamese, through GNU gettext (po/po.mk)
-include po/po.mk
# The benchmark against mawk, gawk, sqlite3 and jq (bench/README.md)
-include bench/bench.mk
