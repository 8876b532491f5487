# the tra-lam-2019-2024 report, text output
examples/tra-lam-2019-2024.dlg
