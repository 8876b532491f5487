# an empty breakdown and control characters in a string are errors, shown safely
tests/golden/inputs/empty-and-control.dlg
