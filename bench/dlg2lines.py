#!/usr/bin/env python3
"""dlg's JSON output (spec/json.md) in the benchmark's common form:
`check.KIND.STATUS N`, `rule.ID.STATUS N` and `ind.ID VALUE` lines (bench/README.md).

    python3 bench/dlg2lines.py out.json
"""
import collections
import csv
import json
import sys


def lines(doc):
    out = collections.Counter()
    for c in doc["checks"]:
        out["check.%s.%s" % (c["kind"], c["status"])] += 1
    res = ["%s %d" % kv for kv in out.items()]
    for r in doc["rules"]:
        for st in ("passed", "failed", "unknown"):
            if r[st]:
                res.append("rule.%s.%s %d" % (r["id"], {"passed": "pass", "failed": "fail"}.get(st, st), r[st]))
    for i in doc["indicators"]:
        v = i["value"]
        res.append("ind.%s %s" % (i["id"], "null" if v is None else v))
    return sorted(res)


def csv_lines(f):
    """`ind.ID VALUE` lines of dlg's --format csv (spec/formats.md §3): the rows
    of the report as a whole, whose `kind` is empty."""
    res = []
    for row in csv.DictReader(f):
        if row["kind"] == "" and row["name"] == "":
            res.append("ind.%s %s" % (row["indicator"], row["value"] or "null"))
    return sorted(res)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f)
    sys.stdout.write("".join(x + "\n" for x in lines(doc)))


if __name__ == "__main__":
    main()
