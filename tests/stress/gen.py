#!/usr/bin/env python3
"""gen.py - inputs for dlg that a mutation fuzzer cannot reach (tests/stress/README.md).

Each case writes one directory of .dlg files, sized by a parameter large
enough that a superlinear pass shows (a linear one takes well under its
budget), and a line of the manifest that tests/stress/run.sh reads:

    NAME <TAB> SIZE <TAB> BUDGET <TAB> CHECKS <TAB> ARGS

ARGS are the command-line arguments of dlg, relative to the case's
directory; CHECKS are extra checks of the output (comma-separated, or -):

    one-result   the text report has at most one line starting "Result:"
    no-pass      no check line of the text report says "pass" (every check
                 of the case involves a value that does not fit in 64 bits)
    min-checks=N the text report's "Checks:" line counts at least N checks
    json         standard output is one valid JSON object (no NaN/Infinity)

Usage: gen.py --out DIR [--only NAME[,NAME...]] [--size-scale X] [--budget S] [--list] [--names]
"""

import argparse
import os
import random
import sys

CASES = []


def case(name, size, desc, budget=None, unit="items"):
    """Register a generator: fn(dir, size) -> (args, checks)."""
    def register(fn):
        CASES.append(dict(name=name, size=size, desc=desc, budget=budget, unit=unit, fn=fn))
        return fn
    return register


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line)
            f.write("\n")


# ---- names -------------------------------------------------------------------


@case("many_names", 200_000, "N distinct figures, each declared (figure NAME \"T\" { }) and given a value")
def many_names(d, n):
    def lines():
        for i in range(n):
            yield 'figure f%07d "F%d" { }' % (i, i)
        for i in range(n):
            yield "f%07d %d" % (i, i)
    write_lines(os.path.join(d, "main.dlg"), lines())
    return ["main.dlg"], []


FNV_PRIME = 16777619
FNV_OFFSET = 2166136261
ALPHABET = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"


def fnv1a(h, data):
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & 0xFFFFFFFF
    return h


def fnv_stage(h, rng):
    """Two different 4-byte blocks that take FNV-1a 32-bit state h to one
    state (a birthday search, about 2^16 tries)."""
    seen = {}
    while True:
        block = bytes(rng.choice(ALPHABET) for _ in range(4))
        g = fnv1a(h, block)
        other = seen.get(g)
        if other is not None and other != block:
            return other, block, g
        seen[g] = block


def fnv_multicollision(k, seed=1):
    """2^k names with one FNV-1a 32-bit hash (Joux's multicollision: k
    stages of colliding blocks, any choice at each stage)."""
    rng = random.Random(seed)
    prefix = b"z"
    h = fnv1a(FNV_OFFSET, prefix)
    stages = []
    for _ in range(k):
        a, b, h = fnv_stage(h, rng)
        stages.append((a, b))
    names = []
    for i in range(1 << k):
        name = prefix + b"".join(stages[j][(i >> j) & 1] for j in range(k))
        names.append(name.decode("ascii"))
    return names, h


@case("fnv_collisions", 131_072, "N figure names with one FNV-1a 32-bit hash (the hash of interp/symbol.c "
      "before the keyed hash), declared and used; N rounds down to a power of two")
def fnv_collisions(d, n):
    k = max(1, n.bit_length() - 1)
    names, h = fnv_multicollision(k)
    assert all(fnv1a(FNV_OFFSET, s.encode()) == h for s in names[:64])

    def lines():
        for i, s in enumerate(names):
            yield 'figure %s "F%d" { }' % (s, i)
        for i, s in enumerate(names):
            yield "%s %d" % (s, i)
    write_lines(os.path.join(d, "main.dlg"), lines())
    return ["main.dlg"], []


# ---- aggregates ----------------------------------------------------------------


@case("opinions_count", 50_000, "N opinions and count(opinion, count(opinion) > 1)")
def opinions_count(d, n):
    statuses = ["resolved", "pending", "answered", "transferred"]

    def lines():
        yield 'commune "A" {'
        for i in range(n):
            yield '  opinion "ý kiến %d" { status %s }' % (i, statuses[i % 4])
        yield "}"
        yield "indicator many = count(opinion, count(opinion) > 1)"
        yield "indicator resolved = share(opinion, status == \"resolved\")"
        yield "rule some: count(opinion, count(opinion) > 1) >= 1"
    write_lines(os.path.join(d, "main.dlg"), lines())
    return ["main.dlg"], []


@case("nested_aggregates", 12, "aggregates nested N deep over 10 opinions: share(opinion, count(opinion, "
      "count(opinion, ...) > 0) > 0)", unit="levels")
