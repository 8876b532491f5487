# --all: every passing check and rule subject listed, however many
--all tests/golden/inputs/many-passes.dlg
