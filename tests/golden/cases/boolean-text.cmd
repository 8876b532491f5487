# a boolean indicator in the text report: yes or no, never 1 or 0 (values worked out in the input's comments)
tests/golden/inputs/boolean-indicators.dlg
