# markup in the title, issuer, names, labels and titles is escaped in the HTML page
--format html tests/golden/inputs/html-escape.dlg
