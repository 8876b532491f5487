# a breakdown that does not add up fails its sum check (exit 1)
tests/golden/inputs/sum-fail.dlg
