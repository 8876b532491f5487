# --help prints the usage and exits 0
--help
