# the tuan-giao-2020 report, JSON output
--format json examples/tuan-giao-2020.dlg
