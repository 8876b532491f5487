# the tuan-giao-2021-h1 report as an HTML page: two indicators without a value
--format html examples/tuan-giao-2021-h1.dlg
