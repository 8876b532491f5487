# --format json with --lang vi: JSON is a contract and stays English, byte for byte the same as example-ky-chau-2019-2023-json
--format json --lang vi examples/ky-chau-2019-2023.dlg
