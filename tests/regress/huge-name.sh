. "$HERE/lib.sh"
# a name of 100 MB was quoted whole in a message: a number run into a word
# ("1xxx…") wrote 100 MB of stderr
python3 -c "import sys; sys.stdout.write('invited 1' + 'x' * 100_000_000 + '\n')" > r.dlg
budget 5 "$DLG" r.dlg > out 2> err
expect_status 2 $?
has err "name is longer than 256 bytes"
[ "$(wc -c < err)" -lt 4000 ] || { echo "stderr is $(wc -c < err) bytes"; exit 1; }
# and a name declared so
python3 -c "import sys; sys.stdout.write('figure ' + 'a' * 100_000_000 + ' \"x\" { }\n')" > r.dlg
budget 5 "$DLG" r.dlg > out 2> err
expect_status 2 $?
has err "name is longer than 256 bytes"
[ "$(wc -c < err)" -lt 4000 ] || { echo "stderr is $(wc -c < err) bytes"; exit 1; }
