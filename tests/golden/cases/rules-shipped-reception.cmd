# the shipped rulebooks dialogue and reception on the made-up district: communes without periodic receptions fail the weekly schedule
--rules dialogue --rules reception examples/mau-2024/district.dlg examples/mau-2024/dong-mau.dlg examples/mau-2024/tay-mau.dlg examples/mau-2024/nam-mau.dlg
