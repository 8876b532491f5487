# --rules applies a rulebook to the files
--rules tests/golden/inputs/multi/rules/dialogue.dlg tests/golden/inputs/multi/commune-a.dlg
