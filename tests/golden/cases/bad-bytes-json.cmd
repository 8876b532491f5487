# JSON stays valid UTF-8 whatever the input bytes
--format json tests/golden/inputs/bad-bytes.dlg
