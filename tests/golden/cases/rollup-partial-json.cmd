# coverage in JSON
--format json tests/golden/inputs/rollup.dlg
