# a file that does not parse still gives valid JSON with its diagnostics
--format json tests/golden/inputs/syntax-errors.dlg
