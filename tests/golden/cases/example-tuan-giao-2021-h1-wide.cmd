# COLUMNS=200: the Tuan Giao report, each check on one line
examples/tuan-giao-2021-h1.dlg
