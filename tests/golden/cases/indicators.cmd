# pooled rate, mean of unit rates, share, count, per unit, zero denominator
tests/golden/inputs/indicators.dlg
