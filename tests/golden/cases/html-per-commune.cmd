# an indicator per commune as an HTML table and bar chart, the pooled rate drawn as a line
--format html tests/golden/inputs/indicators.dlg
