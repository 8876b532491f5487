. "$HERE/lib.sh"
# count(opinion, count(opinion) > 1) over 50,000 opinions: quadratic, 30 s
python3 - <<'PY' > r.dlg
print('commune "A" {')
for i in range(50000):
    print(f'  opinion "o{i}" {{ topic land }}')
print('}')
print('indicator c "c" = count(opinion, count(opinion) > 1)')
PY
budget 2 "$DLG" r.dlg > out 2> err
expect_status 0 $?
has out "50,000"
