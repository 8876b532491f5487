# fuzz.mk - libFuzzer over the whole pipeline (tests/fuzz/README.md).
# Included by the top-level Makefile.
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_JOBS=1] [FUZZ_DEFS=...] [FUZZ_FLAGS=...]
#                          build build/fuzz/fuzz_dlg, fuzz for FUZZ_SECONDS over
#                          build/fuzz/corpus; crashes go to build/fuzz/findings/
#   make fuzz FUZZ_FAST=1  the same with a harness built -O2 with UBSan but
#                          without ASan (build/fuzz-fast): about three times
#                          the executions, for long runs; follow it with
#   make fuzz-parse [FUZZ_SECONDS=60]
#                          fuzz_parse: each input parsed by the recursive
#                          descent and by bison's parser alone, the trees
#                          and diagnostics compared (tests/fuzz/README.md)
#   make fuzz-replay       every input of the corpus once through the ASan
#                          harness
#   make fuzz-build        only build the harness
#   make fuzz-regress      replay every input in tests/fuzz/regress/
#   make fuzz-clean        remove build/fuzz and build/fuzz-fast (the corpus too)
#
# The harness and every interpreter object are built by a second make with
# MODE=fuzz BUILD=build/fuzz CC=clang, so the generated parser, lexer and
# library come from the Makefile's own rules, under build/fuzz/gen.

FUZZ_DIR     := build/fuzz
# Where the harness is built: build/fuzz, or build/fuzz-fast with FUZZ_FAST=1.
# The corpus and the findings stay in build/fuzz whichever is used.
FUZZ_FAST    ?=
FUZZ_OUT     := $(if $(filter 1,$(FUZZ_FAST)),build/fuzz-fast,$(FUZZ_DIR))
FUZZ_BIN     := $(FUZZ_OUT)/fuzz_dlg
FUZZ_PARSE_BIN := $(FUZZ_OUT)/fuzz_parse
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 1
# e.g. FUZZ_DEFS=-DFUZZ_CHECK_TEXT_CONTROL=1 (see fuzz_dlg.c)
FUZZ_DEFS    ?=
# 1: trace comparisons in the generated lexer and parser too (see below)
FUZZ_GEN_CMP ?=
# 1: trace comparisons in the report writers too (see below)
FUZZ_WRITER_CMP ?=
FUZZ_WRITER_OBJS := text json html sarif csv github report format
# extra libFuzzer flags, e.g. FUZZ_FLAGS=-runs=100000
FUZZ_FLAGS   ?=
FUZZ_SAN     := $(if $(filter 1,$(FUZZ_FAST)),-fsanitize=undefined,-fsanitize=address,undefined) \
                -fno-sanitize-recover=undefined
FUZZ_OPT     := -g $(if $(filter 1,$(FUZZ_FAST)),-O2,-O1) -fno-omit-frame-pointer $(FUZZ_SAN) -fsanitize=fuzzer-no-link
# What the harness wraps to catch writes outside memory and to fix the hash key.
FUZZ_WRAP    := open open64 openat openat64 creat creat64 fopen fopen64 freopen fdopen \
                mkdir rename unlink remove rmdir truncate symlink link tmpfile getrandom
FUZZ_LIBFUZZER_FLAGS = -dict=tests/fuzz/dlg.dict -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
                       -artifact_prefix=$(FUZZ_DIR)/findings/ -print_final_stats=1
