# the tuan-giao-2020 report, indicators as CSV, with the rulebook dialogue-district
--format csv --rules dialogue-district examples/tuan-giao-2020.dlg
