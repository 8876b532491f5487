# a misspelt figure in a rulebook is an error at the rulebook's line, whatever the submission
--rules tests/golden/inputs/typo-rule/rules.dlg tests/golden/inputs/typo-rule/commune.dlg
