. "$HERE/lib.sh"
# parts whose sum overflows int64 made the check vanish and the run exit 0
printf 'opinions 9223372036854775807 { resolved 9223372036854775807  pending 5 }\n' > r.dlg
"$DLG" r.dlg > out 2> err
expect_status 1 $?
# the values on one line; the imbalance after them or below, as the width allows
has out "9,223,372,036,854,775,807 =  9,223,372,036,854,775,812"
has out "imbalance -5"
