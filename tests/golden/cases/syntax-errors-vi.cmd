# a report with errors in Vietnamese: the diagnostics and the closing line on standard error
--lang vi tests/golden/inputs/syntax-errors.dlg
