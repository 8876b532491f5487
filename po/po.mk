# Messages in Vietnamese (GNU gettext), included by the Makefile
# (po/README.md):
#
#   make            also builds $(BUILD)/locale/vi/LC_MESSAGES/dlg.mo from po/vi.po
#   make po-check   every message of the sources has its Vietnamese, msgfmt
#                   --check agrees with its placeholders, and
#                   spec/messages.vi.md is vi.po's (make check runs it)
#   make po-update  merge new and changed messages into po/vi.po to translate
#   make install    also installs the catalogue under $(LOCALEDIR)
#
# The template, $(BUILD)/po/dlg.pot, is extracted from the sources each
# time and never committed: po/vi.po is the one file to edit.

MSGFMT    ?= msgfmt
MSGMERGE  ?= msgmerge
MSGCMP    ?= msgcmp
XGETTEXT  ?= xgettext
LOCALEDIR ?= $(PREFIX)/share/locale

PO_LANGS  := vi
PO_MOS    := $(PO_LANGS:%=$(BUILD)/locale/%/LC_MESSAGES/dlg.mo)
PO_POT    := $(BUILD)/po/dlg.pot
PO_SRCS   := $(sort $(wildcard interp/*.c)) interp/ast.h grammar/parser.y grammar/lexer.l grammar/parse.c
# The format argument of the diagnostics' functions is the message: call
# sites need no _(). Every one is a printf format, and msgfmt --check
# holds the translation to the same directives.
PO_KEYWORDS := --keyword --keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=diag_error:4 --keyword=diag_warning:4 --keyword=diag_note:4 --keyword=bad_usage:1 \
    --flag=diag_error:4:c-format --flag=diag_warning:4:c-format --flag=diag_note:4:c-format \
    --flag=bad_usage:1:c-format --flag=P_:1:c-format --flag=P_:2:c-format

.PHONY: po-check po-update install-po uninstall-po deps-po

all: $(PO_MOS)

# tests/unit/test_i18n.c reads the build tree's catalogue
$(BUILD)/tests/test_i18n: CPPFLAGS += -DTEST_LOCALEDIR='"$(BUILD)/locale"'
$(BUILD)/tests/test_i18n: | $(PO_MOS)

# Where an installed dlg looks last (interp/i18n.h, i18n_localedir)
$(BUILD)/interp/i18n.o: CPPFLAGS += -DI18N_LOCALEDIR='"$(LOCALEDIR)"'
$(BUILD)/interp/i18n.o: po/po.mk

$(BUILD)/locale/%/LC_MESSAGES/dlg.mo: po/%.po
	@mkdir -p $(@D)
	$(MSGFMT) --check -o $@ $<

# lexer.l is read as C; the scanner's patterns before its C code make
# xgettext warn of an unterminated string, which is harmless: kept quiet.
$(PO_POT): $(PO_SRCS) po/po.mk
	@mkdir -p $(@D)
	@$(XGETTEXT) --language=C --from-code=UTF-8 $(PO_KEYWORDS) --add-comments=TRANSLATORS: \
	  --package-name=dlg --package-version=$(VERSION) --msgid-bugs-address='the dlg issue tracker' \
	  --add-location=file --sort-by-file -o $@ $(PO_SRCS) 2>&1 | grep -v 'lexer.l:[0-9]*: warning: unterminated string' >&2 || true
	@test -s $@

check: po-check

# Both ways: every message extracted has a translation that is neither
# fuzzy nor empty, and vi.po holds no message the sources lost.
po-check: $(PO_POT) $(PO_MOS)
	@for l in $(PO_LANGS); do \
	  $(MSGCMP) po/$$l.po $(PO_POT) && $(MSGCMP) --use-untranslated $(PO_POT) po/$$l.po || \
	  { echo "po: po/$$l.po and the sources differ: run make po-update and translate" >&2; exit 1; }; \
	done
	@python3 tools/po-catalogue.py --check po/vi.po spec/messages.vi.md
	@echo "po: $(PO_LANGS): every message translated; spec/messages.vi.md agrees"

po-update: $(PO_POT)
	@for l in $(PO_LANGS); do $(MSGMERGE) --quiet --update --backup=none --no-wrap po/$$l.po $(PO_POT) || exit 1; done
	@python3 tools/po-catalogue.py po/vi.po spec/messages.vi.md

install: install-po
install-po: $(PO_MOS)
	for l in $(PO_LANGS); do \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/dlg.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/dlg.mo || exit 1; \
	done

uninstall: uninstall-po
uninstall-po:
	for l in $(PO_LANGS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/dlg.mo; done

# msgfmt, xgettext, msgmerge and msgcmp: Debian's gettext (the runtime is libc's)
deps: deps-po
deps-po:
	@command -v $(MSGFMT) >/dev/null 2>&1 && command -v $(XGETTEXT) >/dev/null 2>&1 && exit 0; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing: gettext"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; \
	else \
	  echo "missing: gettext"; echo "run: sudo apt-get update && sudo apt-get install -y gettext"; exit 1; \
	fi
