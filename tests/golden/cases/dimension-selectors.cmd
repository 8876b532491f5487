# share, count, mean and per over the parts of a dimension
tests/golden/inputs/dimension-selectors.dlg
