# past 100 passing checks and rule subjects, the text report counts them (the one that fails is listed)
tests/golden/inputs/many-passes.dlg
