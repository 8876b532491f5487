# the huy-thuong-2024 report, indicators as CSV
--format csv examples/huy-thuong-2024.dlg
