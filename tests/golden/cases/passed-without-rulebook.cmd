# a rulebook's rule named by passed() without the rulebook: an error that asks for --rules
examples/mau-2024/district.dlg examples/mau-2024/dong-mau.dlg
