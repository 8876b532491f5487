# example-huy-thuong-2024 in Vietnamese (--lang vi): the same figures as example-huy-thuong-2024.out, in Vietnamese words and numbers (12.674; 81,30 %)
--lang vi examples/huy-thuong-2024.dlg
