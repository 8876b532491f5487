# the made-up district as an HTML page: four files, verdicts grouped by commune
--format html --rules dialogue examples/mau-2024/district.dlg examples/mau-2024/dong-mau.dlg examples/mau-2024/tay-mau.dlg examples/mau-2024/nam-mau.dlg
