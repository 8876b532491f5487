# the tuan-giao-2020 report, text output
examples/tuan-giao-2020.dlg
