# the ky-chau-2019-2023 report, GitHub Actions annotations
--format github examples/ky-chau-2019-2023.dlg
