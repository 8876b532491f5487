# fewer communes than declared: roll-ups are lower bounds with coverage
tests/golden/inputs/rollup.dlg
