. "$HERE/lib.sh"
# when the nesting limit stopped the scanner, the quoted line showed '?'
# where the file has '(' (flex's NUL left in the text)
python3 -c "print('rule r: ' + '(' * 70 + '1' + ')' * 70 + ' > 0')" > r.dlg
"$DLG" r.dlg > out 2> err
expect_status 2 $?
has err "blocks and parentheses nest more than 64 levels deep here"
lacks err "?"
