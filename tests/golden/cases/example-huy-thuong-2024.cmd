# the huy-thuong-2024 report, text output
examples/huy-thuong-2024.dlg
