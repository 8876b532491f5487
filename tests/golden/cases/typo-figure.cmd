# a misspelt figure is an error with the nearest figure as a hint
tests/golden/inputs/typo-figure.dlg
