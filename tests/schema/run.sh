#!/bin/sh
# Validate dlg's machine output against its schema: every golden case
# (tests/golden/cases/*.cmd) is run again with --format FORMAT in place of
# its own --format, and each document printed is validated with python3's
# jsonschema module (validate.py). A case that prints nothing must be a
# wrong command line (exit status 2); --help, -h and --version are skipped.
#
#   sh tests/schema/run.sh DLG FORMAT SCHEMA [PYTHON]
#   sh tests/schema/run.sh build/release/dlg json spec/dlg.schema.json
set -u
dlg=${1:?usage: run.sh DLG FORMAT SCHEMA [PYTHON]}
format=${2:?usage: run.sh DLG FORMAT SCHEMA [PYTHON]}
schema=${3:?usage: run.sh DLG FORMAT SCHEMA [PYTHON]}
python=${4:-python3}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cases="$root/tests/golden/cases"
case "$dlg" in /*) ;; *) dlg="$root/$dlg" ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

failed=0 docs=""
for cmd in "$cases"/*.cmd; do
    name=$(basename "$cmd" .cmd)
    args=$(grep -v '^#' "$cmd" | head -n 1)
    # the case's own --format is dropped: this run asks for FORMAT
    set -- $args
    kept=""
    skip=0
    while [ $# -gt 0 ]; do
        case "$1" in
        --format) shift ;;
        --format=*) ;;
        --help|-h|--version) skip=1 ;;
        *) kept="$kept $1" ;;
        esac
        [ $# -gt 0 ] && shift
    done
    [ $skip = 1 ] && continue
    stdin=/dev/null
    [ -f "$cases/$name.stdin" ] && stdin="$cases/$name.stdin"
    # word splitting of $kept is intended, as in tests/golden/run.sh
    (cd "$root" && timeout 120 "$dlg" --format "$format" $kept <"$stdin" >"$tmp/$name.$format" 2>/dev/null)
    status=$?
    if [ ! -s "$tmp/$name.$format" ]; then
        if [ $status != 2 ]; then
            echo "not ok - $name: --format $format printed nothing (exit status $status)"
            failed=$((failed + 1))
        fi
        continue
    fi
    docs="$docs $tmp/$name.$format"
done
# word splitting of $docs is intended: mktemp's names have no spaces
(cd "$root" && "$python" "$here/validate.py" "$schema" $docs) || failed=$((failed + 1))
[ $failed = 0 ]
