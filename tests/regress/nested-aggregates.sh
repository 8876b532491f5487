. "$HERE/lib.sh"
# 12 aggregates nested over 10 opinions: hours before they were computed once per scope
python3 - <<'PY' > r.dlg
e = "count(opinion) > 0"
for _ in range(12):
    e = f"count(opinion, {e}) > 0"
print('commune "A" {')
for i in range(10):
    print(f'  opinion "o{i}" {{ topic land }}')
print('}')
print(f'indicator deep "d" = share(opinion, {e})')
PY
budget 2 "$DLG" r.dlg > out 2> err
expect_status 0 $?
has out "100 %  (10 / 10)"
