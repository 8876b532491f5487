# the ky-chau-2019-2023 report, JSON output
--format json examples/ky-chau-2019-2023.dlg
