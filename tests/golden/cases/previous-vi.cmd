# --previous in Vietnamese: the comparison heading, points and signs
--lang vi --previous tests/golden/inputs/previous/2020.dlg tests/golden/inputs/previous/2021.dlg
