# the ky-chau-2019-2023 report as an HTML page: a failed sum and two failed schedules, highlighted
--format html examples/ky-chau-2019-2023.dlg
