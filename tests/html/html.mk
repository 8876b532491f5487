# The HTML report rendered in a real browser (tests/html/README.md),
# included by the Makefile: `make html-test`, part of `make check`.
# Headless Chromium renders each case of tests/html/cases.json to
# build/html/NAME.png and dumps its DOM, which check.py reads for the
# figures worked out by hand. Without Chromium the test says so and is
# skipped; `make deps` installs it (Debian's package `chromium`) when run as
# root, and otherwise prints the command, without failing: the browser is
# for this test only.

.PHONY: html-test deps-html

CHROMIUM ?= chromium
HTML_OUT ?= build/html

check: html-test
deps: deps-html

# deps first, then the build (as check's own recipe does): on a fresh
# machine flex and bison are installed before anything is compiled
html-test: | deps
	@$(MAKE) --no-print-directory all
	@if command -v $(CHROMIUM) >/dev/null 2>&1; then \
	  python3 tests/html/check.py --dlg $(DLG) --chromium $(CHROMIUM) --out $(HTML_OUT); \
	else \
	  echo "html: skipped: $(CHROMIUM) is not installed, so the HTML report is not rendered (make deps-html installs it)"; \
	fi

deps-html:
	@command -v $(CHROMIUM) >/dev/null 2>&1 && exit 0; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing: chromium (for the HTML report's browser test)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
	  echo "missing: chromium (the HTML report's browser test is skipped without it)"; \
	  echo "run: sudo apt-get update && sudo apt-get install -y chromium"; \
	fi
