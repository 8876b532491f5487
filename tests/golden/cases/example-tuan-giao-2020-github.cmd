# the tuan-giao-2020 report, GitHub Actions annotations, with the rulebook dialogue-district
--format github --rules dialogue-district examples/tuan-giao-2020.dlg
