# rules with each/where/require and working days across Tết
tests/golden/inputs/rules.dlg
