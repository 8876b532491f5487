#!/usr/bin/env python3
"""The messages of spec/messages.md, and which of them the blocks of
tests/messages/*.test exercise (tests/messages/README.md, "Coverage").

    python3 tests/messages/catalogue.py            list every template and its regex
    python3 tests/messages/catalogue.py --check    coverage of the blocks (what run.sh does)

Every row of a table whose first column is headed `message` or `text` in
sections 1 to 7a is a message; each backticked text of its first cell is a
template ({NAME} and other placeholders stand for any text, {a\\|b} for one
of the words, `(s)` for an optional plural). A span that ends with ` …` (`a document listed in …`) ends as the one
before it does. A span that starts with `;`
(`(with `; did you mean '{NAME}'?` when one is near)`) is an optional ending
of the templates before it in the cell: both forms are templates.

A template counts as covered when some block's expected line matches it:
- sections 1 to 5a (diagnostics): the message of a diagnostic line
  (`FILE:L:C: SEVERITY: MESSAGE` or `dlg: SEVERITY: MESSAGE`), whole;
- section 6 (command line): the line `dlg: MESSAGE`, whole;
- section 7 (why a value is unknown): part of a `%% stdout-contains` line;
- section 7a (lines diagnostics add): a whole line, or the message of a
  diagnostic line.
Templates with alternatives ({previous\\|change}) also list which words no
block reaches; that is information, not a failure.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SPEC = os.path.join(ROOT, "spec", "messages.md")
UNCOVERED = os.path.join(HERE, "uncovered.txt")


class Template:
    def __init__(self, section, text, line):
        self.section = section    # "1", "2", ..., "4.2", "5a", "6", "7", "7a"
        self.text = text          # as written in the spec, with \| unescaped
        self.line = line          # line of spec/messages.md
        self.kind = kind_of(section)
        self.regex = re.compile(to_regex(text), re.S)
        self.variants = alternatives(text)   # [(group text, word, regex)]
        self.specificity = specificity(text)

    def matches(self, s):
        if self.kind == "stdout":
            return self.regex.search(s) is not None
        return self.regex.fullmatch(s) is not None


def kind_of(section):
    top = section.split(".")[0]
    if top == "6":
        return "cmdline"
    if top == "7":
        return "stdout"
    if top == "7a":
        return "line"
    return "diagnostic"


def split_row(line):
    """The cells of a markdown table row; \\| does not split."""
    cells, cur, i = [], "", 0
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body) and body[i + 1] == "|":
            cur += "\\|"
            i += 2
            continue
        if body[i] == "|":
            cells.append(cur.strip())
            cur = ""
        else:
            cur += body[i]
        i += 1
    cells.append(cur.strip())
    return cells


def spans(cell):
    """The backticked texts of a cell."""
    return re.findall(r"`([^`]+)`", cell)


def piece_regex(text, placeholder):
    """A regex for literal text in which {…} are placeholders."""
    out = ""
    i = 0
    while i < len(text):
        c = text[i]
        if c == "{":
            j = text.find("}", i)
            if j < 0:
                out += re.escape(c)
                i += 1
                continue
            inner = text[i + 1:j]
            out += placeholder(inner)
            i = j + 1
            continue
        if c == "…":
            out += ".+?"
            i += 1
            continue
        if text.startswith("(s)", i):
            out += "s?"
            i += 3
            continue
        out += re.escape(c)
        i += 1
    return out


# placeholders whose form the conventions of spec/messages.md fix
SPECIAL = {
    "N": r"-?[0-9][0-9,_]*",
    "HH": r"[0-9A-F]{2}",
    "C": r"\S",
    "D": r"\S",
    "TOKEN": r"(?:end of file|'.+?'(?:\.\.\.)?)",   # cut after 40 bytes: '...'...
}


def specificity(text):
    """How much of a template is literal text: a line matched by several
    templates belongs to the most specific (`unexpected typographic quote:
    …` is not an instance of `unexpected {TOKEN}`)."""
    return len(re.sub(r"\{[^{}]*\}", "", text))


def to_regex(text, fixed=None):
    """{NAME} -> .+?; {a\\|b} -> (?:a|b); { optional words…} -> (?: optional words.+?)?.
    fixed: {group inner text: the one word it must be}."""
    def placeholder(inner):
        if fixed and inner in fixed:
            return re.escape(fixed[inner])
        if "\\|" in inner or "|" in inner:
            words = re.split(r"\\?\|", inner)
            return "(?:%s)" % "|".join(piece_regex(w, placeholder) for w in words)
        if inner in SPECIAL:
            return SPECIAL[inner]
        if re.fullmatch(r"[A-Za-z0-9_]+", inner):
            return ".+?"
        if "…" in inner:
            # an optional part such as `{ broken down by …}`
            lit = inner.replace("…", "\0")
            return "(?:%s)?" % "".join(".+?" if ch == "\0" else re.escape(ch) for ch in lit)
        # literal braces: `{ ... }`, `{ by DIMENSION }`
        return re.escape("{" + inner + "}")
    return piece_regex(text, placeholder)


def alternatives(text):
    out = []
    for m in re.finditer(r"\{([^{}]*\\?\|[^{}]*)\}", text):
        inner = m.group(1)
        for w in re.split(r"\\?\|", inner):
            out.append((inner, w, re.compile(to_regex(text, {inner: w}), re.S)))
    return out


def parse(path=SPEC):
    """Every template of the catalogue, in order."""
    templates = []
    section = None
    in_table = False
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines, 1):
        m = re.match(r"^#{2,3} (\d+[a-z]?(?:\.\d+)?) ", line)
        if m:
            section = m.group(1)
            in_table = False
            continue
        if not line.startswith("|"):
            in_table = False
            continue
        cells = split_row(line)
        if not in_table:
            # a header row
            in_table = cells[0] in ("message", "text") and section is not None and section.split(".")[0] in (
                "1", "2", "3", "4", "5", "5a", "6", "7", "7a")
            continue
        if re.fullmatch(r"-+", cells[0].replace(":", "")):
            continue
        plain = []
        for s in spans(cells[0]):
            s = s.replace("\\|", "|")
            if s.endswith(" …") and plain:
                # `a document listed in …`: like the template before it
                # from its last two words on
                tail = " ".join(s[:-2].split()[-2:])
                prev = plain[-1]
                k = prev.find(tail)
                if k >= 0:
                    s = s[:-2] + prev[k + len(tail):]
            if s.startswith(";"):
                # an optional ending of the templates before it in the cell
                for t in list(plain):
                    plain.append(t + s)
                continue
            plain.append(s)
        for s in plain:
            templates.append(Template(section, s, n))
    # one template per text and kind: `out of memory` and `first declared
    # here` stand in several sections
    seen, unique = set(), []
    for t in templates:
        key = (t.kind, t.text)
        if key not in seen:
            seen.add(key)
            unique.append(t)
    return unique


def read_uncovered(path=UNCOVERED):
    """{template text: reason} from uncovered.txt: lines `TEMPLATE` REASON."""
    out = {}
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            m = re.match(r"^`([^`]+)`\s*(?:—|-|:)?\s*(.*)$", line)
            if not m or not m.group(2).strip():
                raise ValueError("%s:%d: write `TEMPLATE` then a reason" % (path, n))
            out[m.group(1)] = m.group(2).strip()
    return out


def candidates(blocks, expected_lines):
    """For each kind of template, the strings of the blocks it may match,
    each with whether its block is a known bug."""
    diag, cmdline, stdout, whole = [], [], [], []
    for b in blocks:
        bug = b.known_bug is not None
        for l in expected_lines(b, b.expect):
            whole.append((l, bug, b))
            m = re.match(r"^(?:.*?:\d+:\d+|dlg): (?:error|warning|note): (.*)$", l)
            if m:
                diag.append((m.group(1), bug, b))
                whole.append((m.group(1), bug, b))
            if l.startswith("dlg: "):
                cmdline.append((l[5:], bug, b))
        for l in expected_lines(b, b.stdout_contains):
            stdout.append((l, bug, b))
    return {"diagnostic": diag, "cmdline": cmdline, "stdout": stdout, "line": whole}


def report(blocks, expected_lines, out=sys.stdout):
    """Print the coverage; False when a template is neither covered nor
    listed in uncovered.txt."""
    templates = parse()
    try:
        uncovered = read_uncovered()
    except ValueError as e:
        print("catalogue: %s" % e, file=out)
        return False
    cands = candidates(blocks, expected_lines)
    covered, by_bug_only, missing, excused = [], [], [], []
    partial = []
    # each expected line counts for the most specific templates it matches
    hits_of = {id(t): [] for t in templates}
    for kind, lst in cands.items():
        ts = [t for t in templates if t.kind == kind]
        for s, bug, b in lst:
            matched = [t for t in ts if t.matches(s)]
            if matched:
                top = max(t.specificity for t in matched)
                for t in matched:
                    if t.specificity == top:
                        hits_of[id(t)].append((s, bug, b))
    for t in templates:
        hits = hits_of[id(t)]
        if hits:
            if all(bug for _, bug, _ in hits):
                by_bug_only.append(t)
            else:
                covered.append(t)
            if t.text in uncovered:
                print("catalogue: uncovered.txt lists a template that has a block now: %s" % t.text, file=out)
            words = []
            for inner, w, rx in t.variants:
                f = (lambda s: rx.search(s)) if t.kind == "stdout" else (lambda s: rx.fullmatch(s))
                if not any(f(s) for s, _, _ in hits):
                    words.append(w)
            if words:
                partial.append((t, words))
        elif t.text in uncovered:
            excused.append(t)
        else:
            missing.append(t)
    # expected lines that are no message of the catalogue (information)
    orphans = []
    for kind in ("diagnostic", "cmdline"):
        for s, bug, b in cands[kind]:
            if kind == "cmdline" and re.match(r"^(error|warning|note|nothing was evaluated): ", s):
                continue
            if s.endswith("...") and len(s.encode()) >= 1020:
                continue        # a message cut at 1,024 bytes (language §11)
            if any(t.matches(s) for t in templates if t.kind == kind):
                continue
            if any(t.matches(s) or t.matches("dlg: note: " + s) for t in templates if t.kind == "line"):
                continue
            orphans.append((s, b))
    known = {t.text for t in templates}
    stale = [k for k in uncovered if k not in known]
    total = len(templates)
    n_cov = len(covered) + len(by_bug_only)
    print("catalogue: %d of %d message templates of spec/messages.md have a block (%d of them only in known-bug blocks); "
          "%d listed in uncovered.txt; %d missing" % (n_cov, total, len(by_bug_only), len(excused), len(missing)), file=out)
    for t in by_bug_only:
        print("  only in known-bug blocks: §%s `%s`" % (t.section, t.text), file=out)
    for t, words in partial:
        print("  variants no block reaches: §%s `%s`: %s" % (t.section, t.text, ", ".join(words)), file=out)
    for t in excused:
        print("  uncovered (uncovered.txt): §%s `%s`: %s" % (t.section, t.text, uncovered[t.text]), file=out)
    for k in stale:
        print("catalogue: uncovered.txt lists a text that is no template of spec/messages.md: %s" % k, file=out)
    seen = set()
    for s, b in orphans:
        if s not in seen:
            seen.add(s)
            print("  not in the catalogue: %s (%s)" % (s, b.where), file=out)
    for t in missing:
        print("  MISSING: §%s `%s` (spec/messages.md:%d)" % (t.section, t.text, t.line), file=out)
    return not missing and not stale


def main(argv):
    if "--check" in argv:
        import run
        blocks = []
        for f in sorted(os.listdir(HERE)):
            if f.endswith(".test"):
                blocks += run.parse_file(os.path.join(HERE, f))
        return 0 if report(blocks, run.expected_lines) else 1
    for t in parse():
        print("§%-4s %-10s %s\n       %s" % (t.section, t.kind, t.text, t.regex.pattern))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
