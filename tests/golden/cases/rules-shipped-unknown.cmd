# --rules with a name no rulebook ships under: an error naming the shipped ones and the nearest
--rules dialog tests/golden/inputs/previous/2021.dlg
