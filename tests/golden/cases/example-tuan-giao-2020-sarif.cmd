# the tuan-giao-2020 report, SARIF 2.1.0 log, with the rulebook dialogue-district
--format sarif --rules dialogue-district examples/tuan-giao-2020.dlg
