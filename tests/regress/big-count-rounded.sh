. "$HERE/lib.sh"
# counts above 2^53 were printed rounded: 9,007,199,254,740,993 as ...992
printf 'invited 9007199254740993 { men 9007199254740992  women 0 }\n' > r.dlg
"$DLG" r.dlg > out 2> err
expect_status 1 $?
# the values on one line; the imbalance after them or below, as the width allows
has out "9,007,199,254,740,993 =  9,007,199,254,740,992"
has out "imbalance +1"
"$DLG" --format json r.dlg > out 2> err
has out '"declared": 9007199254740993'
