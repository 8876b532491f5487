# the tra-lam-2019-2024 report, JSON output
--format json examples/tra-lam-2019-2024.dlg
