# with --strict the warning and the partial roll-ups make the report wrong
--strict tests/golden/inputs/units/district.dlg tests/golden/inputs/units/quai-nua.dlg tests/golden/inputs/units/bung-lao-nfd.dlg tests/golden/inputs/units/ang-nua-no-accents.dlg
