# an unclosed block: error at the end, note at the brace
tests/golden/inputs/unclosed.dlg
