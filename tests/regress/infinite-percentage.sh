. "$HERE/lib.sh"
# an infinite computed percentage made a `reported` check FAIL with "computed": null
python3 -c "print('invited 1\nattended 1\nindicator big \"x\" = percent(attended * ' + ' * '.join(['999999999999999999'] * 20) + ', invited) { reported 10% }')" > r.dlg
"$DLG" --format json r.dlg > out 2> err
expect_status 0 $?
has out '"status": "unknown"'
lacks out '"status": "fail"'
