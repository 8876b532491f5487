# an indicator per session in HTML: data-unit of a session subject
--format html tests/golden/inputs/html-sessions.dlg
