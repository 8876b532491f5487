#!/bin/sh
# Regression tests, one per finding (as One True AWK's bugs-fixed/): each
# NAME.sh builds its input (some are large, so they are made, not stored),
# runs "$DLG" and exits 0 when the bug stays fixed. README lists what broke.
#
#   sh tests/regress/run.sh build/release/dlg [NAME...]
set -u
dlg=${1:?usage: run.sh PATH-TO-DLG [NAME...]}
shift
here=$(cd "$(dirname "$0")" && pwd)
case "$dlg" in /*) ;; *) dlg="$(pwd)/$dlg" ;; esac
[ $# -eq 0 ] && set -- $(cd "$here" && ls *.sh | grep -v '^run\.sh$\|^lib\.sh$' | sed 's/\.sh$//')
unit="$(dirname "$dlg")/tests"
root=$(cd "$here/../.." && pwd)           # the unit tests built with this dlg
passed=0 failed=0
for name in "$@"; do
    tmp=$(mktemp -d)
    # a case that hangs is a failure, not a stalled CI run
    if (cd "$tmp" && DLG="$dlg" HERE="$here" UNIT="$unit" ROOT="$root" timeout 120 sh "$here/$name.sh" >"$tmp/log" 2>&1); then
        echo "ok - $name"
        passed=$((passed + 1))
    else
        printf 'not ok - %s: %s\n' "$name" "$(grep -m1 "^$name:" "$here/README" | cut -d: -f2- | sed 's/^ //')"
        sed 's/^/    /' "$tmp/log" | head -20
        failed=$((failed + 1))
    fi
    rm -rf "$tmp"
done
echo "regress: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
