# schedules in JSON: every subject with its counts
--format json tests/golden/inputs/schedule.dlg
