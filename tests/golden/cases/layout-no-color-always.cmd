# NO_COLOR set and --color=always: the option wins (no-color.org)
--color=always tests/golden/inputs/layout.dlg
