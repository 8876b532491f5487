# with --strict a partial column makes the report wrong
--strict tests/golden/inputs/table-lower-bound.dlg
