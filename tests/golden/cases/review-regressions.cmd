# regressions found by the code review (tables, not-held sessions, 64-bit counts, approximate parts, status-less opinions, non-boolean conditions)
tests/golden/inputs/review-regressions.dlg
