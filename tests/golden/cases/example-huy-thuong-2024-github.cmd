# the huy-thuong-2024 report, GitHub Actions annotations
--format github examples/huy-thuong-2024.dlg
