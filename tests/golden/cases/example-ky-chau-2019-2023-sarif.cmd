# the ky-chau-2019-2023 report, SARIF 2.1.0 log
--format sarif examples/ky-chau-2019-2023.dlg
