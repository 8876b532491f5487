# boolean indicators in JSON: true / false, and unit boolean for an unknown comparison (invited > ?), not number
--format json tests/golden/inputs/boolean-indicators.dlg
