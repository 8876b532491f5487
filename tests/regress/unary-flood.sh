. "$HERE/lib.sh"
# 100,000 unary '-' or 'not' gave "out of memory, or the file nests too deeply"
python3 -c "print('rule r: ' + '-' * 100000 + '1 > 0')" > r.dlg
budget 2 "$DLG" r.dlg > out 2> err
expect_status 2 $?
has err "this expression has more than 256 levels of operators: split it into indicators"
lacks err "out of memory"
python3 -c "print('rule r: ' + 'not ' * 100000 + 'true')" > n.dlg
budget 2 "$DLG" n.dlg > out 2> err
expect_status 2 $?
has err "this expression has more than 256 levels of operators"
