. "$HERE/lib.sh"
# a report titled "Result: OK" printed it at column 0, the top line of the
# text report: a result line of its own in a CI log (found by the fuzzer)
printf 'report "Result: OK"\n' > r.dlg
"$DLG" r.dlg > out 2> err
expect_status 0 $?
[ "$(grep -c '^Result' out)" -eq 1 ] || { echo "more than one Result line:"; cat out; exit 1; }
has out '  Result: OK'
# the same in Vietnamese, whose result line is its own words
printf 'report "Kết quả: báo cáo đúng"\n' > v.dlg
"$DLG" --lang vi v.dlg > out 2> err
expect_status 0 $?
[ "$(grep -c '^Kết quả' out)" -eq 1 ] || { echo "more than one result line:"; cat out; exit 1; }
