# a made-up district and three commune files: results late across Tết, a year without a dialogue, receptions on a holiday-moved Thursday
--rules dialogue examples/mau-2024/district.dlg examples/mau-2024/dong-mau.dlg examples/mau-2024/tay-mau.dlg examples/mau-2024/nam-mau.dlg
