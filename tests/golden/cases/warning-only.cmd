# a failed warning rule does not fail the report
tests/golden/inputs/warning-only.dlg
