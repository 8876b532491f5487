# an unknown option: exit 2 with a hint
--colour tests/golden/inputs/sum-fail.dlg
