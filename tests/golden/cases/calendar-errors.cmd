# calendar errors: an unknown calendar with a hint, a weekday declared worked, a day both worked and rested, misplaced items
tests/golden/inputs/calendar-errors.dlg
