# an unknown format: exit 2
--format xml tests/golden/inputs/sum-fail.dlg
