# a file that does not parse still gives an HTML page, on standard output, with its diagnostics
--format html tests/golden/inputs/syntax-errors.dlg
