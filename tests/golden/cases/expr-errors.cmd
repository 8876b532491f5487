# unknown function, wrong arity, bad kind: errors before evaluation
tests/golden/inputs/expr-errors.dlg
