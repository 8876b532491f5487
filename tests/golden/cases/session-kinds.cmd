# sessions count into their kind's parts; kind and scope are readable in expressions
tests/golden/inputs/session-kinds.dlg
