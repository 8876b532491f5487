# the huy-thuong-2024 report, SARIF 2.1.0 log
--format sarif examples/huy-thuong-2024.dlg
