-- The benchmark's job on the CSV form, for sqlite3 in memory:
--   cd DATA/csv && sqlite3 -batch :memory: < report.sql
-- prints the checks (kind and status counted), the rules' verdicts and the
-- indicators, one "name value" line each, as dlg computes them (bench/README.md).
CREATE TABLE units(id INTEGER PRIMARY KEY, kind TEXT, parent INTEGER, name TEXT,
                   declared_children INTEGER);
CREATE TABLE figures(unit INTEGER, figure TEXT, value INTEGER);
CREATE TABLE tabs(unit INTEGER, total INTEGER, complaint INTEGER, denunciation INTEGER,
                  proposal INTEGER, eligible INTEGER, el_complaint INTEGER,
                  el_denunciation INTEGER, el_proposal INTEGER, ineligible INTEGER,
                  in_complaint INTEGER, in_denunciation INTEGER, in_proposal INTEGER);
CREATE TABLE dialogues(id INTEGER PRIMARY KEY, unit INTEGER, date TEXT, conclusion TEXT,
                       invited INTEGER, attended INTEGER, opinions INTEGER, resolved INTEGER,
                       answered INTEGER, on_spot INTEGER, pending INTEGER, transferred INTEGER);
CREATE TABLE opinions(dialogue INTEGER, topic TEXT, status TEXT, satisfied TEXT);
.mode csv
.import --skip 1 units.csv units
.import --skip 1 figures.csv figures
.import --skip 1 tables.csv tabs
.import --skip 1 dialogues.csv dialogues
.import --skip 1 opinions.csv opinions
-- an empty CSV field is '' after .import: make it NULL
UPDATE units SET parent = NULL WHERE parent = '';
UPDATE units SET declared_children = NULL WHERE declared_children = '';
UPDATE dialogues SET conclusion = NULL WHERE conclusion = '';
UPDATE dialogues SET opinions = NULL, resolved = NULL, answered = NULL, on_spot = NULL,
  pending = NULL, transferred = NULL WHERE opinions = '';

CREATE TABLE oc AS
  SELECT dialogue, count(*) AS n, sum(status = 'resolved') AS r, sum(status = 'answered') AS a,
         sum(status = 'on_spot') AS o, sum(status = 'pending') AS p,
         sum(status = 'transferred') AS t, sum(satisfied = 'yes') AS y
  FROM opinions GROUP BY dialogue;
CREATE TABLE nchild AS SELECT parent AS id, count(*) AS n FROM units
  WHERE parent IS NOT NULL GROUP BY parent;
CREATE TABLE cd AS
  SELECT u.id, count(d.id) AS nd, sum(d.opinions) AS op, sum(d.resolved) AS res
  FROM units u LEFT JOIN dialogues d ON d.unit = u.id WHERE u.kind = 'commune' GROUP BY u.id;

CREATE TABLE checks(kind TEXT, ok);
INSERT INTO checks
  SELECT 'rollup', CASE WHEN coalesce(c.n, 0) = u.declared_children THEN 'pass'
                        WHEN coalesce(c.n, 0) > u.declared_children THEN 'fail' ELSE 'partial' END
  FROM units u LEFT JOIN nchild c ON c.id = u.id WHERE u.declared_children IS NOT NULL;
INSERT INTO checks SELECT 'sum', total = complaint + denunciation + proposal FROM tabs;
INSERT INTO checks SELECT 'sum', total = eligible + ineligible FROM tabs;
INSERT INTO checks SELECT 'sum', eligible = el_complaint + el_denunciation + el_proposal FROM tabs;
INSERT INTO checks SELECT 'sum', ineligible = in_complaint + in_denunciation + in_proposal FROM tabs;
INSERT INTO checks SELECT 'table', complaint = el_complaint + in_complaint FROM tabs;
INSERT INTO checks SELECT 'table', denunciation = el_denunciation + in_denunciation FROM tabs;
INSERT INTO checks SELECT 'table', proposal = el_proposal + in_proposal FROM tabs;
INSERT INTO checks SELECT 'bound', attended <= invited FROM dialogues;
INSERT INTO checks SELECT 'sum', opinions = resolved + answered + on_spot + pending + transferred
  FROM dialogues WHERE opinions IS NOT NULL;
