# the tuan-giao-2021-h1 report, text output
examples/tuan-giao-2021-h1.dlg
