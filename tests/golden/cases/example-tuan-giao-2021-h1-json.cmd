# the tuan-giao-2021-h1 report, JSON output
--format json examples/tuan-giao-2021-h1.dlg
