# the text report laid out in 80 columns: failures first, titles composed, decomposed and wide aligned, an untitled indicator once
tests/golden/inputs/layout.dlg
