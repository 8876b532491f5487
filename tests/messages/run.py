#!/usr/bin/env python3
"""Message tests as data (tests/messages/README.md).

    python3 tests/messages/run.py DLG [-v] [FILE.test ...] [-k WORDS]

Reads the blocks of tests/messages/*.test (or the files given), runs DLG on
each block's input in a fresh temporary folder and compares what it prints
on standard error (and, for `%% stdout-contains`, on standard output) with
the block. Prints `ok`/`not ok` per block, a diff for each failure, the
blocks marked `%% known-bug` apart, then (when every file is run) the
coverage of spec/messages.md (catalogue.py). Exits 1 when a block that is
not a known bug fails or a message of the catalogue has no block and is not
listed in uncovered.txt.
"""
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile

if hasattr(sys.stdout, "reconfigure"):
    sys.stdout.reconfigure(errors="backslashreplace")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import catalogue  # noqa: E402

TIMEOUT = 120

# directives that open a section: the lines after them, up to the next
# section directive, are its content
SECTIONS = ("file:", "stdin", "expect", "stdout-contains")
# directives that set an option of the block
OPTIONS = ("args:", "exit:", "exact", "known-bug", "expand", "no-input",
           "no-final-newline", "no-stdout", "full-stdout", "symlink:", "big-file:", "mkdir:", "fifo:")


class Block:
    def __init__(self, path, line, title):
        self.path = path          # the .test file
        self.line = line          # line of the title
        self.title = title
        self.args = []
        self.args_given = False
        self.exit = None
        self.exact = False
        self.known_bug = None     # None, or the note after known-bug ('' when none)
        self.expand = False
        self.no_input = False
        self.final_newline = True
        self.no_stdout = False    # standard output must be empty
        self.full_stdout = False  # standard output is /dev/full: every write fails
        self.files = {"test.dlg": []}   # name -> lines, in order of declaration
        self.symlinks = []        # (name, target)
        self.big_files = []       # (name, size)
        self.dirs = []
        self.fifos = []
        self.stdin = None         # lines, or None
        self.expect = []
        self.has_expect = False   # an %% expect section, maybe empty
        self.stdout_contains = []

    @property
    def where(self):
        return "%s:%d" % (os.path.relpath(self.path, ROOT), self.line)


class FormatError(Exception):
    pass


def directive(line):
    """('name', 'rest') for a directive line, or None for a title/content."""
    body = line[2:].strip()
    for d in SECTIONS + OPTIONS:
        if d.endswith(":"):
            if body.startswith(d):
                return d, body[len(d):].strip()
        elif body == d or body.startswith(d + ":") or body.startswith(d + " "):
            rest = body[len(d):].lstrip(":").strip()
            return d, rest
    return None


def parse_file(path):
    """The blocks of one .test file. Lines before the first title are a
    comment on the file."""
    blocks = []
    block = None
    section = None            # list the content lines go to
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, raw in enumerate(lines, 1):
        line = raw[:-1] if raw.endswith("\r") else raw
        if line.startswith("%% #") or line == "%%#" or line.startswith("%%# "):
            continue          # a comment, anywhere
        if line.startswith("%%"):
            d = directive(line)
            if d is None:
                title = line[2:].strip()
                if not title:
                    raise FormatError("%s:%d: a block needs a title after %%%%" % (path, number))
                block = Block(path, number, title)
                blocks.append(block)
                section = block.files["test.dlg"]
                continue
            if block is None:
                raise FormatError("%s:%d: a directive before the first block's title" % (path, number))
            name, rest = d
            if name == "args:":
                block.args = shlex.split(rest)
                block.args_given = True
            elif name == "exit:":
                if not rest.isdigit():
                    raise FormatError("%s:%d: exit: takes a number" % (path, number))
                block.exit = int(rest)
            elif name == "exact":
                block.exact = True
            elif name == "known-bug":
                block.known_bug = rest
            elif name == "expand":
                block.expand = True
            elif name == "no-input":
                block.no_input = True
            elif name == "no-final-newline":
                block.final_newline = False
            elif name == "no-stdout":
                block.no_stdout = True
            elif name == "full-stdout":
                block.full_stdout = True
            elif name == "symlink:":
                m = re.fullmatch(r"(\S+)\s*->\s*(\S+)", rest)
                if not m:
                    raise FormatError("%s:%d: write %%%% symlink: NAME -> TARGET" % (path, number))
                block.symlinks.append((m.group(1), m.group(2)))
            elif name == "big-file:":
                m = re.fullmatch(r"(\S+)\s+(\d+)", rest)
                if not m:
                    raise FormatError("%s:%d: write %%%% big-file: NAME BYTES" % (path, number))
                block.big_files.append((m.group(1), int(m.group(2))))
            elif name == "mkdir:":
                block.dirs.append(rest)
            elif name == "fifo:":
                block.fifos.append(rest)
            elif name == "file:":
                if not rest:
                    raise FormatError("%s:%d: write %%%% file: NAME" % (path, number))
                if rest in block.files and rest != "test.dlg":
                    raise FormatError("%s:%d: file %s given twice" % (path, number, rest))
                block.files[rest] = section = []
            elif name == "stdin":
                block.stdin = section = []
            elif name == "expect":
                block.has_expect = True
                section = block.expect
            elif name == "stdout-contains":
                section = block.stdout_contains
            continue
        if block is None:
            continue          # a comment on the file
        section.append(line)
    for b in blocks:
        for lst in list(b.files.values()) + [b.expect, b.stdout_contains] + ([b.stdin] if b.stdin else []):
            while lst and lst[-1].strip() == "":
                lst.pop()
        if not b.expect and not b.stdout_contains and not b.no_stdout and not (b.exact and b.has_expect):
            raise FormatError("%s:%d: block '%s' expects nothing (an empty %%%% expect needs %%%% exact)" % (path, b.line, b.title))
    return blocks


