# regression: "5 đang" was read as 5 đồng and a new item "ang"
tests/golden/inputs/money-word.dlg
