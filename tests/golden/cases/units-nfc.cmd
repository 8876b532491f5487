# NFC and NFD spellings are one unit; a name without accents warns; within places commune files
tests/golden/inputs/units/district.dlg tests/golden/inputs/units/quai-nua.dlg tests/golden/inputs/units/bung-lao-nfd.dlg tests/golden/inputs/units/ang-nua-no-accents.dlg
