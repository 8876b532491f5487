# hostile names in GitHub annotations: %, newlines and "::" escaped, one line each
--format github tests/golden/inputs/annotate-escape.dlg
