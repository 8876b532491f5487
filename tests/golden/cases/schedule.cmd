# schedules: a weekly day moved off Tết and Giỗ Tổ, missed weeks named, sessions not held with their reason
tests/golden/inputs/schedule.dlg
