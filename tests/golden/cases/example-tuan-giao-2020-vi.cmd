# example-tuan-giao-2020 in Vietnamese (--lang vi): the same figures as example-tuan-giao-2020.out, in Vietnamese words and numbers (12.674; 81,30 %)
--lang vi --rules dialogue-district examples/tuan-giao-2020.dlg
