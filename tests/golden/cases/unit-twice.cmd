# the same unit twice in one file is an error naming both places
tests/golden/inputs/unit-twice.dlg
