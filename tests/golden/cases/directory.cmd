# a directory is not a report: exit 2
tests/golden/inputs
