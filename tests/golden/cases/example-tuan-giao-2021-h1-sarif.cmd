# the tuan-giao-2021-h1 report, SARIF 2.1.0 log
--format sarif examples/tuan-giao-2021-h1.dlg
