# the HTML report in Vietnamese: <html lang="vi">, headings and numbers in Vietnamese, data- attributes as in html-tuan-giao-2020
--lang vi --format html --rules dialogue-district examples/tuan-giao-2020.dlg
