# --previous in JSON: the "comparison" object
--format json --previous tests/golden/inputs/previous/2020.dlg tests/golden/inputs/previous/2021.dlg
