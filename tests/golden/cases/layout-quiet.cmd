# --quiet: only what failed, and the result line
--quiet tests/golden/inputs/layout.dlg
