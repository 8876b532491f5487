. "$HERE/lib.sh"
# a \n escape in a string wrote a fake "Result: OK" line into the report
printf 'commune "A\\nResult: OK: 0 checks" { dialogues 0 }\nrule r "t\\nResult: OK" { each commune  require: dialogues >= 1 }\n' > r.dlg
"$DLG" r.dlg > out 2> err
expect_status 1 $?
one_result_line out 'Result'
has out 'commune A\nResult: OK: 0 checks'
# and in diagnostics: two district names that differ by case only warn,
# quoting both
printf 'district "D\\nResult: OK" { }\ndistrict "d\\nresult: ok" { }\n' > e.dlg
"$DLG" e.dlg > out 2> err
has err 'district D\nResult: OK'
if grep -qi '^result' err; then echo "a forged line:"; cat err; exit 1; fi
one_result_line out '[Rr][Ee][Ss][Uu][Ll][Tt]'
