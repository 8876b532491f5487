# an approximate total with a partial breakdown is a lower bound with tolerance
tests/golden/inputs/approx-partial.dlg
