# each commune each year: the natural yearly rule fails for a year with no dialogue; passed() counts the verdicts
tests/golden/inputs/each-year.dlg
