# the tra-lam-2019-2024 report, GitHub Actions annotations
--format github examples/tra-lam-2019-2024.dlg