FUZZ_SEEDS    = $(shell find examples tests/golden/inputs lib -name '*.dlg' 2>/dev/null | sort)
FUZZ_REGRESS  = $(filter-out tests/fuzz/regress/README%,$(wildcard tests/fuzz/regress/*))

.PHONY: fuzz fuzz-build fuzz-check-tools fuzz-corpus fuzz-regress fuzz-replay fuzz-clean fuzz-parse

fuzz-check-tools:
	@mkdir -p $(FUZZ_DIR)
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { \
	  echo "fuzz: $(FUZZ_CC) not found: libFuzzer needs clang (Debian: apt-get install clang)" >&2; exit 1; }
	@printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' \
	  > $(FUZZ_DIR)/probe.c
	@$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $(FUZZ_DIR)/probe $(FUZZ_DIR)/probe.c >$(FUZZ_DIR)/probe.log 2>&1 || { \
	  echo "fuzz: $(FUZZ_CC) cannot link -fsanitize=fuzzer,address,undefined: libFuzzer or the sanitizer runtimes are missing" >&2; \
	  echo "fuzz: (Debian: apt-get install clang, or libclang-rt-dev for newer LLVM); see $(FUZZ_DIR)/probe.log" >&2; exit 1; }
	@rm -f $(FUZZ_DIR)/probe $(FUZZ_DIR)/probe.c $(FUZZ_DIR)/probe.log

# The objects are instrumented (fuzzer-no-link); the harness links libFuzzer.
fuzz-build: fuzz-check-tools | deps
	@$(MAKE) --no-print-directory MODE=fuzz BUILD=$(FUZZ_OUT) CC=$(FUZZ_CC) OPT='$(FUZZ_OPT)' \
	  FUZZ_DEFS='$(FUZZ_DEFS)' FUZZ_GEN_CMP='$(FUZZ_GEN_CMP)' FUZZ_WRITER_CMP='$(FUZZ_WRITER_CMP)' \
	  FUZZ_FAST='$(FUZZ_FAST)' $(FUZZ_BIN)

# A new FUZZ_DEFS rebuilds the harness.
ifeq ($(BUILD),$(FUZZ_OUT))
# The generated lexer and parser are table-driven: their comparisons are of
# state and token numbers, never of input bytes, so tracing them (trace-cmp)
# gives the fuzzer nothing while it took two thirds of each run (the
# library is parsed in every run). Edge coverage and the sanitizers stay.
# FUZZ_GEN_CMP=1 keeps trace-cmp there too.
ifneq ($(FUZZ_GEN_CMP),1)
$(FUZZ_OUT)/gen/lexer.o $(FUZZ_OUT)/gen/parser.o: CFLAGS += -fno-sanitize-coverage=trace-cmp
endif
# The report writers compare every byte they write with the few that need
# escaping: traced, those comparisons took half of each run and guide the
# fuzzer nowhere new (the bytes come from the input, which the scanner's
# own comparisons already steer). Their edges are still covered.
# FUZZ_WRITER_CMP=1 traces them too.
ifneq ($(FUZZ_WRITER_CMP),1)
$(FUZZ_WRITER_OBJS:%=$(FUZZ_OUT)/interp/%.o): CFLAGS += -fno-sanitize-coverage=trace-cmp
endif

$(FUZZ_OUT)/defs: FORCE_FUZZ_DEFS
	@mkdir -p $(@D)
	@echo '$(FUZZ_DEFS)' | cmp -s - $@ || echo '$(FUZZ_DEFS)' > $@

.PHONY: FORCE_FUZZ_DEFS
FORCE_FUZZ_DEFS:

# The harness itself is not instrumented for coverage: its validator's
# branches would count as features of the input.
$(FUZZ_OUT)/fuzz_dlg.o: tests/fuzz/fuzz_dlg.c tests/fuzz/fuzz.mk $(FUZZ_OUT)/defs $(GEN)/parser.h $(GEN)/lexer.h
	$(CC) $(CPPFLAGS) $(filter-out -fsanitize=fuzzer-no-link,$(CFLAGS)) $(FUZZ_DEFS) -c -o $@ $<

$(FUZZ_OUT)/fuzz_parse.o: tests/fuzz/fuzz_parse.c tests/unit/parse_dump.h tests/fuzz/fuzz.mk
	$(CC) $(CPPFLAGS) $(filter-out -fsanitize=fuzzer-no-link,$(CFLAGS)) -c -o $@ $<

$(FUZZ_PARSE_BIN): $(FUZZ_OUT)/fuzz_parse.o $(LIB_OBJS)
	$(CC) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $(FUZZ_OUT)/fuzz_parse.o $(LIB_OBJS) $(LIBS)

$(FUZZ_BIN): $(FUZZ_OUT)/fuzz_dlg.o $(LIB_OBJS)
	$(CC) -fsanitize=fuzzer $(FUZZ_SAN) $(FUZZ_WRAP:%=-Wl,--wrap=%) -o $@ $(FUZZ_OUT)/fuzz_dlg.o $(LIB_OBJS) $(LIBS)
	@nm $(FUZZ_OUT)/interp/check.o | grep -q $(if $(filter 1,$(FUZZ_FAST)),__ubsan_,__asan_) || { echo "fuzz: objects are not instrumented" >&2; rm -f $@; exit 1; }
	@nm $(FUZZ_OUT)/interp/check.o | grep -q __sanitizer_cov || { echo "fuzz: objects lack coverage" >&2; rm -f $@; exit 1; }
endif

# Copies of the seeds (examples, golden inputs, the library, the regression
# inputs): the fuzzer adds to build/fuzz/corpus, never to the sources.
fuzz-corpus:
	@mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/findings
	@for f in $(FUZZ_SEEDS) $(FUZZ_REGRESS); do \
	  t="$(FUZZ_DIR)/corpus/seed-$$(echo "$$f" | tr '/' '_')"; \
	  [ -e "$$t" ] || cp "$$f" "$$t" || exit 1; chmod u+w "$$t"; \
	done

# FUZZ_JOBS > 1 fuzzes in that many processes (libFuzzer's -fork).
# The recursive descent against bison's parser (fuzz_parse.c): its own
# corpus, begun from the main one, which it reads and does not add to.
fuzz-parse: fuzz-check-tools fuzz-corpus | deps
	@$(MAKE) --no-print-directory MODE=fuzz BUILD=$(FUZZ_OUT) CC=$(FUZZ_CC) OPT='$(FUZZ_OPT)' \
	  FUZZ_FAST='$(FUZZ_FAST)' $(FUZZ_PARSE_BIN)
	@mkdir -p $(FUZZ_DIR)/parse-corpus
	@echo "fuzz-parse: $(FUZZ_SECONDS) s; a difference goes to $(FUZZ_DIR)/findings/"
	$(FUZZ_PARSE_BIN) $(FUZZ_LIBFUZZER_FLAGS) -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) \
	  $(FUZZ_DIR)/parse-corpus $(FUZZ_DIR)/corpus

fuzz: fuzz-build fuzz-corpus
	@echo "fuzz: $(FUZZ_SECONDS) s, $(FUZZ_JOBS) job(s); findings go to $(FUZZ_DIR)/findings/"
	$(FUZZ_BIN) $(FUZZ_LIBFUZZER_FLAGS) -max_total_time=$(FUZZ_SECONDS) \
	  $(if $(filter-out 1,$(FUZZ_JOBS)),-fork=$(FUZZ_JOBS)) $(FUZZ_FLAGS) $(FUZZ_DIR)/corpus

# Each regression input once, through the harness; all are run, then the
# failures are counted.
fuzz-regress: fuzz-build
	@failed=0; n=0; \
	for f in $(FUZZ_REGRESS); do \
	  n=$$((n+1)); \
	  if $(FUZZ_BIN) -timeout=10 -rss_limit_mb=2048 "$$f" >$(FUZZ_DIR)/regress.log 2>&1; then \
	    echo "pass  $$f"; \
	  else \
	    echo "FAIL  $$f"; grep -E 'ERROR|assertion failed|runtime error|#[0-9]+ ' $(FUZZ_DIR)/regress.log | head -12 | sed 's/^/      /'; \
	    failed=$$((failed+1)); \
	  fi; \
	done; \
	echo "fuzz-regress: $$n inputs, $$failed failed"; \
	[ $$failed -eq 0 ]

# Every input of the corpus once through the ASan harness: what a run with
# FUZZ_FAST=1 found without ASan's eyes. A failing input stops it and is
# saved in build/fuzz/findings/.
fuzz-replay:
	@$(MAKE) --no-print-directory FUZZ_FAST= fuzz-build
	$(FUZZ_DIR)/fuzz_dlg -timeout=10 -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_DIR)/findings/ -runs=0 $(FUZZ_DIR)/corpus

fuzz-clean:
	rm -rf $(FUZZ_DIR) build/fuzz-fast
