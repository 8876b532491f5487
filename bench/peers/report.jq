# The benchmark's job on the JSON Lines form, for jq:
#   jq -n -r -f report.jq data.jsonl
# prints the checks (kind and status counted), the rules' verdicts and the
# indicators, one "name value" line each, as dlg computes them (bench/README.md).
def inc(k): .[k] += 1;
def chk(kind; ok): .c[kind + "." + (if ok then "pass" else "fail" end)] += 1;
def day: . + "T00:00:00Z" | fromdateiso8601 / 86400;
def ind(id; v): "ind." + id + " " + (if v == null then "null" else (v | tostring) end);
def pct(a; b): if b > 0 then 100 * a / b else null end;

reduce inputs as $r (
  {c: {}, r: {}, nchild: {}, decl: [], nd: {}, cop: {}, cres: {}, communes: [],
   ncomm: 0, nvill: 0, fig: {}, ptot: null, pel: 0, inv: 0, att: 0, ndial: 0,
   sop: 0, sres: 0, nops: 0, nres: 0, nyes: 0, nno: 0};
  if $r.type == "unit" then
    (if $r.parent != null then .nchild[$r.parent | tostring] += 1 else . end)
    | (if $r.declared_children != null then .decl += [[$r.id, $r.declared_children]] else . end)
    | (if $r.kind == "commune" then .ncomm += 1 | .communes += [$r.id | tostring]
       elif $r.kind == "village" then .nvill += 1 else . end)
    | reduce ($r.figures // {} | to_entries[]) as $f (.; .fig[$f.key] += $f.value)
    | (if $r.table then
         $r.table as $t
         | chk("sum"; $t.total == $t.complaint + $t.denunciation + $t.proposal)
         | chk("sum"; $t.total == $t.eligible + $t.ineligible)
         | chk("table"; $t.complaint == $t.el_complaint + $t.in_complaint)
         | chk("table"; $t.denunciation == $t.el_denunciation + $t.in_denunciation)
         | chk("table"; $t.proposal == $t.el_proposal + $t.in_proposal)
         | chk("sum"; $t.eligible == $t.el_complaint + $t.el_denunciation + $t.el_proposal)
         | chk("sum"; $t.ineligible == $t.in_complaint + $t.in_denunciation + $t.in_proposal)
         | .ptot += $t.total | .pel += $t.eligible
       else . end)
  else  # a dialogue with its opinions
    ($r.unit | tostring) as $u
    | .ndial += 1 | .nd[$u] += 1
    | chk("bound"; $r.attended <= $r.invited) | .inv += $r.invited | .att += $r.attended
    | .r["conclusion_in_time." + (if $r.conclusion == null then "unknown"
          elif ($r.conclusion | day) - ($r.date | day) <= 15 then "pass" else "fail" end)] += 1
    | (reduce $r.opinions[] as $o ({n: 0, y: 0, no: 0};
         .n += 1 | .[$o.status] += 1
         | if $o.satisfied == true then .y += 1 elif $o.satisfied == false then .no += 1 else . end)) as $k
    | .nops += $k.n | .nres += ($k.resolved // 0) | .nyes += $k.y | .nno += $k.no
    | (if $r.declared then
         $r.declared as $d
         | chk("sum"; $d.opinions == $d.resolved + $d.answered + $d.on_spot + $d.pending + $d.transferred)
         | .sop += $d.opinions | .sres += $d.resolved | .cop[$u] += $d.opinions | .cres[$u] += $d.resolved
         | (if $k.n > 0 then
              chk("items"; $d.opinions == $k.n)
              | reduce ("resolved", "answered", "on_spot", "pending", "transferred") as $s
                  (.; chk("items"; $d[$s] == ($k[$s] // 0)))
            else . end)
         | (if $k.y > 0 then chk("bound"; $k.y <= $d.opinions) else . end)
       else . end)
  end)
| . as $s
| ($s.communes | map(select(($s.nd[.] // 0) > 0)) | length) as $with
| ([$s.communes[] | select(($s.cop[.] // 0) > 0) | 100 * $s.cres[.] / $s.cop[.]]) as $rates
| ($s.c | to_entries[] | "check.\(.key) \(.value)"),
  ($s.decl | map(($s.nchild[.[0] | tostring] // 0) as $a
     | if $a == .[1] then "pass" elif $a > .[1] then "fail" else "partial" end)
     | group_by(.)[] | "check.rollup.\(.[0]) \(length)"),
  ($s.r | to_entries[] | "rule.\(.key) \(.value)"),
  ($s.communes | map(if ($s.nd[.] // 0) > 0 then "pass" else "fail" end) | group_by(.)[]
     | "rule.dialogue_held.\(.[0]) \(length)"),
  ind("resolved_rate"; pct($s.sres; $s.sop)),
  ind("resolved_items"; pct($s.nres; $s.nops)),
  ind("commune_rate_mean"; if ($rates | length) > 0 then ($rates | add) / ($rates | length) else null end),
  ind("communes_with_dialogue"; $with),
  ind("dialogue_share"; pct($with; $s.ncomm)),
  ind("attendance_rate"; pct($s.att; $s.inv)),
  ind("satisfied_rate"; pct($s.nyes; $s.nyes + $s.nno)),
  ind("opinions_listed"; $s.nops),
  ind("dialogues_held"; $s.ndial),
  ind("communes_listed"; $s.ncomm),
  ind("villages_listed"; $s.nvill),
  ind("households_total"; $s.fig.households),
  ind("house_support_total"; $s.fig.house_support),
  ind("petitions_total"; $s.ptot),
  ind("eligible_rate"; pct($s.pel; $s.ptot // 0))
