# --previous in the HTML page: each indicator beside its value in 2020, with the change
--format html --previous tests/golden/inputs/previous/2020.dlg tests/golden/inputs/previous/2021.dlg
