#!/bin/sh
# Several files read at once (--jobs, spec §12): for every case below, dlg
# run with 1, 2, 3 and 8 threads must write the same standard output, the
# same standard error and the same exit status, byte for byte. One thread
# reads the files one after the other: it is the reference. The cases are
# those where reading apart could show: diagnostics of several files and
# their order, the error limit reached inside a file and at a file's end,
# a file named twice or through a link, a file another one uses, files that
# cannot be read, --sandbox, standard input named twice, names new to the
# run interned by several threads at once.
#
#   sh tests/jobs/run.sh build/release/dlg
#   RUNNER="valgrind --tool=helgrind -q" sh tests/jobs/run.sh DLG   (or a TSan build)
set -u
dlg=${1:?usage: run.sh PATH-TO-DLG}
case "$dlg" in /*) ;; *) dlg="$(pwd)/$dlg" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1

# ---- inputs ------------------------------------------------------------------
mkdir -p ok bad many inside
cp "$root"/tests/golden/inputs/multi/*.dlg ok/
# ten communes of one district, each its own file
i=0
while [ $i -lt 10 ]; do
    printf 'within district "Mường Ảng"\ncommune "Xã %d" {\n  opinions 3 { resolved 2  pending 1 }\n  opinion "Ý kiến %d" { topic roads status resolved }\n}\n' $i $i > many/c$i.dlg
    i=$((i + 1))
done
printf 'district "Mường Ảng" {\n  communes 10\n}\n' > many/00-district.dlg
# syntax errors in several files, 7 each (an empty breakdown among them)
# and an error of meaning (said
# once all files are read), so that the limit of 50 falls inside the
# eighth file
i=0
while [ $i -lt 10 ]; do
    printf 'commune "M%d" { opinions 3 { resolved } }\n' $i > bad/e$i.dlg
    k=0
    while [ $k -lt 3 ]; do
        printf 'x%d = = 1\ncommune "A%d" { opinions 3 ) }\n' $k $k >> bad/e$i.dlg
        k=$((k + 1))
    done
    i=$((i + 1))
done
printf 'commune "B" {\n  opinions ( 3\n}\n' > bad/nest.dlg
# syntax_errors N FILE: a file of N lines with a syntax error each
syntax_errors() {
    k=0
    while [ $k -lt "$1" ]; do
        printf 'commune "A%d" { opinions 3 ) }\n' $k
        k=$((k + 1))
    done > "$2"
}
# names new to the run in every file, so that the table of names grows
# while several threads add to it (each an unknown figure: an error)
mkdir -p names
i=0
while [ $i -lt 8 ]; do
    awk -v i=$i 'BEGIN { printf "commune \"N%d\" {\n", i; for (k = 0; k < 3000; k++) printf "  n%d_%d 1\n", i, k; print "}" }' > names/n$i.dlg
    i=$((i + 1))
done
syntax_errors 50 bad/fifty.dlg      # the limit reached exactly at a file's end
syntax_errors 60 bad/sixty.dlg      # past the limit inside the first file
# a file that uses another also named on the command line
printf 'use "used.dlg"\ncommune "U" { opinions 1 { resolved 1 } }\n' > ok/user.dlg
printf 'commune "V" { opinions 2 { resolved 2 } }\n' > ok/used.dlg
ln -s ok/used.dlg link.dlg
ln -s /etc/hostname inside/out.dlg
mkdir -p adir.dlg

# ---- cases -------------------------------------------------------------------
passed=0 failed=0
# case NAME STDIN ARGS...: the same output with 1, 2, 3 and 8 threads
case_() {
    name=$1 stdin=$2
    shift 2
    for j in 1 2; do
        ${RUNNER:-} "$dlg" --jobs $j "$@" < "$stdin" > "out.$j" 2> "err.$j"
        echo $? > "status.$j"
    done
    for j in 3 8; do
        ${RUNNER:-} "$dlg" --jobs=$j "$@" < "$stdin" > "out.$j" 2> "err.$j"
        echo $? > "status.$j"
    done
    ok=1
    for j in 2 3 8; do
        for part in out err status; do
            if ! cmp -s "$part.1" "$part.$j"; then
                ok=0
                echo "--- $name: $part with --jobs $j differs from --jobs 1"
                diff "$part.1" "$part.$j" | head -10
            fi
        done
    done
    # a case that says nothing shows nothing
    if [ ! -s out.1 ] && [ ! -s err.1 ]; then
        ok=0
        echo "--- $name: no output at all"
    fi
    if [ $ok = 1 ]; then
        echo "ok - $name"
        passed=$((passed + 1))
    else
        echo "not ok - $name"
        failed=$((failed + 1))
    fi
}
: > empty
case_ golden-multi empty ok/district.dlg ok/commune-a.dlg ok/commune-b.dlg
case_ golden-multi-json empty --format json ok/district.dlg ok/commune-a.dlg ok/commune-b.dlg
case_ many-files empty many/*.dlg
case_ many-files-sarif empty --format sarif many/*.dlg
case_ errors-in-many-files empty bad/e*.dlg
case_ limit-at-a-files-end empty bad/fifty.dlg many/c1.dlg bad/e1.dlg
case_ limit-in-the-first-file empty bad/sixty.dlg many/c1.dlg many/c2.dlg
case_ errors-and-nesting empty bad/nest.dlg bad/e0.dlg many/c0.dlg
case_ named-twice empty ok/used.dlg ok/used.dlg link.dlg ./ok/used.dlg
case_ used-and-named empty ok/user.dlg ok/used.dlg
case_ named-and-used empty ok/used.dlg ok/user.dlg
case_ unreadable empty many/c0.dlg missing.dlg adir.dlg many/c1.dlg /dev/null
case_ sandbox empty --sandbox many/c0.dlg inside/out.dlg /etc/hostname many/c1.dlg
case_ stdin-twice many/c2.dlg many/c0.dlg - many/c1.dlg -
case_ names-while-reading empty names/*.dlg
case_ vietnamese empty --lang vi bad/e0.dlg bad/nest.dlg many/c3.dlg
echo "jobs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
