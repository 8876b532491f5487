# no input file: exit 2
--strict
