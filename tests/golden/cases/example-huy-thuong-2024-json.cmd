# the huy-thuong-2024 report, JSON output
--format json examples/huy-thuong-2024.dlg
