. "$HERE/lib.sh"
# On a terminal (a pseudo-terminal from script(1), util-linux) the text
# report is coloured and as wide as the terminal; NO_COLOR, TERM=dumb and
# --color=never turn the colour off; $COLUMNS overrides the width.
command -v script >/dev/null || { echo "skipped: no script(1)"; exit 0; }
cp "$ROOT/tests/golden/inputs/layout.dlg" r.dlg
# on_tty COLS ENV... -- ARGS: dlg on a terminal COLS wide, standard output in out
on_tty() {
    cols=$1
    shift
    vars=
    while [ "$1" != -- ]; do vars="$vars $1"; shift; done
    shift
    script -qec "stty cols $cols; env -u COLUMNS -u NO_COLOR -u TERM TERM=xterm $vars '$DLG' $* r.dlg" /dev/null |
        tr -d '\r' > out
}
esc=$(printf '\033')
on_tty 60 -- --quiet
has out "${esc}[1;31mFAIL${esc}[0m"
on_tty 60 NO_COLOR=1 --
lacks out "$esc"
on_tty 60 NO_COLOR= -- --quiet          # set but empty: colour (no-color.org)
has out "$esc"
on_tty 60 TERM=dumb --
lacks out "$esc"
on_tty 60 -- --color=never
lacks out "$esc"
# 60 columns: no line wider but the result line (python3 counts columns)
python3 - out 60 <<'PY' || exit 1
import sys, unicodedata
width = int(sys.argv[2])
for line in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    cols = sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if cols > width and not line.startswith("Result:"):
        sys.exit(f"{cols} columns: {line}")
PY
# the subject has 60 - 17 - 10 = 33 columns ("34 =  33" and its spaces take 10)
has out "  FAIL  sum      commune Tỏa Tình: opinions =       34 =  33"
# COLUMNS overrides the terminal's width
on_tty 60 COLUMNS=120 -- --color=never
has out "  FAIL  sum      commune Tỏa Tình: opinions = resolved + pending  34 =  33  imbalance +1  r.dlg:21:37"
