# several syntax errors reported in one run, in source order (exit 2)
tests/golden/inputs/syntax-errors.dlg
