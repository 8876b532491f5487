# boolean indicators in HTML: yes / no in words, data-value "true" / "false"; an unknown comparison has unit boolean (boolean-indicators)
--format html tests/golden/inputs/boolean-indicators.dlg
