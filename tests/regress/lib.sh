# Shared by the cases: run dlg within a time budget, and checks.
# budget SECONDS CMD...: run CMD, fail if it takes longer (it is killed).
budget() {
    limit=$1
    shift
    start=$(date +%s.%N)
    timeout "$limit" "$@"
    status=$?
    end=$(date +%s.%N)
    if [ "$status" -eq 124 ]; then
        echo "took longer than ${limit} s"
        exit 1
    fi
    echo "took $(awk "BEGIN { printf \"%.2f\", $end - $start }") s, exit $status"
    return "$status"
}
# expect_status WANT GOT
expect_status() {
    [ "$2" -eq "$1" ] || { echo "exit status $2, expected $1"; exit 1; }
}
# has FILE TEXT: the file contains the text (fixed string)
has() {
    grep -qF -- "$2" "$1" || { echo "$1 lacks: $2"; sed 's/^/  | /' "$1" | head -20; exit 1; }
}
# lacks FILE TEXT
lacks() {
    if grep -qF -- "$2" "$1"; then echo "$1 has: $2"; exit 1; fi
}
# one_result_line FILE PATTERN: exactly one line of the file starts with
# PATTERN (a basic regular expression, matched from column 0): dlg's own
# result line, none forged by the input
one_result_line() {
    n=$(grep -c "^$2" "$1")
    [ "$n" -eq 1 ] || { echo "$n lines of $1 start with '$2', not 1:"; sed 's/^/  | /' "$1" | head -20; exit 1; }
}
