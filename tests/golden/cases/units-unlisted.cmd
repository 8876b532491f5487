# a commune its district does not list is an error with the nearest listed name
tests/golden/inputs/units/district.dlg tests/golden/inputs/units/ang-to-misspelt.dlg
