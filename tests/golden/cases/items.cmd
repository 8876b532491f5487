# itemised opinions against declared counts and statuses
tests/golden/inputs/items.dlg
