. "$HERE/lib.sh"
# more than 80 stray continuation bytes in a word were quoted as ''
printf 'x%s 1\n' "$(head -c 300 /dev/zero | tr '\0' '\200')" > r.dlg
"$DLG" r.dlg > out 2> err
expect_status 2 $?
lacks err "''"
has err "'x\\x80\\x80"
