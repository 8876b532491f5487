. "$HERE/lib.sh"
# 200,000 warnings: 48 MB of stderr and 59 MB of JSON in 8.8 s; now 50 shown,
# the rest counted, written at once
python3 - <<'PY' > r.dlg
print('report "R" { period 2024 }')
print('district "D" {')
for i in range(100000):
    print(f'  commune "Xa {i}" {{ invited 1 }}')
    print(f'  commune "xa  {i}" {{ invited 1 }}')
print('}')
PY
budget 5 "$DLG" --format json r.dlg > out 2> err
expect_status 0 $?
has err "dlg: note: 99950 more warnings not shown"
[ "$(wc -c < err)" -lt 100000 ] || { echo "stderr is $(wc -c < err) bytes"; exit 1; }
[ "$(wc -c < out)" -lt 20000000 ] || { echo "JSON is $(wc -c < out) bytes"; exit 1; }
budget 5 "$DLG" --strict r.dlg > out 2> err
expect_status 1 $?
