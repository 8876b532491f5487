# COLUMNS=50: subjects and titles wrap to 50 columns, continuation lines indented
tests/golden/inputs/layout.dlg
