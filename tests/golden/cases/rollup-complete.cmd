# every declared commune present: roll-ups are equalities
tests/golden/inputs/rollup-complete.dlg
