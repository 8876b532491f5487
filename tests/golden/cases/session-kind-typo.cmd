# a word compared with kind must be one of its words
tests/golden/inputs/session-kind-typo.dlg
