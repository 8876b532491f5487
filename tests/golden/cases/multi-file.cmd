# a district file, two commune files and a used rulebook form one report
tests/golden/inputs/multi/district.dlg tests/golden/inputs/multi/commune-a.dlg tests/golden/inputs/multi/commune-b.dlg
