# a Vietnamese locale in the environment and no --lang: the command line's messages in Vietnamese
-x r.dlg
