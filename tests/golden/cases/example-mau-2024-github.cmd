# the made-up district: GitHub Actions annotations
--format github --rules dialogue examples/mau-2024/district.dlg examples/mau-2024/dong-mau.dlg examples/mau-2024/tay-mau.dlg examples/mau-2024/nam-mau.dlg
