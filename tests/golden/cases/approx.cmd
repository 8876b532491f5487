# about and over, checked with their tolerance
tests/golden/inputs/approx.dlg
