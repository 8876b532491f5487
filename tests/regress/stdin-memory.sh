. "$HERE/lib.sh"
# standard input kept every grown buffer: 200 MB on stdin peaked at 459 MB;
# a pipe of 100 MB of comments now peaks near twice its size at most
python3 -c "
import sys
line = '# ' + 'x' * 98 + '\n'
sys.stdout.write(line * 1_000_000)
sys.stdout.write('invited 1\n')" > r.dlg
cat r.dlg | /usr/bin/time -f "%M" "$DLG" - > out 2> rss
expect_status 0 $?
kb=$(tail -n 1 rss)
echo "peak $kb KB"
[ "$kb" -lt 260000 ] || { echo "peak RSS $kb KB for 100 MB"; exit 1; }
