# --help in Vietnamese: the usage, the options and the shipped rulebooks
--lang vi --help
