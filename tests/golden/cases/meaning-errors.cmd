# constructs in the wrong place or with the wrong arguments
tests/golden/inputs/meaning-errors.dlg
