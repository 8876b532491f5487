# example-tra-lam-2019-2024 in Vietnamese (--lang vi): the same figures as example-tra-lam-2019-2024.out, in Vietnamese words and numbers (12.674; 81,30 %)
--lang vi examples/tra-lam-2019-2024.dlg
