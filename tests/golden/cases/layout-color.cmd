# --color=always: ANSI colours though standard output is a file
--color=always tests/golden/inputs/layout.dlg
