# the tuan-giao-2021-h1 report, indicators as CSV
--format csv examples/tuan-giao-2021-h1.dlg
