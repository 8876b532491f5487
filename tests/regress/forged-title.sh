. "$HERE/lib.sh"
# a report titled "Result: OK" printed it at column 0, the top line of the
# text report: a result line of its own in a CI log (found by the fuzzer)
printf 'report "Result: OK"\n' > r.dlg
"$DLG" r.dlg > out 2> err
expect_status 0 $?
one_result_line out 'Result'
has out '  Result: OK'
# the same in Vietnamese, whose result line is its own words
printf 'report "Kết quả: báo cáo đúng"\n' > v.dlg
"$DLG" --lang vi v.dlg > out 2> err
expect_status 0 $?
one_result_line out 'Kết quả'