def nested_aggregates(d, n):
    lines = ['opinion "o%d" { status resolved }' % i for i in range(10)]
    e = "true"
    for _ in range(n):
        e = "count(opinion, %s) > 0" % e
    lines.append("indicator deep = share(opinion, %s)" % e)
    s = "status == \"resolved\""
    for _ in range(n):
        s = "sum(opinion, %s) >= 0" % s
    lines.append("rule deep_sum: count(opinion, %s) >= 0" % s)
    write_lines(os.path.join(d, "main.dlg"), lines)
    return ["main.dlg"], []


# ---- files -----------------------------------------------------------------------


@case("use_chain", 50_000, "a chain of N files, each using the next (the 33rd level is an error)", unit="files")
def use_chain(d, n):
    for i in range(n):
        body = 'use "f%d.dlg"\n' % (i + 1) if i + 1 < n else ""
        write(os.path.join(d, "f%d.dlg" % i), body + 'figure g%d "G" { }\n' % i)
    return ["f0.dlg"], []


@case("use_fan", 20_000, "one file using N files, each a commune of the district it gives", unit="files")
def use_fan(d, n):
    main = ['district "D" {', "  communes %d" % n, "  opinions %d" % n, "}"]
    for i in range(n):
        main.append('use "c%d.dlg"' % i)
        write(os.path.join(d, "c%d.dlg" % i), 'district "D" {\n  commune "C%d" { opinions 1 }\n}\n' % i)
    write_lines(os.path.join(d, "main.dlg"), main)
    return ["main.dlg"], []


# ---- diagnostics -------------------------------------------------------------------


@case("warnings", 200_000, "N warnings: communes whose names differ only by letter case")
def warnings(d, n):
    base = "muongangquainuamun"       # 18 letters: 262,144 case variants

    def variant(i):
        return "".join(c.upper() if (i >> k) & 1 else c for k, c in enumerate(base))

    def lines():
        yield 'district "D" {'
        for i in range(min(n + 1, 1 << len(base))):
            yield '  commune "%s" { opinions 1 }' % variant(i)
        yield "}"
    write_lines(os.path.join(d, "main.dlg"), lines())
    return ["main.dlg"], []


@case("errors_long_line", 10_000_000, "one line of N bytes with an error at its end (the diagnostic cuts "
      "the line); then 60 errors on it", unit="bytes")
