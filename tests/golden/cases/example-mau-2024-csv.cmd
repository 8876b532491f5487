# the made-up district: its indicators as CSV
--format csv --rules dialogue examples/mau-2024/district.dlg examples/mau-2024/dong-mau.dlg examples/mau-2024/tay-mau.dlg examples/mau-2024/nam-mau.dlg
