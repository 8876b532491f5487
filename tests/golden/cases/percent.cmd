# reported percentages agree within one unit of their last digit
tests/golden/inputs/percent.dlg
