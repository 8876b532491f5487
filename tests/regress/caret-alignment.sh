. "$HERE/lib.sh"
# carets were misaligned under decomposed Vietnamese and wide characters
printf 'commune "Mu\314\233o\314\233\314\200ng A\314\211ng" { atended 3 }\ncommune "\344\270\255\346\226\207" { atended 3 }\n' > r.dlg
"$DLG" r.dlg > out 2> err
expect_status 2 $?
# "commune " 8, the name with its quotes 11 columns, " { " 3: the caret at column 23
has err "$(printf '      |                       ^~~~~~~')"
# 8 + 2 wide characters (4 columns) + 2 quotes + 3 = column 18
has err "$(printf '      |                  ^~~~~~~')"
