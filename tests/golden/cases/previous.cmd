# --previous: each indicator beside its value in the period before, with the difference and the relative change
--previous tests/golden/inputs/previous/2020.dlg tests/golden/inputs/previous/2021.dlg
