#!/usr/bin/env bash
# run.sh - the stress cases of tests/stress/gen.py through build/release/dlg,
# one at a time, each with a time budget and a memory cap (README.md).
#
#   tests/stress/run.sh [--only NAME]... [--size-scale X] [--budget S]
#                       [--mem-mb M] [--kill-factor F] [--dlg PATH] [--keep DIR]
#                       [--growth]
#
# A case FAILS when dlg exits with a status other than 0, 1 or 2, dies of a
# signal, runs longer than its budget (it is killed at budget x F), or its
# output fails the case's extra check (gen.py: one-result, no-pass, json).
# Prints a table; exits 1 when any case failed, 2 on a usage error.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dlg="$root/build/release/dlg"
only=()
scale=1
budget=1
mem_mb=1024
kill_factor=10
keep=""
growth=""

usage() {
    sed -n '4,12p' "$0" | sed 's/^# \{0,1\}//'
    echo "cases:"
    python3 "$here/gen.py" --list | sed 's/^/  /'
}

while [ $# -gt 0 ]; do
    case "$1" in
    --only) only+=("${2:?--only needs a case name}"); shift 2 ;;
    --only=*) only+=("${1#--only=}"); shift ;;
    --size-scale) scale="${2:?--size-scale needs a number}"; shift 2 ;;
    --size-scale=*) scale="${1#--size-scale=}"; shift ;;
    --budget) budget="${2:?--budget needs seconds}"; shift 2 ;;
    --budget=*) budget="${1#--budget=}"; shift ;;
    --mem-mb) mem_mb="${2:?--mem-mb needs megabytes}"; shift 2 ;;
    --mem-mb=*) mem_mb="${1#--mem-mb=}"; shift ;;
    --kill-factor) kill_factor="${2:?--kill-factor needs a number}"; shift 2 ;;
    --kill-factor=*) kill_factor="${1#--kill-factor=}"; shift ;;
    --dlg) dlg="${2:?--dlg needs a path}"; shift 2 ;;
    --dlg=*) dlg="${1#--dlg=}"; shift ;;
    --keep) keep="${2:?--keep needs a directory}"; shift 2 ;;
    --keep=*) keep="${1#--keep=}"; shift ;;
    --growth) growth=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

command -v python3 >/dev/null 2>&1 || { echo "run.sh: python3 is needed to generate the inputs" >&2; exit 2; }
command -v timeout >/dev/null 2>&1 || { echo "run.sh: timeout (coreutils) is needed" >&2; exit 2; }
if [ ! -x "$dlg" ]; then
    echo "run.sh: $dlg is not built; building it (make)" >&2
    make -C "$root" --no-print-directory >&2 || { echo "run.sh: the build failed" >&2; exit 2; }
fi
case "$dlg" in /*) ;; *) dlg="$(pwd)/$dlg" ;; esac

all=$(python3 "$here/gen.py" --names) || exit 2
if [ ${#only[@]} -gt 0 ]; then
    cases=""
    for o in "${only[@]}"; do
        for n in ${o//,/ }; do
            echo "$all" | grep -qx -- "$n" || { echo "run.sh: no case '$n'; cases: $(echo $all)" >&2; exit 2; }
            cases="$cases $n"
        done
    done
else
    cases=$all
fi

gnu_time=""
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e' -o /dev/null true 2>/dev/null; then
    gnu_time=/usr/bin/time
fi

if [ -n "$keep" ]; then
    work="$keep"
    mkdir -p "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/dlg-stress.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi

now() { date +%s.%N; }

# The outcome of the extra checks of a case, or "" when all hold.
extra_checks() {
    local checks=$1 out=$2 what=""
    for c in ${checks//,/ }; do
        case "$c" in
        -) ;;
        one-result)
            n=$(grep -c '^Result:' "$out")
            [ "$n" -le 1 ] || what="$what $n 'Result:' lines (forged);" ;;
        no-pass)
            n=$(grep -cE '^ *pass +(sum|table|rollup|items|bound|change) ' "$out")
            [ "$n" -eq 0 ] || what="$what $n checks pass on wrapped 64-bit sums;" ;;
        min-checks=*)
            want=${c#min-checks=}
            n=$(sed -n 's/^Checks: \([0-9][0-9]*\) .*/\1/p' "$out" | head -n 1)
            [ "${n:-0}" -ge "$want" ] || what="$what ${n:-0} checks made, $want expected;" ;;
        json)
            python3 - "$out" "$root/spec/dlg.schema.json" <<'EOF' || what="$what invalid JSON;"
import json, sys
def bad(x):
    raise ValueError("non-finite number " + x)
with open(sys.argv[1], "rb") as f:
    data = f.read()
# the contract's version, as the schema states it
with open(sys.argv[2], encoding="utf-8") as f:
    version = json.load(f)["properties"]["dlg"]["const"]
try:
    text = data.decode("utf-8")
    obj = json.loads(text, parse_constant=bad)
    assert isinstance(obj, dict) and obj.get("dlg") == version, "not a dlg object of version %d" % version
    assert text.endswith("}\n"), "not followed by one newline"
except Exception as e:
    sys.stderr.write("json: %s\n" % e)
    sys.exit(1)
EOF
            ;;
        *) what="$what unknown check $c;" ;;
        esac
    done
    echo "$what"
}

