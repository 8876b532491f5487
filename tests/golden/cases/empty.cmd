# an empty file passes without --strict: nothing to check
tests/golden/inputs/empty.dlg
