# the tuan-giao-2020 report, JSON output, with the rulebook dialogue-district
--format json --rules dialogue-district examples/tuan-giao-2020.dlg
