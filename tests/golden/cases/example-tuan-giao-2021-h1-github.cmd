# the tuan-giao-2021-h1 report, GitHub Actions annotations
--format github examples/tuan-giao-2021-h1.dlg
