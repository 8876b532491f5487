# a two-way table checked by rows and by columns
tests/golden/inputs/table-fail.dlg
