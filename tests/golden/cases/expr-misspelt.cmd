# a misspelt part or figure in an expression is an error with a suggestion
tests/golden/inputs/expr-misspelt.dlg
