# hostile names in CSV: quoted, quotes doubled, a formula neutralised
--format csv tests/golden/inputs/annotate-escape.dlg
