# boolean indicators in CSV: true / false, and unit boolean for an unknown comparison (invited > ?), not number; English with --lang vi too
--lang vi --format csv tests/golden/inputs/boolean-indicators.dlg
