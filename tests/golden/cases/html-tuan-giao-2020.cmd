# the tuan-giao-2020 report as an HTML page, with the rulebook dialogue-district
--format html --rules dialogue-district examples/tuan-giao-2020.dlg
