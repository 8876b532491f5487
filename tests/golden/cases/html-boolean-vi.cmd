# boolean indicators in HTML in Vietnamese: có / không in words, data-value "true" / "false" as in English (html-boolean)
--lang vi --format html tests/golden/inputs/boolean-indicators.dlg
