# the ky-chau-2019-2023 report, indicators as CSV
--format csv examples/ky-chau-2019-2023.dlg
