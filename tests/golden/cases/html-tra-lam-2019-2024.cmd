# the tra-lam-2019-2024 report as an HTML page: an amount of money
--format html examples/tra-lam-2019-2024.dlg