# run_case NAME SCALE: generate the case at that scale and run it; sets
# size, case_budget, secs, secs_num, rss, status, result and note.
run_case() {
    local name=$1 case_scale=$2 dir="$work/$1" checks args kill_after tf start end extra first_error nerr sig
    rm -rf "$dir" "$dir.gen"
    size=- case_budget=- secs=- secs_num=0 rss=- status=- result=FAIL note=""
    if ! python3 "$here/gen.py" --out "$dir.gen" --only "$name" --size-scale "$case_scale" --budget "$budget" 2>/dev/null; then
        note="gen.py failed"
        return
    fi
    IFS=$'\t' read -r _ size case_budget checks args < "$dir.gen/manifest.tsv"
    mv "$dir.gen/$name" "$dir" && rm -rf "$dir.gen"
    kill_after=$(awk -v b="$case_budget" -v f="$kill_factor" 'BEGIN { k = b * f; if (k < b + 1) k = b + 1; print k }')
    tf="$dir/.time"
    start=$(now)
    (
        ulimit -v $((mem_mb * 1024)) 2>/dev/null
        cd "$dir" || exit 125
        # shellcheck disable=SC2086
        if [ -n "$gnu_time" ]; then
            exec "$gnu_time" -f '%e %M' -o "$tf" timeout -k 2 "$kill_after" "$dlg" $args > "$dir/.out" 2> "$dir/.err"
        else
            exec timeout -k 2 "$kill_after" "$dlg" $args > "$dir/.out" 2> "$dir/.err"
        fi
    )
    status=$?
    end=$(now)
    secs_num=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
    secs=$secs_num
    if [ -n "$gnu_time" ] && [ -s "$tf" ]; then
        rss=$(tail -n 1 "$tf" | awk '{ printf "%.1f", $2 / 1024 }')
    fi
    result=pass
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
        result=FAIL; note="killed after ${kill_after} s (budget ${case_budget} s);"
        secs=">$secs"
    elif [ "$status" -gt 128 ]; then
        sig=$((status - 128))
        result=FAIL; note="signal $sig ($(kill -l "$sig" 2>/dev/null || echo '?'));"
    elif [ "$status" -gt 2 ]; then
        result=FAIL; note="exit status $status;"
    else
        if awk -v s="$secs_num" -v b="$case_budget" 'BEGIN { exit !(s > b) }'; then
            result=FAIL; note="over the budget of ${case_budget} s;"
        fi
        extra=$(extra_checks "$checks" "$dir/.out")
        if [ -n "$extra" ]; then
            result=FAIL; note="$note$extra"
        fi
    fi
    if grep -qE '(error|note): out of memory$' "$dir/.err" 2>/dev/null; then
        note="$note out of memory (cap ${mem_mb} MB);"
    fi
    first_error=$(grep -m1 -E ': (error|warning): ' "$dir/.err" 2>/dev/null | sed 's/^[^:]*:[0-9]*:[0-9]*: //' | cut -c1-70)
    if [ -n "$first_error" ]; then
        nerr=$(grep -cE ': (error|warning): ' "$dir/.err")
        note="$note $nerr diag ($first_error)"
    fi
    note=${note# }
    [ -z "$keep" ] && rm -rf "$dir"
}

if [ -n "$growth" ]; then
    fmt='%-20s %12s %7s %9s %9s %6s %8s  %-6s %s\n'
    printf "$fmt" case size budget seconds "RSS MB" exit "t/t(N/2)" result note
    printf "$fmt" -------------------- ------------ ------- --------- --------- ------ -------- ------ ----
else
    fmt='%-20s %12s %7s %9s %9s %6s  %-6s %s\n'
    printf "$fmt" case size budget seconds "RSS MB" exit result note
    printf "$fmt" -------------------- ------------ ------- --------- --------- ------ ------ ----
fi
failed=0
for name in $cases; do
    ratio=-
    if [ -n "$growth" ]; then
        # the same case at half the size first: t(N)/t(N/2) is about 2 for a
        # linear pass, 4 for a quadratic one (meaningless under 0.05 s)
        run_case "$name" "$(awk -v s="$scale" 'BEGIN { print s / 2 }')"
        half_secs=$secs_num half_status=$status
        run_case "$name" "$scale"
        if [ "$half_status" != 124 ] && [ "$status" != 124 ] &&
           awk -v h="$half_secs" 'BEGIN { exit !(h >= 0.05) }'; then
            ratio=$(awk -v h="$half_secs" -v f="$secs_num" 'BEGIN { printf "%.1f", f / h }')
        fi
    else
        run_case "$name" "$scale"
    fi
    [ "$result" = FAIL ] && failed=$((failed + 1))
    if [ -n "$growth" ]; then
        printf "$fmt" "$name" "$size" "$case_budget" "$secs" "$rss" "$status" "$ratio" "$result" "$note"
    else
        printf "$fmt" "$name" "$size" "$case_budget" "$secs" "$rss" "$status" "$result" "$note"
    fi
done
echo
if [ "$failed" -gt 0 ]; then
    echo "stress: $failed case(s) failed (dlg: $dlg, size scale $scale, memory cap ${mem_mb} MB)"
    exit 1
fi
echo "stress: every case passed (dlg: $dlg, size scale $scale, memory cap ${mem_mb} MB)"
