#!/bin/sh
# Message tests as data (tests/messages/README.md): every block of
# tests/messages/*.test is run, then the coverage of spec/messages.md is
# checked.
#
#   sh tests/messages/run.sh build/release/dlg                   every block, and the coverage
#   sh tests/messages/run.sh build/release/dlg -v                also the diffs of known bugs
#   sh tests/messages/run.sh build/release/dlg -k 'use'          the blocks whose title has 'use'
#   sh tests/messages/run.sh build/release/dlg tests/messages/lexical.test
#   VALGRIND="valgrind -q --error-exitcode=99" sh tests/messages/run.sh DLG
#   python3 tests/messages/catalogue.py                           the templates and their regexes
here=$(dirname "$0")
if ! command -v python3 >/dev/null 2>&1; then
    echo "tests/messages/run.sh: python3 is needed to run the message tests" >&2
    exit 2
fi
exec python3 "$here/run.py" "$@"