# ---- %% expand -----------------------------------------------------------------
REPEAT = re.compile(r"\\repeat\{(\d+)\}\{([^}]*)\}")


def expand(text):
    """\\repeat{N}{TEXT} -> TEXT N times; then \\xHH a byte, \\n, \\t, \\\\.
    Returns bytes."""
    text = REPEAT.sub(lambda m: m.group(2) * int(m.group(1)), text)
    out = bytearray()
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            if n == "x" and re.fullmatch(r"[0-9A-Fa-f]{2}", text[i + 2:i + 4]):
                out.append(int(text[i + 2:i + 4], 16))
                i += 4
                continue
            if n in "nt\\":
                out += {"n": b"\n", "t": b"\t", "\\": b"\\"}[n]
                i += 2
                continue
            raise FormatError("unknown escape \\%s under %%%% expand (use \\xHH, \\n, \\t, \\\\ or \\repeat{N}{TEXT})" % n)
        out += c.encode("utf-8")
        i += 1
    return bytes(out)


def content(block, lines, final_newline=True):
    text = "\n".join(lines)
    if lines and final_newline:
        text += "\n"
    return expand(text) if block.expand else text.encode("utf-8")


def expected_lines(block, lines):
    """The expected lines, as str (bytes decoded with surrogateescape)."""
    if not block.expand:
        return list(lines)
    return [expand(l).decode("utf-8", "surrogateescape") for l in lines]


# ---- comparing diagnostics ---------------------------------------------------
def entries(lines):
    """Group lines into diagnostics: a line that does not start with a space
    opens one; the source and caret lines after it belong to it."""
    out = []
    for l in lines:
        if l.startswith(" ") and out:
            out[-1].append(l)
        else:
            out.append([l])
    return [tuple(e) for e in out]


def subsequence(want, have):
    """Is every entry of want in have, in this order?"""
    i = 0
    for e in have:
        if i < len(want) and e == want[i]:
            i += 1
    return i == len(want)


