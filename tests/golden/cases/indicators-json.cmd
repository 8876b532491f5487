# indicators in JSON: value null with a note for a zero denominator
--format json tests/golden/inputs/indicators.dlg
