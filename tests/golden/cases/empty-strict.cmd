# with --strict an empty submission is an error
--strict tests/golden/inputs/empty.dlg
