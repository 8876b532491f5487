# -h is --help: the usage, exit 0
-h
