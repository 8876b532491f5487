# --version
--version
