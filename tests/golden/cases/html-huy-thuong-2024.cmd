# the huy-thuong-2024 report as an HTML page: checks of an undated dialogue filed under its village
--format html examples/huy-thuong-2024.dlg