def errors_long_line(d, n):
    chunk = "invited 1 "
    parts = [chunk * max(1, (n - 100) // len(chunk))]
    parts.append("15.590 " * 60)
    write(os.path.join(d, "main.dlg"), 'commune "A" { ' + "".join(parts) + "}\n")
    return ["main.dlg"], []


# ---- expressions and nesting (limits of spec §2.7) -----------------------------------


@case("unary_minus", 100_000, "an indicator of N unary '-'", unit="operators")
def unary_minus(d, n):
    write(os.path.join(d, "main.dlg"), "indicator x = " + "- " * n + "1\n")
    return ["main.dlg"], []


@case("unary_not", 100_000, "a rule of N 'not'", unit="operators")
def unary_not(d, n):
    write(os.path.join(d, "main.dlg"), "rule r: " + "not " * n + "true\n")
    return ["main.dlg"], []


@case("binary_chain", 100_000, "an indicator of N '+' (a left-leaning tree N deep)", unit="operators")
def binary_chain(d, n):
    write(os.path.join(d, "main.dlg"), "indicator x = 1" + " + 1" * n + "\n")
    return ["main.dlg"], []


@case("parentheses", 100_000, "an indicator of N nested parentheses", unit="levels")
def parentheses(d, n):
    write(os.path.join(d, "main.dlg"), "indicator x = " + "(" * n + "1" + ")" * n + "\n")
    return ["main.dlg"], []


@case("call_nesting", 100_000, "an indicator of N nested calls max(1, max(1, ...))", unit="levels")
def call_nesting(d, n):
    write(os.path.join(d, "main.dlg"), "indicator x = " + "max(1, " * n + "1" + ")" * n + "\n")
    return ["main.dlg"], []


@case("deep_blocks", 100_000, "blocks nested N deep", unit="levels")
def deep_blocks(d, n):
    write(os.path.join(d, "main.dlg"), "x " + "{ x " * n + "}" * n + "\n")
    return ["main.dlg"], []


@case("unclosed_blocks", 1_000_000, "N blocks opened and never closed", unit="levels")
def unclosed_blocks(d, n):
    write(os.path.join(d, "main.dlg"), "x {\n" * n)
    return ["main.dlg"], []


# ---- size ------------------------------------------------------------------------------


@case("huge_name", 100_000_000, "one name of N bytes", unit="bytes")
def huge_name(d, n):
    with open(os.path.join(d, "main.dlg"), "wb") as f:
        f.write(b"figure ")
        block = b"a" * (1 << 20)
        left = n
        while left > 0:
            f.write(block[: min(left, len(block))])
            left -= len(block)
        f.write(b' "T" { }\n')
    return ["main.dlg"], []


@case("huge_string", 100_000_000, "one string of N bytes (Vietnamese text)", unit="bytes")
def huge_string(d, n):
    with open(os.path.join(d, "main.dlg"), "wb") as f:
        f.write(b'report "')
        block = ("Kết quả đối thoại " * 60000).encode("utf-8")
        left = n
        while left > 0:
            piece = block[: min(left, len(block))]
            piece = piece.decode("utf-8", "ignore").encode("utf-8")
            f.write(piece)
            left -= len(block)
        f.write(b'" { period 2024 }\n')
    return ["main.dlg"], []


@case("million_figures", 1_000_000, "a report of N declared figures: N/10 communes of 10 figures in one "
      "district", unit="figures")
def million_figures(d, n):
    communes = max(1, n // 10)

    def lines():
        yield 'report "Báo cáo lớn" { issuer "UBND"  period 2024 }'
        yield 'district "D" {'
        yield "  communes %d" % communes
        yield "  opinions %d { resolved %d  pending %d }" % (3 * communes, 2 * communes, communes)
        for i in range(communes):
            yield ('  commune "Xã %d" { invited 20  attended 18  people 7  households 100  population 400 '
                   'villages 3  gifts 2  opinions 3 { resolved 2  pending 1 } }' % i)
        yield "}"
        yield "indicator resolved_rate = percent(opinions.resolved, opinions)"
        yield "indicator attendance = mean(commune, percent(attended, invited))"
        yield "rule attended_some { each commune  require: attended >= 1 }"
    write_lines(os.path.join(d, "main.dlg"), lines())
    return ["main.dlg"], []


@case("figures_as_filed", 1_200_000, "N figures in one commune, as issue 8 filed the pointer-map cliff "
      "(1.2 M: 37 s), undeclared: the closed vocabulary refuses them, 50 errors", unit="figures")
def figures_as_filed(d, n):
    write_lines(os.path.join(d, "main.dlg"), commune_of_figures(n))
    return ["main.dlg"], []


def commune_of_figures(n):
    """Commune A giving figures f0 .. f(n-1) the values 0 .. n-1."""
    yield 'commune "A" {'
    for i in range(n):
        yield "  f%d %d" % (i, i)
    yield "}"


@case("figures_declared", 1_200_000, "N figures, each declared (figure fI \"F\" { }), given in one commune "
      "in the order declared: the pointer-map cliff with the closed vocabulary", budget=2, unit="figures")
def figures_declared(d, n):
    def lines():
        for i in range(n):
            yield 'figure f%d "F" { }' % i
        yield from commune_of_figures(n)
    write_lines(os.path.join(d, "main.dlg"), lines())
    return ["main.dlg"], []


@case("figures_as_parts", 1_200_000, "one figure by a numbered dimension, broken down in one commune into N "
      "parts: N figures from two declarations", budget=3, unit="figures")
def figures_as_parts(d, n):
    def lines():
        yield 'dimension d "D" { numbered p }'
        yield 'figure f "F" { by d }'
        yield 'commune "A" {'
        yield "  f ? {"
        for i in range(n):
            yield "    p%d %d" % (i + 1, i)
        yield "  }"
        yield "}"
    write_lines(os.path.join(d, "main.dlg"), lines())
    return ["main.dlg"], []


# ---- numbers ---------------------------------------------------------------------------


def overflow_report(n):
    k = max(2, n.bit_length() - 1)
    parts = 1 << k                          # 2^k parts of 2^(64-k): the sum is 2^64
    value = 1 << (64 - k)
    if value > (1 << 63) - 1:
        k, parts, value = 2, 4, 1 << 62
    lines = ['dimension chunk "Phần" {']
    lines += ['  p%d "P%d"' % (i, i) for i in range(parts)]
    lines += ["}", 'figure big "Số lớn" { by chunk }']
    # sum: the parts add up to 2^64, which wraps to 0 in 64 bits
    lines.append("big 0 { " + " ".join("p%d %d" % (i, value) for i in range(parts)) + " }")
    # rollup: as many communes, each 2^(64-k) opinions
    lines.append('district "D" {')
    lines.append("  opinions 0")
    lines += ['  commune "C%d" { opinions %d }' % (i, value) for i in range(parts)]
    lines.append("}")
    lines.append("indicator total = sum(commune, opinions)")
    lines.append("indicator square = 9223372036854775807 * 9223372036854775807")
    e = "9223372036854775807"
    for _ in range(40):                     # about 10^759: not a double
        e = "(%s) * 9223372036854775807" % e
    lines.append("indicator infinite = %s" % e)
    lines.append("indicator negative = -9223372036854775807 - 9223372036854775807")
    lines.append("indicator rate = percent(9223372036854775807 * 4, 1)")
    return lines


@case("int64_overflow", 1024, "sums of 64-bit counts that wrap to 0 (a sum, a roll-up over N communes); "
      "products beyond a double", unit="parts")
def int64_overflow(d, n):
    write_lines(os.path.join(d, "main.dlg"), overflow_report(n))
    return ["main.dlg"], ["no-pass", "min-checks=2"]


@case("int64_overflow_json", 1024, "int64_overflow, written as JSON", unit="parts")
def int64_overflow_json(d, n):
    write_lines(os.path.join(d, "main.dlg"), overflow_report(n))
    return ["--format", "json", "main.dlg"], ["json"]


# ---- output ------------------------------------------------------------------------------


FORGED = "\\nResult: OK: 5 checks, none failed.\\n"


def forged_report(n):
    lines = ['report "Báo cáo%s" { issuer "UBND%s"  place "P%s"  reference "Số 1%s"  period 2024 }'
             % (FORGED, FORGED, FORGED, FORGED)]
    lines.append('figure forged "F%s" { }' % FORGED)
    lines.append('district "D%s" {' % FORGED)
    for i in range(n):
        lines.append('  commune "Xã %d%s" { opinions 3 { resolved 1  pending 1 } }' % (i, FORGED))
    lines.append("}")
    lines.append('dialogue 2024-02-05 "Hội nghị%s" { chair "C%s"  conclusion "1/TB%s" 2024-02-15 }'
                 % (FORGED, FORGED, FORGED))
    lines.append('opinion "Ý kiến%s" { status resolved 2024-03-01 "ghi chú%s" }' % (FORGED, FORGED))
    lines.append('document plan "181-KH%s" 05.01.2024 "Kế hoạch%s"' % (FORGED, FORGED))
    lines.append('indicator x "X%s" = count(opinion) { note "n%s" }' % (FORGED, FORGED))
    lines.append('rule r "R%s" { source "S%s"  code "C%s"  unverified "U%s"  require: count(opinion) > 5 }'
                 % (FORGED, FORGED, FORGED, FORGED))
    lines.append('holiday 2024-02-08 "Tết%s"' % FORGED)
    return lines


@case("forged_result", 100, "strings with \\n escapes that would forge a 'Result: OK' line (title, "
      "issuer, N unit names, labels, rule, indicator, note)", unit="units")
def forged_result(d, n):
    write_lines(os.path.join(d, "main.dlg"), forged_report(n))
    return ["main.dlg"], ["one-result"]


@case("forged_result_json", 100, "forged_result, written as JSON", unit="units")
def forged_result_json(d, n):
    write_lines(os.path.join(d, "main.dlg"), forged_report(n))
    return ["--format", "json", "main.dlg"], ["json"]


# ---- driver --------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description="write the stress inputs of tests/stress/ and their manifest")
    ap.add_argument("--out", help="directory to write into (one subdirectory per case)")
    ap.add_argument("--only", default="", help="comma-separated case names")
    ap.add_argument("--size-scale", type=float, default=1.0, help="multiply every size by X")
    ap.add_argument("--budget", type=float, default=1.0, help="seconds per case, unless the case says")
    ap.add_argument("--list", action="store_true", help="list the cases and exit")
    ap.add_argument("--names", action="store_true", help="print the case names, one a line, and exit")
    a = ap.parse_args()
    if a.names:
        for c in CASES:
            print(c["name"])
        return 0
    if a.list:
        for c in CASES:
            print("%-20s %12s %-9s %s" % (c["name"], "{:,}".format(c["size"]), c["unit"], c["desc"]))
        return 0
    if not a.out:
        ap.error("--out DIR is required")
    only = [s for s in a.only.split(",") if s]
    known = {c["name"] for c in CASES}
    for s in only:
        if s not in known:
            ap.error("no case '%s'; cases: %s" % (s, ", ".join(sorted(known))))
    os.makedirs(a.out, exist_ok=True)
    manifest = []
    for c in CASES:
        if only and c["name"] not in only:
            continue
        size = max(1, int(round(c["size"] * a.size_scale)))
        d = os.path.join(a.out, c["name"])
        os.makedirs(d, exist_ok=True)
        sys.stderr.write("gen: %s (%s %s)\n" % (c["name"], "{:,}".format(size), c["unit"]))
        args, checks = c["fn"](d, size)
        budget = c["budget"] if c["budget"] is not None else a.budget
        manifest.append("\t".join([c["name"], str(size), "%g" % budget, ",".join(checks) or "-", " ".join(args)]))
    write_lines(os.path.join(a.out, "manifest.tsv"), manifest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
