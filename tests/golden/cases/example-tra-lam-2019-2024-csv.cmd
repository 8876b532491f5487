# the tra-lam-2019-2024 report, indicators as CSV
--format csv examples/tra-lam-2019-2024.dlg
