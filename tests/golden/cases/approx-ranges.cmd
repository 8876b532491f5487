# approximate figures are ranges that add up
tests/golden/inputs/approx-ranges.dlg
