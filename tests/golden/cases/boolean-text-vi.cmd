# a boolean indicator in the Vietnamese text report: có or không
--lang vi tests/golden/inputs/boolean-indicators.dlg