def run_block(dlg, block, tmp):
    base = tempfile.mkdtemp(dir=tmp)
    work = os.path.join(base, "work")
    os.makedirs(work)
    for d in block.dirs:
        os.makedirs(os.path.join(work, d), exist_ok=True)
    for name, lines in block.files.items():
        if name == "test.dlg" and block.no_input:
            continue
        p = os.path.join(work, name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(content(block, lines, block.final_newline))
    for name, target in block.symlinks:
        p = os.path.join(work, name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        os.symlink(target, p)
    for name in block.fifos:
        os.mkfifo(os.path.join(work, name))   # nobody writes to it
    for name, size in block.big_files:
        with open(os.path.join(work, name), "wb") as f:
            f.truncate(size)      # sparse: takes no room on disk
    argv = shlex.split(os.environ.get("VALGRIND", "")) + [dlg] + block.args
    if not block.no_input and "test.dlg" not in block.args:
        argv.append("test.dlg")
    stdin = content(block, block.stdin) if block.stdin is not None else b""
    # a block tests a message, not the text report's layout: a width no
    # note reaches keeps each on one line, and no colour; English, whatever
    # the caller's locale (a block with --lang vi asks for Vietnamese)
    env = {k: v for k, v in os.environ.items()
           if k not in ("COLUMNS", "NO_COLOR", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env["COLUMNS"] = "10000"
    full = open("/dev/full", "wb") if block.full_stdout else None
    try:
        p = subprocess.run(argv, cwd=work, input=stdin, stdout=full or subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT, env=env)
        status, out, err = p.returncode, p.stdout or b"", p.stderr
    except subprocess.TimeoutExpired as e:
        status, out, err = "timeout", e.stdout or b"", e.stderr or b""
    finally:
        if full:
            full.close()
    return status, out.decode("utf-8", "surrogateescape"), err.decode("utf-8", "surrogateescape"), argv


def default_exit(block, want):
    if block.exit is not None:
        return block.exit
    for l in want:
        if re.match(r"^(\S.*?:\d+:\d+|dlg): error: ", l) or (l.startswith("dlg: ") and not re.match(r"^dlg: (warning|note|nothing was evaluated):", l)):
            return 2
    return None


def check_block(dlg, block, tmp):
    """A list of problems (empty when the block passes) and the actual output."""
    status, out, err, argv = run_block(dlg, block, tmp)
    problems = []
    want = expected_lines(block, block.expect)
    have = err.split("\n")
    if have and have[-1] == "":
        have.pop()
    if block.exact:
        ok = want == have
    else:
        ok = subsequence(entries(want), entries(have))
    if not ok:
        diff = difflib.unified_diff(want, have, "expected (stderr)", "dlg (stderr)", lineterm="", n=max(len(want), len(have)))
        problems.append("standard error differs%s:\n%s" % (" (exact)" if block.exact else "", "\n".join(diff)))
    for l in expected_lines(block, block.stdout_contains):
        if l.strip() not in out:
            problems.append("standard output lacks: %s" % l.strip())
    if block.stdout_contains and problems and not any(p.startswith("standard error") for p in problems):
        problems.append("standard output was:\n" + out.rstrip("\n"))
    if block.no_stdout and out:
        problems.append("standard output is not empty:\n" + out.rstrip("\n"))
    ex = default_exit(block, want)
    if ex is not None and status != ex:
        problems.append("exit status %s, expected %d" % (status, ex))
    if status == "timeout":
        problems.append("dlg did not finish in %d s" % TIMEOUT)
    cmd = " ".join(shlex.quote(a) for a in ["dlg"] + argv[argv.index(dlg) + 1:])
    return problems, cmd


def main(argv):
    args = argv[1:]
    verbose = False
    pattern = None
    files = []
    dlg = None
    i = 0
    while i < len(args):
        a = args[i]
        if a == "-v":
            verbose = True
        elif a == "-k" and i + 1 < len(args):
            pattern = args[i + 1].lower()
            i += 1
        elif dlg is None:
            dlg = a
        else:
            files.append(a)
        i += 1
    if dlg is None:
        print("usage: run.sh PATH-TO-DLG [-v] [-k WORDS] [FILE.test ...]", file=sys.stderr)
        return 2
    if not os.path.isabs(dlg):
        dlg = os.path.join(os.getcwd(), dlg)
    if not os.access(dlg, os.X_OK):
        print("run.sh: %s is not an executable" % dlg, file=sys.stderr)
        return 2
    whole = not files and pattern is None
    if not files:
        files = sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".test"))
    blocks = []
    try:
        for f in files:
            blocks += parse_file(f)
    except (FormatError, OSError) as e:
        print("run.sh: %s" % e, file=sys.stderr)
        return 2
    if pattern:
        blocks = [b for b in blocks if pattern in b.title.lower()]

    passed = failed = 0
    known, fixed = [], []
    with tempfile.TemporaryDirectory(prefix="dlg-messages-") as tmp:
        for b in blocks:
            try:
                problems, cmd = check_block(dlg, b, tmp)
            except FormatError as e:
                problems, cmd = ["%s" % e], "-"
            name = "%s: %s" % (b.where, b.title)
            if b.known_bug is not None:
                if problems:
                    known.append((b, problems, cmd))
                    print("not ok - %s # known bug" % name)
                    if verbose:
                        print("  $ " + cmd)
                        for p in problems:
                            print("  " + p.replace("\n", "\n  "))
                else:
                    fixed.append(b)
                    print("ok - %s # known-bug, but passes now: remove '%%%% known-bug'" % name)
                continue
            if problems:
                failed += 1
                print("not ok - %s" % name)
                print("  $ " + cmd)
                for p in problems:
                    print("  " + p.replace("\n", "\n  "))
            else:
                passed += 1
                print("ok - %s" % name)

    print("messages: %d passed, %d failed, %d known bugs, %d known bugs passing" % (passed, failed, len(known), len(fixed)))
    if known:
        print("known bugs (they do not fail the run; -v shows their diffs):")
        for b, problems, cmd in known:
            print("  %s: %s%s" % (b.where, b.title, " (%s)" % b.known_bug if b.known_bug else ""))

    status = 1 if failed else 0
    if whole:
        if not catalogue.report(blocks, expected_lines):
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
