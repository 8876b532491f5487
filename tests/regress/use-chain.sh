. "$HERE/lib.sh"
# a chain of 50,000 `use` files overflowed the stack (SIGSEGV, no output);
# it stops at 32 levels with a message
python3 - <<'PY'
for i in range(50000):
    with open(f"f{i}.dlg", "w") as f:
        f.write(f'use "f{i + 1}.dlg"\n' if i < 49999 else "invited 1\n")
PY
budget 5 "$DLG" f0.dlg > out 2> err
expect_status 2 $?
has err "'use' files nest more than 32 levels deep here"
