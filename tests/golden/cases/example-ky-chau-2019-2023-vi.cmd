# example-ky-chau-2019-2023 in Vietnamese (--lang vi): the same figures as example-ky-chau-2019-2023.out, in Vietnamese words and numbers (12.674; 81,30 %)
--lang vi examples/ky-chau-2019-2023.dlg
