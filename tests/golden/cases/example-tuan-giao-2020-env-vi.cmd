# LANG=vi_VN.UTF-8 in the environment and no --lang: the same as example-tuan-giao-2020-vi
--rules dialogue-district examples/tuan-giao-2020.dlg
