# a partial breakdown is a lower bound
tests/golden/inputs/sum-partial.dlg
