# 15.590, 12,674, 198,6, 12/2020, unquoted Vietnamese, single quotes
tests/golden/inputs/lexical-errors.dlg
