# the ky-chau-2019-2023 report, text output
examples/ky-chau-2019-2023.dlg
