# example-tuan-giao-2021-h1 in Vietnamese (--lang vi): the same figures as example-tuan-giao-2021-h1.out, in Vietnamese words and numbers (12.674; 81,30 %)
--lang vi examples/tuan-giao-2021-h1.dlg
