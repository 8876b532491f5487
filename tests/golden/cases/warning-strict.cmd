# with --strict a failed warning rule fails the report
--strict tests/golden/inputs/warning-only.dlg
