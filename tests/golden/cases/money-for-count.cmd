# an amount of money for a count is a type error
tests/golden/inputs/money-for-count.dlg
