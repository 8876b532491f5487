# example-mau-2024 in Vietnamese (--lang vi): the same figures as example-mau-2024.out, in Vietnamese words and numbers (12.674; 81,30 %)
--lang vi --rules dialogue examples/mau-2024/district.dlg examples/mau-2024/dong-mau.dlg examples/mau-2024/tay-mau.dlg examples/mau-2024/nam-mau.dlg
