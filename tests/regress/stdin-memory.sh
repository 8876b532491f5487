. "$HERE/lib.sh"
# standard input kept every grown buffer: 200 MB on stdin peaked at 459 MB
# (2.3 times the input); now it is read in chunks, each freed once copied
# into the one buffer the scanner reads in place: about 1.15 times
python3 -c "
import sys
line = '# ' + 'x' * 97 + '\n'
sys.stdout.write(line * 2_000_000)
sys.stdout.write('invited 1\n')" > r.dlg
cat r.dlg | /usr/bin/time -f "%M" "$DLG" - > out 2> rss
expect_status 0 $?
kb=$(tail -n 1 rss)
echo "peak $kb KB"
[ "$kb" -lt 273000 ] || { echo "peak RSS $kb KB for 200 MB: over 1.4 times the input"; exit 1; }
