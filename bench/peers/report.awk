# The benchmark's job on the CSV form, for mawk and gawk (POSIX awk):
#   awk -f report.awk units.csv figures.csv tables.csv dialogues.csv opinions.csv
# prints the checks (kind and status counted), the rules' verdicts and the
# indicators, one "name value" line each, as dlg computes them (bench/README.md).
# Fields never hold a comma or a quote (bench/gen.py), so FS="," is enough.
BEGIN { FS = ","; nst = split("resolved answered on_spot pending transferred", ST, " ") }
FNR == 1 { file++; next }
file == 1 {                                   # units: id,kind,parent,name,declared_children
  kind[$1] = $2
  if ($3 != "") nchild[$3]++
  if ($5 != "") decl[$1] = $5 + 0
  if ($2 == "commune") { ncommunes++; communes[$1] = 1 }
  else if ($2 == "village") nvillages++
  next
}
file == 2 { figsum[$2] += $3; figany[$2] = 1; next }   # figures: unit,figure,value
file == 3 {                                   # tables: unit,total,c,d,p,e,ec,ed,ep,i,ic,id,ip
  chk("sum", $2 == $3 + $4 + $5); chk("sum", $2 == $6 + $10)
  chk("table", $3 == $7 + $11); chk("table", $4 == $8 + $12); chk("table", $5 == $9 + $13)
  chk("sum", $6 == $7 + $8 + $9); chk("sum", $10 == $11 + $12 + $13)
  ptot += $2; pel += $6; pany = 1
  next
}
file == 4 {                                   # dialogues: id,unit,date,conclusion,invited,attended,opinions,5 statuses
  d = $1; ndial++; nd[$2]++
  chk("bound", $6 <= $5); inv += $5; att += $6
  if ($4 == "") rule("conclusion_in_time", "unknown")
  else rule("conclusion_in_time", days($4) - days($3) <= 15 ? "pass" : "fail")
  if ($7 != "") {
    dop[d] = $7 + 0; dunit[d] = $2
    for (k = 1; k <= nst; k++) dpart[d, k] = $(7 + k) + 0
    chk("sum", $7 == $8 + $9 + $10 + $11 + $12)
    sop += $7; sres += $8; cop[$2] += $7; cres[$2] += $8
  }
  next
}
{                                             # opinions: dialogue,topic,status,satisfied
  n[$1]++; ns[$1, $3]++; nops++
  if ($3 == "resolved") nres++
  if ($4 == "yes") { ny[$1]++; nyes++ } else if ($4 == "no") nno++
}
END {
  for (u in decl) {
    a = nchild[u] + 0
    checks["rollup." (a == decl[u] ? "pass" : a > decl[u] ? "fail" : "partial")]++
  }
  for (d in dop) {
    if (n[d] > 0) {
      chk("items", dop[d] == n[d])
      for (k = 1; k <= nst; k++) chk("items", dpart[d, k] == ns[d, ST[k]] + 0)
    }
    if (ny[d] > 0) chk("bound", ny[d] <= dop[d])
  }
  with = 0
  for (c in communes) {
    if (nd[c] > 0) with++
    rule("dialogue_held", nd[c] > 0 ? "pass" : "fail")
    if (cop[c] > 0) { msum += 100 * cres[c] / cop[c]; mn++ }
  }
  for (k in checks) print "check." k, checks[k]
  for (k in rules) print "rule." k, rules[k]
  ind("resolved_rate", sop > 0, sop > 0 ? 100 * sres / sop : 0)
  ind("resolved_items", nops > 0, nops > 0 ? 100 * nres / nops : 0)
  ind("commune_rate_mean", mn > 0, mn > 0 ? msum / mn : 0)
  printf "ind.communes_with_dialogue %d\n", with
  ind("dialogue_share", ncommunes > 0, ncommunes > 0 ? 100 * with / ncommunes : 0)
  ind("attendance_rate", inv > 0, inv > 0 ? 100 * att / inv : 0)
  ind("satisfied_rate", nyes + nno > 0, nyes + nno > 0 ? 100 * nyes / (nyes + nno) : 0)
  printf "ind.opinions_listed %d\nind.dialogues_held %d\n", nops, ndial
  printf "ind.communes_listed %d\nind.villages_listed %d\n", ncommunes, nvillages
  ind("households_total", "households" in figany, figsum["households"])
  ind("house_support_total", "house_support" in figany, figsum["house_support"])
  ind("petitions_total", pany, ptot)
  ind("eligible_rate", ptot > 0, ptot > 0 ? 100 * pel / ptot : 0)
}
function chk(k, ok) { checks[k "." (ok ? "pass" : "fail")]++ }
function rule(id, st) { rules[id "." st]++ }
function ind(id, known, v) {
  if (known) printf "ind.%s %.10f\n", id, v; else print "ind." id, "null"
}
# days since a fixed origin of a YYYY-MM-DD date (proleptic Gregorian)
function days(s,   y, m) {
  y = substr(s, 1, 4) + 0; m = substr(s, 6, 2) + 0
  if (m <= 2) { y--; m += 12 }
  return 365 * y + int(y / 4) - int(y / 100) + int(y / 400) + int((153 * (m - 3) + 2) / 5) + substr(s, 9, 2)
}
