# a file that cannot be read: exit 2
tests/golden/inputs/no-such-file.dlg
