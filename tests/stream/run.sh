#!/bin/sh
# Reading streaming (run.c): a report is modelled item by item while it is
# parsed, and each item's syntax tree given back, whenever nothing read
# later could change the result; otherwise the run is made again reading
# every file first. For every case below, dlg and dlg-whole (the same
# program that always reads every file first: RunOptions.whole) must write
# the same standard output, the same standard error and the same exit
# status, byte for byte. The cases are the ones where streaming could show:
# a declaration or a calendar item before and after the first item that
# needs the model, `use` and `within`, a syntax error after modelled items,
# the limits on errors and warnings, errors of the scanner and of the model
# interleaved, a vocabulary with errors, several files one after the other,
# rulebooks, the previous period, --strict, Vietnamese, a unit's items
# modelled as they are parsed (opened), the limit on errors
# reached by the scanner, by the model, by both, and with a file left; a
# report split in files placed 'within' units, in every order that is not
# the whole way's.
#
#   sh tests/stream/run.sh build/release/dlg build/release/dlg-whole
set -u
dlg=${1:?usage: run.sh PATH-TO-DLG PATH-TO-DLG-WHOLE}
whole=${2:?usage: run.sh PATH-TO-DLG PATH-TO-DLG-WHOLE}
case "$dlg" in /*) ;; *) dlg="$(pwd)/$dlg" ;; esac
case "$whole" in /*) ;; *) whole="$(pwd)/$whole" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1

# ---- inputs ------------------------------------------------------------------
unit='commune "A" {\n  opinions 3 { resolved 2  pending 1 }\n  opinion "Ý kiến" { topic roads status resolved }\n}\n'
printf "$unit" > plain.dlg
printf 'figure trees "Số cây" { }\nholiday 2024-02-08 .. 2024-02-14 "Tết"\n'"$unit"'commune "B" { trees 4 }\n' > declared-first.dlg
printf "$unit"'figure trees "Số cây" { }\ncommune "B" { trees 4 }\n' > declared-after.dlg
printf "$unit"'holiday 2024-02-08 .. 2024-02-14 "Tết"\n' > calendar-after.dlg
printf "$unit"'use "plain.dlg"\n' > uses.dlg
printf 'within district "D"\n'"$unit" > within.dlg
printf 'district "D" { communes 1 }\n' > district.dlg
printf 'district "D" { commune "A" { } }\nwithin district "D"\n' > unit-then-within.dlg
# a limit of nesting or of an expression's depth met inside a block,
# after a unit was modelled: the parse that meets it there keeps no item
# (its error recovery cannot end the block), and reading streaming had
# modelled the unit
deep=$(printf '%070d' 0 | tr 0 '(')
minus=$(printf '%300d' 0 | tr ' 0' '--')
printf 'commune "A" { unknown_a 1 }\nrule r "R" {\n  each commune\n  require: %s1\n}\n' "$deep" > unit-then-nesting.dlg
printf 'commune "A" { unknown_a 1 }\nrule r "R" {\n  each commune\n  require: %s1 > 0\n}\n' "$minus" > unit-then-minus.dlg
# a report split by district: a top file making the districts, files
# placed within them (in order, out of order, nested, with a rule, a
# second 'within', a unit before 'within', a namesake made later)
mkdir -p split
printf 'province "P" {\n  districts 2\n  district "D1" { communes 2 }\n  district "D2" { communes 1 }\n}\n' > split/top.dlg
printf 'within district "D1"\ncommune "A" { opinions 2 { resolved 1  pending 1 } }\ncommune "B" { opinions 1 { resolved 2 } }\n' > split/w1.dlg
printf 'within district "D2"\nindicator n "Số xã" = count(commune)\ncommune "C" { opinions 1 { resolved 1 } }\n' > split/w2.dlg
printf 'within commune "A"\nvillages 1\nvillage "Thôn 1"\n' > split/nested.dlg
printf 'within district "D1"\nwithin district "D2"\n' > split/twice.dlg
printf 'commune "E" { opinions 1 { resolved 1 } }\nwithin district "D2"\n' > split/late.dlg
printf 'province "Q" { district "D1" { communes 0 } }\n' > split/namesake.dlg
printf "$unit"'commune "B" { opinions 3 ) }\n'"$unit" > syntax-after.dlg
# n_lines N FORMAT [FILE]: N lines, each FORMAT with the line's number,
# into FILE or onto standard output
n_lines() {
    if [ $# -gt 2 ]; then
        n_lines "$1" "$2" > "$3"
        return
    fi
    k=0
    while [ $k -lt "$1" ]; do
        printf "$2" $k $k
        k=$((k + 1))
    done
}
n_lines 60 'commune "U%d" { unknown_%d 1 }\n' errors-60.dlg        # the error limit, met by the model
n_lines 49 'commune "U%d" { unknown_%d 1 }\n' errors-49.dlg        # under it: every error kept
n_lines 60 'report "R%d" { period 2024 }\nx%d = 1\n' warnings.dlg  # more warnings than are shown
# the error limit reached by the model in the last item, nothing after;
# by the scanner alone after a silent unit; by the scanner after the
# model's errors; by the model with another file to read
{ printf 'commune "L" {\n'; n_lines 60 '  unknown_%d %d\n'; printf '}\n'; } > limit-last.dlg
{ printf "$unit"; n_lines 60 'opinion "bad \\q %d %d"\n'; } > limit-scanner.dlg
{ printf 'commune "L" {\n'; n_lines 30 '  unknown_%d %d\n'; printf '}\n'
  n_lines 30 'opinion "bad \\q %d %d"\n'; } > limit-both.dlg
printf 'opinion "bad \\q"\n' > scanner-error.dlg
# the model reaches the limit on the last item, then the parser has more
# to say: a '}' that closes nothing
{ n_lines 51 'unknown_%d %d\n'; printf '}\n'; } > limit-then-brace.dlg
# the scanner's errors (an unknown escape) between the model's
k=0
while [ $k -lt 20 ]; do
    printf 'commune "S%d" { unknown_%d 1 }\nopinion "bad \\q escape %d" { topic roads }\n' $k $k $k
    k=$((k + 1))
done > interleaved.dlg
printf 'figure trees "Số cây" { }\nfigure trees "Cây" { }\n'"$unit"'commune "B" { trees 1 }\n' > vocab-errors.dlg
printf 'figure trees "Số cây" { }\n' > vocab.dlg
printf 'commune "B" { trees 4 }\n' > uses-vocab.dlg
printf 'report "R" { issuer "X" period 2024 }\n' > header-only.dlg
# a file over 4 MiB (SOURCE_PIECES_MIN), read a piece at a time while it
# is parsed and never held whole (source_open_pieces), where dlg-whole
# holds its text and gives it back once it is modelled (source_evict):
# every position, quoted line and rule condition printed is read again
# from the file. Errors, a warning, a failing check and a rule's verdicts
# after Vietnamese on their line, CRLF, a byte-order mark.
{
    printf '\357\273\277rule held "Đối thoại" {\n  each commune\n  require: dialogues >= 1 # một lần\n}\n'
    k=0
    while [ $k -lt 24000 ]; do
        printf 'commune "Xã Đông %d" { households %d }  # ghi chú\r\n' $k $k
        printf 'commune "Xã Tây %d" {\n  opinions 3 { resolved 2  pending 2 }  # Hỏi\n}\n' $k
        printf 'commune "Xã Nam %d" { opinions 2 { resolved 1  pending 2 } }\n' $k
        k=$((k + 1))
    done
} > big-ok.dlg
{
    cat big-ok.dlg
    printf 'commune "Hà Nội" { opinions 2 { resolved 1 } } unknown_x 1\n'
    printf 'commune "Huế" { opinion "Ý kiến \\q" { topic roads } }\n'
} > big.dlg
# a unit's items modelled one by one as they are parsed (ItemSink.open):
# a unit given twice in a file (the second refused, its items unread), a
# block left partial, two blocks, heads that are no unit's or written
# wrongly, a unit nested in one opened, and the model's errors inside an
# opened unit with the scanner's between them
printf 'commune "A" { opinions 1 { resolved 1 } }\ncommune "A" { opinions 2  unknown_z 1 }\n' > opened-twice.dlg
printf 'commune "A" { opinions 1 { resolved 1 } ... }\ncommune "B" { opinions 1 { resolved 1 } } { households 3 ... }\n' > opened-partial.dlg
printf 'commune 3 { unknown_a 1 }\ncommune "A" "B" { unknown_b 1 }\ndialogue "D" { date 2024-01-05 }\nprovince "P" { district "D" { commune "C" { unknown_c 1 } } }\n' > opened-heads.dlg
{ printf 'commune "L" {\n'; n_lines 20 '  unknown_%d %d\n  opinion "bad \\q %d"\n'; printf '}\n'; } > opened-interleaved.dlg
cp "$root"/tests/golden/inputs/rules.dlg rules.dlg
cp -r "$root"/tests/golden/inputs/previous previous

# ---- cases: NAME then the arguments --------------------------------------------
cases='plain|plain.dlg
declared-first|declared-first.dlg
declared-after|declared-after.dlg
calendar-after|calendar-after.dlg
uses|uses.dlg
within|district.dlg within.dlg
within-jobs-1|--jobs 1 district.dlg within.dlg
unit-then-within|unit-then-within.dlg
unit-then-nesting|unit-then-nesting.dlg
unit-then-minus|unit-then-minus.dlg
split|--jobs 1 split/top.dlg split/w1.dlg split/w2.dlg
split-json|--jobs 1 --format json split/top.dlg split/w1.dlg split/w2.dlg
split-out-of-order|--jobs 1 split/top.dlg split/w2.dlg split/w1.dlg
split-top-last|--jobs 1 split/w1.dlg split/top.dlg
split-top-after|--jobs 1 split/top.dlg split/w1.dlg district.dlg split/w2.dlg
split-nested|--jobs 1 split/top.dlg split/w1.dlg split/nested.dlg
split-twice|--jobs 1 split/top.dlg split/twice.dlg
split-late|--jobs 1 split/top.dlg split/late.dlg
split-namesake|--jobs 1 split/top.dlg split/w1.dlg split/namesake.dlg
split-threads|--jobs 2 split/top.dlg split/w1.dlg split/w2.dlg
split-threads-json|--jobs 3 --format json split/top.dlg split/w1.dlg split/w2.dlg
split-threads-out-of-order|--jobs 2 split/top.dlg split/w2.dlg split/w1.dlg
vocab-file-threads|--jobs 2 vocab.dlg uses-vocab.dlg
files-threads|--jobs 2 plain.dlg declared-first.dlg
syntax-after|syntax-after.dlg
errors-60|errors-60.dlg
errors-49|errors-49.dlg
warnings|warnings.dlg
limit-last|limit-last.dlg
limit-scanner|limit-scanner.dlg
limit-both|limit-both.dlg
limit-then-file|--jobs 1 limit-last.dlg scanner-error.dlg
limit-then-brace|limit-then-brace.dlg
interleaved|interleaved.dlg
vocab-errors|vocab-errors.dlg
files-jobs-1|--jobs 1 plain.dlg declared-first.dlg
vocab-file-first|--jobs 1 vocab.dlg uses-vocab.dlg
vocab-file-last|--jobs 1 uses-vocab.dlg vocab.dlg
named-twice|--jobs 1 plain.dlg plain.dlg
rulebook|--rules dialogue plain.dlg
rules-file|rules.dlg
json|--format json interleaved.dlg
previous|--previous previous/2020.dlg previous/2021.dlg
strict-empty|--strict header-only.dlg
vietnamese|--lang vi errors-60.dlg
big|big.dlg
big-vi|--lang vi big.dlg
big-ok|big-ok.dlg
big-ok-all|--all big-ok.dlg
big-json|--format json big-ok.dlg
big-sarif|--format sarif big-ok.dlg
big-html|--format html big-ok.dlg
big-github|--format github big-ok.dlg
big-csv|--format csv big-ok.dlg
opened-twice|opened-twice.dlg
opened-partial|opened-partial.dlg
opened-heads|opened-heads.dlg
opened-interleaved|opened-interleaved.dlg
opened-then-declared|opened-twice.dlg declared-after.dlg
unreadable|--jobs 1 missing.dlg plain.dlg
sandbox|--jobs 1 --sandbox /etc/hostname plain.dlg'

pass=0
fail=0
nl='
'
IFS_OLD=$IFS
IFS=$nl
for line in $cases; do
    IFS=$IFS_OLD
    name=${line%%|*}
    args=${line#*|}
    # shellcheck disable=SC2086 # the arguments are words
    "$dlg" $args > out.a 2> err.a
    sa=$?
    # shellcheck disable=SC2086
    "$whole" $args > out.b 2> err.b
    sb=$?
    if [ $sa -eq $sb ] && cmp -s out.a out.b && cmp -s err.a err.b; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "not ok - $name: exit $sa against $sb" >&2
        diff out.a out.b | head -10 >&2
        diff err.a err.b | head -10 >&2
    fi
    IFS=$nl
done
IFS=$IFS_OLD
echo "stream: $pass passed, $fail failed"
[ $fail -eq 0 ]
