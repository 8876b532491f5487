# deadlines: calendar days moved off Tết and Giỗ Tổ, working days, a public notice, a year the calendar does not cover
tests/golden/inputs/deadlines.dlg
