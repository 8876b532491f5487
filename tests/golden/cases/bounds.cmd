# impossible values are findings, not crashes
tests/golden/inputs/bounds.dlg
