. "$HERE/lib.sh"
# 17 nested aggregates: an error naming the limit (spec §2.7), not a long run
python3 - <<'PY' > r.dlg
e = "count(opinion) > 0"
for _ in range(16):
    e = f"count(opinion, {e}) > 0"
print('commune "A" { opinion "o" { topic land } }')
print(f'indicator deep "d" = count(opinion, {e})')
PY
budget 2 "$DLG" r.dlg > out 2> err
expect_status 2 $?
has err "share, count, sum and mean nest at most 16 deep: this one is the 17th"
