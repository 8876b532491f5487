#!/bin/sh
# Golden tests of the command line: each cases/NAME.cmd holds a comment line
# saying what the case shows, then the arguments to dlg (run from the
# repository root). Expected results sit beside it: NAME.out (stdout),
# NAME.err (stderr) and NAME.status (exit status).
#
#   sh tests/golden/run.sh build/release/dlg        run every case
#   UPDATE=1 sh tests/golden/run.sh DLG [NAME...]   rewrite expectations
#   VALGRIND="valgrind -q ..." sh tests/golden/run.sh DLG
#
# An optional NAME.env holds VAR=VALUE lines (no spaces) set for that case;
# every case runs without COLUMNS and NO_COLOR from the caller's
# environment, so the text report is 80 columns wide and plain, nor
# LANGUAGE, LC_ALL, LC_MESSAGES and LANG, so it is in English unless the
# case asks for Vietnamese (--lang vi, or LANG=vi_VN.UTF-8 in NAME.env).
#
# A rewritten expectation is only a draft: read it against the source report
# before committing it (tests/golden/README.md).
set -u
dlg=${1:?usage: run.sh PATH-TO-DLG [CASE...]}
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
case "$dlg" in /*) ;; *) dlg="$root/$dlg" ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ $# -eq 0 ]; then
    set -- $(cd "$here/cases" && ls *.cmd | sed 's/\.cmd$//')
fi

passed=0 failed=0
for name in "$@"; do
    cmd="$here/cases/$name.cmd"
    # the arguments are the first line that is not a comment, only that one
    args=$(grep -v '^#' "$cmd" | head -n 1)
    stdin=/dev/null
    [ -f "$here/cases/$name.stdin" ] && stdin="$here/cases/$name.stdin"
    vars=
    [ -f "$here/cases/$name.env" ] && vars=$(grep -v '^#' "$here/cases/$name.env" | tr '\n' ' ')
    # word splitting of $args is intended: one argument per word
    # a hang is a failure, not a stalled CI run
    (cd "$root" && eval "env -u COLUMNS -u NO_COLOR -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG $vars timeout 120 ${VALGRIND:-} \"\$dlg\" $args" \
        <"$stdin" >"$tmp/out" 2>"$tmp/err")
    echo $? >"$tmp/status"
    if [ "${UPDATE:-}" = 1 ]; then
        cp "$tmp/out" "$here/cases/$name.out"
        cp "$tmp/err" "$here/cases/$name.err"
        cp "$tmp/status" "$here/cases/$name.status"
    fi
    ok=1
    for part in out err status; do
        if ! cmp -s "$tmp/$part" "$here/cases/$name.$part"; then
            ok=0
            echo "--- $name: $part differs"
            diff -u "$here/cases/$name.$part" "$tmp/$part" | head -30
        fi
    done
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
        echo "ok - $name"
    else
        failed=$((failed + 1))
        echo "not ok - $name: $(head -1 "$cmd" | sed 's/^# *//')"
    fi
done
echo "golden: $passed passed, $failed failed"
[ $failed = 0 ]
