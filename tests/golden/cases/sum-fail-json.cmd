# the same failure in JSON: declared, computed, imbalance, status
--format json tests/golden/inputs/sum-fail.dlg
