# previous and change: a difference, a percentage change, percentage points
tests/golden/inputs/change.dlg
