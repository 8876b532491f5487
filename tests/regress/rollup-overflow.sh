. "$HERE/lib.sh"
# the same for a roll-up: two communes of 2^63 - 1 under a district of 10
printf 'district "D" { invited 10\n commune "A" { invited 9223372036854775807 }\n commune "B" { invited 9223372036854775807 } }\n' > r.dlg
"$DLG" --format json r.dlg > out 2> err
expect_status 1 $?
has out '"computed": 18446744073709551614'
