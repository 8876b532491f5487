# a misspelt figure name is a warning with a suggestion
tests/golden/inputs/expr-warning.dlg
