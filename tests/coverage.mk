# coverage.mk - line and branch coverage of grammar/ and interp/ (tests/COVERAGE.md).
# Included by the top-level Makefile.
#
#   make coverage [COVERAGE_MIN_BRANCHES=90]
#                     build an instrumented tree under build/coverage (MODE=coverage),
#                     run the unit tests (tests/unit/test_*.c, test_faults.c
#                     included), the golden tests, the --jobs tests and, when
#                     present, the message
#                     tests with it; then gcovr over grammar/ and interp/:
#                       build/coverage/coverage.txt   lines and branches per file
#                       build/coverage/index.html     the same, with annotated sources
#                     Fails when a test fails or when interp/'s branch coverage
#                     is below COVERAGE_MIN_BRANCHES percent.
#   make coverage-report  gcovr again over the counters already collected
#   make coverage-clean   remove build/coverage
#
# The instrumented objects are built by a second make with MODE=coverage, so
# the generated parser, lexer and library come from the Makefile's own rules,
# under build/coverage/gen. The Makefile has no OPT_coverage: the flags are
# added here, only in that second make.
#
# What gcovr counts (tests/COVERAGE.md says why):
#   --exclude-unreachable-branches  branches gcc gives a line with no code of
#                                   its own (a closing brace, a `default:` label)
#   --exclude-throw-branches        C has no exceptions: a no-op kept for C++
#   no --exclude-lines-by-pattern   every defensive line counts, and the ones
#                                   that cannot be reached are listed instead
# Generated code (build/*/gen/: the bison parser, the flex scanner, the
# embedded library), tests/ and tools/ are left out. Bison and flex copy the
# actions of grammar/parser.y and grammar/lexer.l into the generated C with
# #line directives pointing back at them, so those two files are reported
# under grammar/ with the code of their actions.

COVERAGE_DIR          := build/coverage
COVERAGE_MIN_BRANCHES ?= 90
COVERAGE_TIMEOUT      ?= 900
GCOVR                 ?= gcovr

ifeq ($(MODE),coverage)
# -O0: every branch of the source is a branch of the object code.
CFLAGS  += --coverage -fprofile-update=atomic -O0 -g
LDFLAGS += --coverage
endif

COVERAGE_UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(COVERAGE_DIR)/tests/%)
COVERAGE_GCOVR := $(GCOVR) --root . --object-directory $(COVERAGE_DIR) \
                  --filter 'grammar/' --filter 'interp/' \
                  --exclude '(.*/)?build/' --exclude '(.*/)?tests/' --exclude '(.*/)?tools/' \
                  --exclude-unreachable-branches --exclude-throw-branches
COVERAGE_JSON := $(COVERAGE_DIR)/coverage.json

.PHONY: coverage coverage-build coverage-run coverage-report coverage-clean

# gcovr is asked for first, not after minutes of building and running
coverage: | deps
	@command -v $(GCOVR) >/dev/null 2>&1 || { \
	  echo "coverage: $(GCOVR) not found: make deps-ci installs it (Debian: apt-get install gcovr)" >&2; exit 1; }
	@$(MAKE) --no-print-directory coverage-build
	@find $(COVERAGE_DIR) -name '*.gcda' -delete
	@$(MAKE) --no-print-directory coverage-run; run=$$?; \
	$(MAKE) --no-print-directory coverage-report; report=$$?; \
	if [ $$run != 0 ]; then echo "coverage: some tests failed (see above); the numbers count what ran" >&2; exit 1; fi; \
	exit $$report

coverage-build:
	@$(MAKE) --no-print-directory MODE=coverage BUILD=$(COVERAGE_DIR) $(COVERAGE_DIR)/dlg $(COVERAGE_UNIT_BINS)

# Every test runs even when one fails, so the report counts all that ran.
coverage-run:
	@failed=""; \
	for t in $(COVERAGE_UNIT_BINS); do \
	  echo "== $$t"; timeout $(COVERAGE_TIMEOUT) $$t || failed="$$failed $${t##*/}"; \
	done; \
	sh tests/golden/run.sh $(COVERAGE_DIR)/dlg || failed="$$failed golden"; \
	sh tests/jobs/run.sh $(COVERAGE_DIR)/dlg || failed="$$failed jobs"; \
	if [ -f tests/messages/run.sh ]; then \
	  sh tests/messages/run.sh $(COVERAGE_DIR)/dlg || failed="$$failed messages"; \
	fi; \
	if [ -n "$$failed" ]; then echo "coverage: failed:$$failed" >&2; exit 1; fi

# One pass of gcov over the counters (coverage.json), then the reports from it.
coverage-report:
	@$(COVERAGE_GCOVR) --json $(COVERAGE_JSON)
	@# never --txt /dev/null: gcovr writes a temporary file and renames it
	@# over its output, which replaced the device /dev/null with a file
	@{ echo "dlg coverage: grammar/ and interp/ (make coverage; tests/COVERAGE.md)"; echo; \
	   echo "Lines"; \
	   $(GCOVR) --root . -a $(COVERAGE_JSON) --txt; \
	   echo; echo "Branches"; \
	   $(GCOVR) --root . -a $(COVERAGE_JSON) --txt --branches; \
	   echo; echo "interp/ alone"; \
	   $(GCOVR) --root . -a $(COVERAGE_JSON) --filter 'interp/' --print-summary --txt $(COVERAGE_DIR)/scratch.txt; \
	   echo; echo "grammar/ alone"; \
	   $(GCOVR) --root . -a $(COVERAGE_JSON) --filter 'grammar/' --print-summary --txt $(COVERAGE_DIR)/scratch.txt; \
	 } > $(COVERAGE_DIR)/coverage.txt
	@cat $(COVERAGE_DIR)/coverage.txt
	@$(GCOVR) --root . -a $(COVERAGE_JSON) --html-details $(COVERAGE_DIR)/index.html \
	  --html-title 'dlg: grammar/ and interp/'
	@echo "coverage: $(COVERAGE_DIR)/coverage.txt, $(COVERAGE_DIR)/index.html"
	@$(GCOVR) --root . -a $(COVERAGE_JSON) --filter 'interp/' --txt $(COVERAGE_DIR)/scratch.txt \
	  --fail-under-branch $(COVERAGE_MIN_BRANCHES) || { \
	  echo "coverage: interp/ branch coverage is below COVERAGE_MIN_BRANCHES=$(COVERAGE_MIN_BRANCHES) %" >&2; exit 1; }

coverage-clean:
	rm -rf $(COVERAGE_DIR)

# test_cov_run runs the dlg binary of its own build (build/MODE/dlg).
$(BUILD)/tests/test_cov_run: $(DLG)
