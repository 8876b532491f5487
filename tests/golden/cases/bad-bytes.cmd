# invalid UTF-8 in a string and a NUL byte
tests/golden/inputs/bad-bytes.dlg
