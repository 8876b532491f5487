# rules in JSON with their failures
--format json tests/golden/inputs/rules.dlg
