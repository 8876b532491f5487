# NO_COLOR set: no colour (standard output is a file anyway); --color=always overrides it (next case)
--color=auto tests/golden/inputs/layout.dlg
