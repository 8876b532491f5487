# a topic breakdown above itemised opinions is checked against their topics
tests/golden/inputs/topic-breakdown.dlg
