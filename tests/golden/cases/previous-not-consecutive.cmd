# --previous with a period that does not end the day before this one begins: a warning
--previous tests/golden/inputs/previous/2020.dlg tests/golden/inputs/each-year.dlg
