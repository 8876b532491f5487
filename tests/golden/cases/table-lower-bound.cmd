# columns of a table whose rows are broken down only in part are lower bounds: partial
tests/golden/inputs/table-lower-bound.dlg
