# use cannot leave the file's folder
tests/golden/inputs/use-escape.dlg
