# an indicator per session in HTML in Vietnamese: subjects in Vietnamese ("tại"), data-unit as in English (html-sessions)
--lang vi --format html tests/golden/inputs/html-sessions.dlg
