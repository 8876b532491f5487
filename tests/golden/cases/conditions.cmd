# conditions must be true or false; status-less opinions from a session make lower bounds
tests/golden/inputs/conditions.dlg
