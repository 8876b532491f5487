# the tuan-giao-2020 report, text output, with the shipped rulebook dialogue-district: 19 of 19 communes held their dialogue
--rules dialogue-district examples/tuan-giao-2020.dlg
