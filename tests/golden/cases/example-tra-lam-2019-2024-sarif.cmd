# the tra-lam-2019-2024 report, SARIF 2.1.0 log
--format sarif examples/tra-lam-2019-2024.dlg