INSERT INTO checks
  SELECT 'items', d.opinions = oc.n FROM dialogues d JOIN oc ON oc.dialogue = d.id WHERE d.opinions IS NOT NULL
  UNION ALL SELECT 'items', d.resolved = oc.r FROM dialogues d JOIN oc ON oc.dialogue = d.id WHERE d.opinions IS NOT NULL
  UNION ALL SELECT 'items', d.answered = oc.a FROM dialogues d JOIN oc ON oc.dialogue = d.id WHERE d.opinions IS NOT NULL
  UNION ALL SELECT 'items', d.on_spot = oc.o FROM dialogues d JOIN oc ON oc.dialogue = d.id WHERE d.opinions IS NOT NULL
  UNION ALL SELECT 'items', d.pending = oc.p FROM dialogues d JOIN oc ON oc.dialogue = d.id WHERE d.opinions IS NOT NULL
  UNION ALL SELECT 'items', d.transferred = oc.t FROM dialogues d JOIN oc ON oc.dialogue = d.id WHERE d.opinions IS NOT NULL;
INSERT INTO checks SELECT 'bound', oc.y <= d.opinions
  FROM dialogues d JOIN oc ON oc.dialogue = d.id WHERE d.opinions IS NOT NULL AND oc.y > 0;

.mode list
.separator " "
SELECT 'check.' || kind || '.' || CASE ok WHEN 1 THEN 'pass' WHEN 0 THEN 'fail' ELSE ok END, count(*)
  FROM checks GROUP BY 1;
SELECT 'rule.dialogue_held.' || CASE WHEN nd > 0 THEN 'pass' ELSE 'fail' END, count(*) FROM cd GROUP BY 1;
SELECT 'rule.conclusion_in_time.' || CASE WHEN conclusion IS NULL THEN 'unknown'
         WHEN julianday(conclusion) - julianday(date) <= 15 THEN 'pass' ELSE 'fail' END, count(*)
  FROM dialogues GROUP BY 1;
SELECT 'ind.resolved_rate', coalesce(100.0 * sum(resolved) / nullif(sum(opinions), 0), 'null') FROM dialogues;
SELECT 'ind.resolved_items', coalesce(100.0 * sum(status = 'resolved') / nullif(count(*), 0), 'null') FROM opinions;
SELECT 'ind.commune_rate_mean', coalesce(avg(100.0 * res / op), 'null') FROM cd WHERE op > 0;
SELECT 'ind.communes_with_dialogue', count(*) FROM cd WHERE nd > 0;
SELECT 'ind.dialogue_share', coalesce(100.0 * sum(nd > 0) / nullif(count(*), 0), 'null') FROM cd;
SELECT 'ind.attendance_rate', coalesce(100.0 * sum(attended) / nullif(sum(invited), 0), 'null') FROM dialogues;
SELECT 'ind.satisfied_rate', coalesce(100.0 * sum(satisfied = 'yes') / nullif(sum(satisfied IN ('yes', 'no')), 0), 'null') FROM opinions;
SELECT 'ind.opinions_listed', count(*) FROM opinions;
SELECT 'ind.dialogues_held', count(*) FROM dialogues;
SELECT 'ind.communes_listed', count(*) FROM units WHERE kind = 'commune';
SELECT 'ind.villages_listed', count(*) FROM units WHERE kind = 'village';
SELECT 'ind.households_total', coalesce(sum(value), 'null') FROM figures WHERE figure = 'households';
SELECT 'ind.house_support_total', coalesce(sum(value), 'null') FROM figures WHERE figure = 'house_support';
SELECT 'ind.petitions_total', coalesce(sum(total), 'null') FROM tabs;
SELECT 'ind.eligible_rate', coalesce(100.0 * sum(eligible) / nullif(sum(total), 0), 'null') FROM tabs;
