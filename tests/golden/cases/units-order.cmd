# a `within` file named before the `within` file that makes its unit: one district, one commune
tests/golden/inputs/within-order/commune.dlg tests/golden/inputs/within-order/district.dlg
