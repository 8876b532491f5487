# a misspelt part of a breakdown is an error with the nearest part as a hint
tests/golden/inputs/typo-part.dlg
