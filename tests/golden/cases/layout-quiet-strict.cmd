# --quiet --strict: what is partial or unknown fails too, and is shown
--quiet --strict tests/golden/inputs/layout.dlg
