#!/usr/bin/env python3
"""The HTML report in a real browser (tests/html/README.md).

For each case of cases.json: run `dlg --format html ARGS`, keep the page in
OUT/NAME.html, have headless Chromium render it to OUT/NAME.png and dump
the DOM it built (OUT/NAME.dom.html), then check that DOM: the figures the
case expects (worked out by hand, never copied from dlg), the Vietnamese
text intact, and nothing a page for people should not hold (scripts,
event handlers, anything fetched from elsewhere).

    python3 tests/html/check.py --dlg build/release/dlg [--chromium chromium] [--out build/html] [NAME...]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# The elements and attributes the writer emits: any other in the rendered
# DOM came from the input, as markup.
ELEMENTS = {"html", "head", "meta", "title", "style", "body", "header", "main", "nav", "footer", "section", "h1",
            "h2", "h3", "dl", "dt", "dd", "p", "div", "span", "strong", "code", "a", "ul", "li", "table", "thead",
            "tbody", "tr", "th", "td", "svg", "g", "rect", "line", "text"}
ATTRIBUTES = {"class", "id", "lang", "href", "charset", "name", "content", "role", "xmlns", "width", "height",
              "viewbox", "x", "y", "x1", "y1", "x2", "y2", "text-anchor", "colspan"}
TIMEOUT = 90


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()

    def find(self, tag=None, **attrs):
        """Every element below (self included) of that tag with those attributes
        (class_ matches one of the classes)."""
        for n in self.walk():
            if tag and n.tag != tag:
                continue
            ok = True
            for k, v in attrs.items():
                if k == "class_":
                    ok = v in (n.attrs.get("class") or "").split()
                else:
                    ok = n.attrs.get(k.replace("_", "-")) == v
                if not ok:
                    break
            if ok:
                yield n

    def one(self, tag=None, **attrs):
        found = list(self.find(tag, **attrs))
        if len(found) != 1:
            raise Failure("expected one <%s %s>, found %d" % (tag or "*", attrs, len(found)))
        return found[0]


class Failure(Exception):
    pass


class Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(text):
    b = Builder()
    b.feed(text)
    b.close()
    return b.root


def nfc(s):
    return unicodedata.normalize("NFC", " ".join(s.split()))


def expected_value(spec):
    if "percent" in spec:
        n, d = spec["percent"]
        return 100.0 * n / d
    return float(spec["value"])


def same_number(attr, want):
    """data-value as JSON writes it: 4 decimals at the most."""
    if attr is None:
        raise Failure("no data-value where %s was expected" % want)
    if abs(float(attr) - want) > 0.00005 + 1e-9:
        raise Failure("data-value %s, expected %.6f" % (attr, want))


def check_safe(dom):
    """A page for people: no script, no handler, nothing fetched."""
    for n in dom.walk():
        if n.tag != "#document" and n.tag not in ELEMENTS:
            raise Failure("a <%s> element in the page" % n.tag)
        for k, v in n.attrs.items():
            if k not in ATTRIBUTES and not k.startswith("data-"):
                raise Failure("an attribute %s=%r on <%s>" % (k, v, n.tag))
            if k == "href" and not (v or "").startswith("#"):
                raise Failure("a link out of the page: %r" % v)
        if n.tag == "style" and ("url(" in n.text() or "@import" in n.text()):
            raise Failure("the stylesheet fetches something")


def check_case(case, dom, png):
    html = dom.one("html")
    if not html.attrs.get("lang"):
        raise Failure("<html> has no lang")
    if not any((m.attrs.get("charset") or "").lower() == "utf-8" for m in dom.find("meta")):
        raise Failure('no <meta charset="utf-8">')
    check_safe(dom)
    body = nfc(dom.one("body").text())
    if case["title"] is not None:
        h1 = nfc(dom.one("h1").text())
        if h1 != nfc(case["title"]):
            raise Failure("title %r, expected %r" % (h1, case["title"]))
        if nfc(dom.one("head").one("title").text()) != nfc(case["title"]):
            raise Failure("<title> differs from the report's title")
    for s in case["text"]:
        if nfc(s) not in body:
            raise Failure("the text %r is not in the page" % s)
    verdict = dom.one(id="verdict")
    if verdict.attrs.get("data-exit-status") != str(case["exit"]):
        raise Failure("verdict says exit %s, expected %d" % (verdict.attrs.get("data-exit-status"), case["exit"]))
    if case["summary"] is not None:
        cols = ["total", "pass", "fail", "partial", "unknown"]
        for row, want in case["summary"].items():
            tr = dom.one("tr", data_summary=row)
            for col, n in zip(cols, want):
                cells = list(tr.find("td", data_count=col))
                if n is None:
                    if cells:
                        raise Failure("summary %s has a %s count" % (row, col))
                elif len(cells) != 1 or cells[0].text().strip() != str(n):
                    raise Failure("summary %s %s: %r, expected %d" % (row, col, [c.text() for c in cells], n))
    for ident, spec in case["indicators"].items():
        sec = dom.one("section", data_indicator=ident)
        value = sec.one("p", class_="value")
        if spec.get("unknown"):
            if "data-value" in value.attrs:
                raise Failure("%s has a value; expected none" % ident)
            continue
        want = expected_value(spec)
        same_number(value.attrs.get("data-value"), want)
        shown = nfc(value.one("strong").text())
        if shown != nfc(spec["shown"]):
            raise Failure("%s shows %r, expected %r" % (ident, shown, spec["shown"]))
        if "percent" in spec:
            n, d = spec["percent"]
            if value.attrs.get("data-numerator") != str(n) or value.attrs.get("data-denominator") != str(d):
                raise Failure("%s: fraction %s / %s, expected %d / %d" % (ident, value.attrs.get("data-numerator"),
                                                                        value.attrs.get("data-denominator"), n, d))
            bar = dom.one("svg", data_chart="overview").one("g", data_indicator=ident)
            same_number(bar.attrs.get("data-value"), want)
        for unit, frac in spec.get("per", {}).items():
            row = sec.one("table", class_="per").one("tr", data_unit=unit)
            bar = sec.one("svg", data_chart="per").one("g", data_unit=unit)
            if frac is None:
                if "data-value" in row.attrs or "data-value" in bar.attrs:
                    raise Failure("%s of %s has a value; expected none" % (ident, unit))
                continue
            same_number(row.attrs.get("data-value"), 100.0 * frac[0] / frac[1])
            same_number(bar.attrs.get("data-value"), 100.0 * frac[0] / frac[1])
            label = next(bar.find("text")).text()
            if label != unit:
                raise Failure("the bar of %r is labelled %r" % (unit, label))
        if spec.get("per"):
            same_number(sec.one("line", class_="pooled").attrs.get("data-value"), want)
    for unit, failed in case["units"].items():
        sec = dom.one("section", class_="unit", data_unit=unit)
        rows = list(sec.find("tr", data_status="fail"))
        if sec.attrs.get("data-failed") != str(failed) or len(rows) != failed:
            raise Failure("unit %r: %s failed, %d rows marked, expected %d" % (unit, sec.attrs.get("data-failed"),
                                                                              len(rows), failed))
        for r in rows:
            if "fail" not in r.attrs.get("class", "").split():
                raise Failure("a failure in %r is not highlighted" % unit)
    if "failed" in case:
        kinds = sorted(r.attrs["data-check"] for r in dom.find("tr", class_="check", data_status="fail"))
        rules = sorted({r.attrs["data-rule"] for r in dom.find("tr", class_="verdict", data_status="fail")})
        if kinds != sorted(case["failed"]["check"]) or rules != sorted(case["failed"]["rule"]):
            raise Failure("failures: checks %s, rules %s" % (kinds, rules))
    if case.get("diagnostics") and not list(dom.find("li", data_severity="error")):
        raise Failure("no error listed among the diagnostics")
    with open(png, "rb") as f:
        if f.read(8) != b"\x89PNG\r\n\x1a\n":
            raise Failure("%s is not a PNG" % png)


def chromium(browser, profile, *args):
    cmd = [browser, "--headless", "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile,
           "--hide-scrollbars"]
    if os.geteuid() == 0:
        cmd.append("--no-sandbox")         # Chromium refuses to run as root with its sandbox
    return subprocess.run(cmd + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT,
                          check=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dlg", required=True)
    ap.add_argument("--chromium", default="chromium")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "html"))
    ap.add_argument("names", nargs="*")
    opt = ap.parse_args()
    dlg = os.path.abspath(opt.dlg)
    out = os.path.abspath(opt.out)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(HERE, "cases.json"), encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    passed = failed = 0
    for case in cases:
        name = case["name"]
        if opt.names and name not in opt.names:
            continue
        page = os.path.join(out, name + ".html")
        png = os.path.join(out, name + ".png")
        profile = tempfile.mkdtemp(prefix="dlg-chromium-")
        try:
            with open(page, "wb") as f:
                run = subprocess.run([dlg, "--format", "html"] + case["args"], cwd=ROOT, stdout=f,
                                     stderr=subprocess.PIPE, timeout=TIMEOUT, check=False)
            if run.returncode != case["exit"]:
                raise Failure("dlg exited %d, expected %d" % (run.returncode, case["exit"]))
            url = "file://" + page
            shot = chromium(opt.chromium, profile, "--screenshot=" + png, "--window-size=1200,3000", url)
            if shot.returncode != 0 or not os.path.exists(png):
                raise Failure("chromium made no screenshot: %s" % shot.stderr.decode(errors="replace")[-500:])
            dump = chromium(opt.chromium, profile, "--dump-dom", url)
            if dump.returncode != 0 or not dump.stdout:
                raise Failure("chromium dumped no DOM: %s" % dump.stderr.decode(errors="replace")[-500:])
            text = dump.stdout.decode("utf-8")
            with open(os.path.join(out, name + ".dom.html"), "w", encoding="utf-8") as f:
                f.write(text)
            check_case(case, parse(text), png)
            passed += 1
            print("ok - html %s (%s)" % (name, os.path.relpath(png, ROOT)))
        except (Failure, subprocess.TimeoutExpired, UnicodeDecodeError) as e:
            failed += 1
            print("not ok - html %s: %s" % (name, e))
        finally:
            shutil.rmtree(profile, ignore_errors=True)
    print("html: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
