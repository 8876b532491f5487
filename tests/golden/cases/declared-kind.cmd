# a declared kind of unit, pooled rate against mean of rates, and the districts relation
tests/golden/inputs/declared-kind.dlg
