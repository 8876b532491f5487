# one unknown part: the check is unknown and names the missing value
tests/golden/inputs/sum-unknown-part.dlg
