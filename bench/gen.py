#!/usr/bin/env python3
"""Deterministic generator of a national dataset for the dlg benchmark.

    python3 bench/gen.py [--scale 1.0] [--profile national] [--seed 2024]
                         [--split] --out DIR

writes into DIR the same data three times:

    report.dlg            the .dlg (or, with --split, dlg/00-report.dlg and one
                          file per district, dlg/dNNNNN.dlg, joined by `within`)
    csv/units.csv         id,kind,parent,name,declared_children
    csv/figures.csv       unit,figure,value
    csv/tables.csv        unit,total,complaint,denunciation,proposal,eligible,...
    csv/dialogues.csv     id,unit,date,conclusion,invited,attended,opinions,<5 statuses>
    csv/opinions.csv      dialogue,topic,status,satisfied
    data.jsonl            one object a line: units (with their figures and
                          table) and dialogues (with their opinions)
    meta.json             parameters, counts of records, bytes of each form

Scale 1.0 is about 10,000 communes, 20,000 dialogues and 2,000,000 itemised
opinions (the `national` profile).  Other profiles are heavy in one kind of
content, for memory per input byte: `units`, `figures`, `tables`,
`sessions`, `opinions` (see bench/README.md).

Every field is free of commas and double quotes, so the CSV needs no quoting
(awk reads it with FS=",").  Names are Vietnamese (UTF-8) and unique, with a
number, so no two units of a kind can be taken for one another.

A small, fixed share of the data is wrong on purpose (a total off by one, a
part off by one, more attended than invited, a district's count of communes
off by one, a table cell off by one, a late or missing conclusion notice, a
commune without a dialogue): the peers must find exactly the failures dlg
finds.
"""
import argparse
import json
import os
import random
import sys

STATUSES = ["resolved", "answered", "on_spot", "pending", "transferred"]
STATUS_CUM = [0.60, 0.75, 0.87, 0.97, 1.00]
TOPICS = [
    ("land", "đất đai"), ("compensation", "bồi thường, giải phóng mặt bằng"),
    ("roads", "giao thông"), ("irrigation", "thủy lợi"),
    ("water", "nước sinh hoạt"), ("electricity", "điện"),
    ("health_insurance", "bảo hiểm y tế"), ("poor_households", "chế độ hộ nghèo"),
    ("social_security", "an sinh xã hội"), ("agriculture", "cây trồng, vật nuôi"),
    ("culture_house", "nhà văn hóa"), ("clinic", "trạm y tế"),
    ("economy", "phát triển kinh tế"), ("culture", "văn hóa"), ("society", "xã hội"),
    ("infrastructure", "hạ tầng nông thôn"), ("environment", "môi trường"),
    ("education", "giáo dục"), ("security", "an ninh, trật tự"), ("other", "lĩnh vực khác"),
]
# No comma may reach the CSV: topic titles with a comma are used in .dlg strings only.
PREFIXES = ["Đề nghị giải quyết", "Kiến nghị về", "Phản ánh về", "Đề xuất về", "Hỏi về"]
SYL = ["Sơn", "Hà", "Mường", "Ảng", "Quài", "Nưa", "Tuần", "Giáo", "Kỳ", "Châu", "Trà",
       "Lâm", "Huy", "Thượng", "Phù", "Yên", "Nà", "Sản", "Bản", "Lầu", "Đông", "Mẫu",
       "Thanh", "Xuân", "Bình", "Minh", "Tân", "Phú", "Hòa", "An", "Đức", "Lộc", "Thạch",
       "Cẩm", "Hương", "Khê", "Vĩnh", "Long", "Quảng", "Ngãi", "Điện", "Biên", "Tủa",
       "Chùa", "Mộc", "Châu", "Bắc", "Nam", "Trung", "Hải", "Ea", "Súp", "Krông", "Pắc"]
VILLAGE_WORDS = ["Bản", "Thôn", "Xóm", "Khối", "Tổ dân phố"]

# Plain figures (no breakdown): at communes in `national`, at villages in `figures`.
PLAIN = [("households", "count"), ("population", "count"), ("gifts", "count"),
         ("house_support", "money")]
PLAIN_MANY = PLAIN + [("houses", "count"), ("fund_raised", "money"),
                      ("fund_spent", "money"), ("fund_balance", "money"),
                      ("voters", "count"), ("procedures", "count"), ("cases", "count"),
                      ("committee_documents", "count")]

PROFILES = {
    # communes per district, villages per commune, figures at, tables at,
    # share of communes with a table, dialogues per commune (mean), opinions per dialogue (range)
    "national": dict(villages=0, figures="commune", plain=PLAIN, tables="commune", table_share=0.3,
                     dialogues=(0, 4), opinions=(50, 150)),
    "units":    dict(villages=50, figures=None, plain=[], tables=None, table_share=0,
                     dialogues=(0, 0), opinions=(0, 0)),
    "figures":  dict(villages=10, figures="village", plain=PLAIN_MANY, tables=None, table_share=0,
                     dialogues=(0, 0), opinions=(0, 0)),
    "tables":   dict(villages=10, figures=None, plain=[], tables="village", table_share=1.0,
                     dialogues=(0, 0), opinions=(0, 0)),
    "sessions": dict(villages=0, figures=None, plain=[], tables=None, table_share=0,
                     dialogues=(15, 25), opinions=(0, 0)),
    "opinions": dict(villages=0, figures=None, plain=[], tables=None, table_share=0,
                     dialogues=(1, 1), opinions=(150, 250)),
}
BASE_COMMUNES = 10_000

DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]  # 2024


def day_of_year_to_date(doy):
    m = 0
    while doy >= DAYS_IN_MONTH[m]:
        doy -= DAYS_IN_MONTH[m]
        m += 1
    return "2024-%02d-%02d" % (m + 1, doy + 1)


def group3(n):
    return "{:_}".format(n)


class Out:
    def __init__(self, d, split):
        self.dir = d
        self.split = split
        os.makedirs(os.path.join(d, "csv"), exist_ok=True)
        enc = dict(encoding="utf-8", newline="\n")
        self.csv = {}
        for name, head in [("units", "id,kind,parent,name,declared_children"),
                           ("figures", "unit,figure,value"),
                           ("tables", "unit,total,complaint,denunciation,proposal,eligible,"
                                      "el_complaint,el_denunciation,el_proposal,ineligible,"
                                      "in_complaint,in_denunciation,in_proposal"),
                           ("dialogues", "id,unit,date,conclusion,invited,attended,opinions,"
                                         + ",".join(STATUSES)),
                           ("opinions", "dialogue,topic,status,satisfied")]:
            f = open(os.path.join(d, "csv", name + ".csv"), "w", buffering=1 << 20, **enc)
            f.write(head + "\n")
            self.csv[name] = f
        self.jsonl = open(os.path.join(d, "data.jsonl"), "w", buffering=1 << 20, **enc)
        if split:
            os.makedirs(os.path.join(d, "dlg"), exist_ok=True)
            self.head = open(os.path.join(d, "dlg", "00-report.dlg"), "w", **enc)
            self.dlg = None
        else:
            self.head = open(os.path.join(d, "report.dlg"), "w", buffering=1 << 20, **enc)
            self.dlg = self.head

    def close(self):
        for f in self.csv.values():
            f.close()
        self.jsonl.close()
        self.head.close()


def jdump(o):
    return json.dumps(o, ensure_ascii=False, separators=(",", ":"))


def generate(args):
    prof = PROFILES[args.profile]
    rng = random.Random("%s/%s" % (args.seed, args.profile))
    n_communes = max(1, round(BASE_COMMUNES * args.scale))
    out = Out(args.out, args.split)
    counts = dict(provinces=0, districts=0, communes=0, villages=0, figures=0, tables=0,
                  dialogues=0, opinions=0)
    next_id = [0]

    def new_id():
        next_id[0] += 1
        return next_id[0]

    def name(n):
        return "%s %s %d" % (SYL[rng.randrange(len(SYL))], SYL[rng.randrange(len(SYL))], n)

    # Shape: communes into districts (6-14), districts into provinces (10-22).
    districts = []
    left = n_communes
    while left > 0:
        k = min(left, 6 + rng.randrange(9))
        districts.append(k)
        left -= k
    provinces = []
    left = len(districts)
    while left > 0:
        k = min(left, 10 + rng.randrange(13))
        provinces.append(k)
        left -= k

    pct = args.scale * 100
    head = out.head
    head.write('# Generated by bench/gen.py --profile %s --scale %g --seed %s: do not edit.\n'
               % (args.profile, args.scale, args.seed))
    head.write('report "Báo cáo kết quả đối thoại với nhân dân năm 2024 (dữ liệu thử nghiệm '
               '%s, quy mô %g %%)" {\n  issuer "Bộ Nội vụ (dữ liệu giả lập)"\n  period 2024\n}\n\n'
               % (args.profile, pct))
    head.write(RULES_AND_INDICATORS)

    w_units, w_fig, w_tab, w_dia, w_op = (out.csv[k] for k in
                                          ("units", "figures", "tables", "dialogues", "opinions"))
    jl = out.jsonl
    di = 0
    for np_, nd in enumerate(provinces):
        pid = new_id()
        counts["provinces"] += 1
        pname = name(counts["provinces"])
        w_units.write("%d,province,,%s,%d\n" % (pid, pname, nd))
        jl.write(jdump(dict(type="unit", id=pid, kind="province", parent=None, name=pname,
                            declared_children=nd)) + "\n")
        head.write('province "%s" {\n  districts %d\n' % (pname, nd))
        if args.split:
            head.write("}\n")
        for _ in range(nd):
            nc = districts[di]
            di += 1
            did = new_id()
            counts["districts"] += 1
            dname = name(counts["districts"])
            declared = nc
            r = rng.random()
            if r < 0.01:
                declared = nc - 1          # fails: more communes present than declared
            elif r < 0.02:
                declared = nc + 1          # partial: fewer present than declared
            w_units.write("%d,district,%d,%s,%d\n" % (did, pid, dname, declared))
            jl.write(jdump(dict(type="unit", id=did, kind="district", parent=pid, name=dname,
                                declared_children=declared)) + "\n")
            if args.split:
                path = os.path.join(args.out, "dlg", "d%05d.dlg" % counts["districts"])
                f = open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20)
                f.write('within province "%s"\n\ndistrict "%s" {\n  communes %d\n'
                        % (pname, dname, declared))
                ind = "  "
            else:
                f = head
                f.write('  district "%s" {\n    communes %d\n' % (dname, declared))
                ind = "    "
            for _ in range(nc):
                commune(rng, prof, f, ind, did, counts, new_id, name, w_units, w_fig, w_tab,
                        w_dia, w_op, jl)
            f.write(ind[:-2] + "}\n")
            if args.split:
                f.close()
        if not args.split:
            head.write("}\n")
    out.close()

    # Sizes and counts
    def size(p):
        return os.path.getsize(os.path.join(args.out, p))
    if args.split:
        dlg_files = sorted(os.listdir(os.path.join(args.out, "dlg")))
        dlg_bytes = sum(size(os.path.join("dlg", x)) for x in dlg_files)
    else:
        dlg_bytes = size("report.dlg")
    csv_bytes = sum(size(os.path.join("csv", x)) for x in os.listdir(os.path.join(args.out, "csv")))
    records = (counts["provinces"] + counts["districts"] + counts["communes"] + counts["villages"]
               + counts["figures"] + counts["tables"] + counts["dialogues"] + counts["opinions"])
    meta = dict(profile=args.profile, scale=args.scale, seed=args.seed, split=args.split,
                counts=counts, records=records,
                bytes=dict(dlg=dlg_bytes, csv=csv_bytes, jsonl=size("data.jsonl")))
    with open(os.path.join(args.out, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")
    return meta


def commune(rng, prof, f, ind, did, counts, new_id, name, w_units, w_fig, w_tab, w_dia, w_op, jl):
    cid = new_id()
    counts["communes"] += 1
    cname = name(counts["communes"])
    nv = prof["villages"]
    f.write('%scommune "%s" {\n' % (ind, cname))
    i2 = ind + "  "
    w_units.write("%d,commune,%d,%s,%s\n" % (cid, did, cname, nv if nv else ""))
    cobj = dict(type="unit", id=cid, kind="commune", parent=did, name=cname,
                declared_children=nv if nv else None)
    if nv:
        f.write("%svillages %d\n" % (i2, nv))
    if prof["figures"] == "commune":
        cobj["figures"] = figures(rng, prof, f, i2, cid, counts, w_fig)
    if prof["tables"] == "commune" and rng.random() < prof["table_share"]:
        cobj["table"] = table(rng, f, i2, cid, counts, w_tab)
    jl.write(jdump(cobj) + "\n")
    for _ in range(nv):
        vid = new_id()
        counts["villages"] += 1
        vname = "%s %s" % (VILLAGE_WORDS[rng.randrange(len(VILLAGE_WORDS))],
                           name(counts["villages"]))
        w_units.write("%d,village,%d,%s,\n" % (vid, cid, vname))
        vobj = dict(type="unit", id=vid, kind="village", parent=cid, name=vname,
                    declared_children=None)
        body = prof["figures"] == "village" or prof["tables"] == "village"
        if body:
            f.write('%svillage "%s" {\n' % (i2, vname))
            if prof["figures"] == "village":
                vobj["figures"] = figures(rng, prof, f, i2 + "  ", vid, counts, w_fig)
            if prof["tables"] == "village":
                vobj["table"] = table(rng, f, i2 + "  ", vid, counts, w_tab)
            f.write("%s}\n" % i2)
        else:
            f.write('%svillage "%s"\n' % (i2, vname))
        jl.write(jdump(vobj) + "\n")
    lo, hi = prof["dialogues"]
    nd = lo + rng.randrange(hi - lo + 1)
    # distinct days of January to November 2024, in order
    days = sorted(rng.sample(range(335), nd)) if nd else []
    for k, doy in enumerate(days):
        dialogue(rng, prof, f, i2, cid, k + 1, doy, counts, w_dia, w_op, jl)
    f.write("%s}\n" % ind)


def figures(rng, prof, f, ind, uid, counts, w_fig):
    vals = {}
    parts = []
    for fig, typ in prof["plain"]:
        if typ == "money":
            v = (1 + rng.randrange(500)) * 1_000_000
            parts.append("%s %sđ" % (fig, group3(v)))
        else:
            v = rng.randrange(20, 5000)
            parts.append("%s %d" % (fig, v))
        vals[fig] = v
        w_fig.write("%d,%s,%d\n" % (uid, fig, v))
        counts["figures"] += 1
    # four figures a line, as reports list them
    for i in range(0, len(parts), 4):
        f.write("%s%s\n" % (ind, "  ".join(parts[i:i + 4])))
    return vals


def table(rng, f, ind, uid, counts, w_tab):
    """Petitions by type and by eligibility then type: a two-way table."""
    el = [rng.randrange(0, 30) for _ in range(3)]
    ine = [rng.randrange(0, 10) for _ in range(3)]
    col = [el[i] + ine[i] for i in range(3)]
    tot = sum(col)
    ela, inea = list(el), list(ine)
    r = rng.random()
    if r < 0.02:
        ela[rng.randrange(3)] += 1   # a cell off by one: its row and its column fail
    counts["tables"] += 1
    e_tot, i_tot = sum(el), sum(ine)
    f.write("%spetitions %d \"đơn\" { complaint %d  denunciation %d  proposal %d } {\n"
            % (ind, tot, col[0], col[1], col[2]))
    f.write("%s  eligible %d { complaint %d  denunciation %d  proposal %d }\n"
            % (ind, e_tot, ela[0], ela[1], ela[2]))
    f.write("%s  ineligible %d { complaint %d  denunciation %d  proposal %d }\n%s}\n"
            % (ind, i_tot, inea[0], inea[1], inea[2], ind))
    row = [tot] + col + [e_tot] + ela + [i_tot] + inea
    w_tab.write("%d,%s\n" % (uid, ",".join(str(x) for x in row)))
    keys = ["total", "complaint", "denunciation", "proposal", "eligible", "el_complaint",
            "el_denunciation", "el_proposal", "ineligible", "in_complaint", "in_denunciation",
            "in_proposal"]
    return dict(zip(keys, row))


def dialogue(rng, prof, f, ind, cid, k, doy, counts, w_dia, w_op, jl):
    did = counts["dialogues"] + 1
    counts["dialogues"] = did
    date = day_of_year_to_date(doy)
    r = rng.random()
    if r < 0.10:
        concl = None                                      # unknown for the rule
    elif r < 0.15:
        concl = day_of_year_to_date(doy + 16 + rng.randrange(10))   # late: fails
    else:
        concl = day_of_year_to_date(doy + 2 + rng.randrange(14))    # within 15 days
    invited = rng.randrange(40, 400)
    attended = invited - rng.randrange(0, invited // 3)
    if rng.random() < 0.005:
        attended = invited + 1 + rng.randrange(10)        # impossible: fails
    lo, hi = prof["opinions"]
    nops = lo + rng.randrange(hi - lo + 1) if hi else 0
    i2 = ind + "  "
    f.write('%sdialogue %s "Hội nghị đối thoại lần %d" {\n' % (ind, date, k))
    if concl:
        f.write('%sconclusion "%d/TB-UBND" %s\n' % (i2, did, concl))
    f.write("%sinvited %d  attended %d\n" % (i2, invited, attended))
    ops = []
    by = [0] * 5
    for _ in range(nops):
        x = rng.random()
        s = 0
        while x >= STATUS_CUM[s]:
            s += 1
        by[s] += 1
        t = rng.randrange(len(TOPICS))
        x = rng.random()
        sat = "yes" if x < 0.6 else ("no" if x < 0.85 else "")
        text = "%s %s" % (PREFIXES[rng.randrange(len(PREFIXES))], TOPICS[t][1])
        ops.append((t, s, sat, text))
    decl = None
    if nops:
        decl = list(by)
        total = nops
        r = rng.random()
        if r < 0.01:
            total += 1                         # declared total off by one: sum and items fail
        elif r < 0.02:
            decl[rng.randrange(5)] += 1        # a part off by one: sum and items fail
        f.write("%sopinions %d { %s }\n" % (i2, total, "  ".join(
            "%s %d" % (STATUSES[i], decl[i]) for i in range(5))))
        decl = [total] + decl
    for t, s, sat, text in ops:
        f.write('%sopinion "%s" { topic %s status %s%s }\n'
                % (i2, text, TOPICS[t][0], STATUSES[s], (" satisfied " + sat) if sat else ""))
        w_op.write("%d,%s,%s,%s\n" % (did, TOPICS[t][0], STATUSES[s], sat))
    counts["opinions"] += nops
    f.write("%s}\n" % ind)
    w_dia.write("%d,%d,%s,%s,%d,%d,%s\n" % (did, cid, date, concl or "", invited, attended,
                                            ",".join(str(x) for x in decl) if decl else ",,,,,"))
    o = dict(type="dialogue", id=did, unit=cid, date=date, conclusion=concl, invited=invited,
             attended=attended, declared=dict(zip(["opinions"] + STATUSES, decl)) if decl else None,
             opinions=[dict(topic=TOPICS[t][0], status=STATUSES[s],
                            satisfied=(True if sat == "yes" else False if sat == "no" else None))
                       for t, s, sat, _ in ops])
    jl.write(jdump(o) + "\n")


RULES_AND_INDICATORS = '''\
rule dialogue_held "Mỗi xã tổ chức ít nhất một hội nghị đối thoại trong năm" {
  each commune
  require: dialogues >= 1
}
rule conclusion_in_time "Thông báo kết luận trong 15 ngày sau hội nghị" {
  each dialogue
  require: conclusion - date <= 15
}

indicator resolved_rate "Tỷ lệ ý kiến đã giải quyết (số báo cáo, gộp)" = percent(opinions.resolved, opinions)
indicator resolved_items "Tỷ lệ ý kiến đã giải quyết (liệt kê, gộp)" = share(opinion, status == "resolved")
indicator commune_rate_mean "Trung bình tỷ lệ giải quyết của các xã" = mean(commune, percent(opinions.resolved, opinions))
indicator communes_with_dialogue "Số xã đã tổ chức đối thoại" = count(commune, dialogues >= 1)
indicator dialogue_share "Tỷ lệ xã đã tổ chức đối thoại" = share(commune, dialogues >= 1)
indicator attendance_rate "Tỷ lệ đại biểu tham dự" = percent(attended, invited)
indicator satisfied_rate "Tỷ lệ ý kiến hài lòng" = share(opinion, satisfied)
indicator opinions_listed "Số ý kiến liệt kê" = count(opinion)
indicator dialogues_held "Số hội nghị" = count(dialogue)
indicator communes_listed "Số xã" = count(commune)
indicator villages_listed "Số thôn, bản" = count(village)
indicator households_total "Tổng số hộ" = households
indicator house_support_total "Tổng kinh phí hỗ trợ xây nhà" = house_support
indicator petitions_total "Tổng số đơn" = petitions
indicator eligible_rate "Tỷ lệ đơn đủ điều kiện xử lý" = percent(petitions.eligible, petitions)

'''


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--profile", choices=sorted(PROFILES), default="national")
    ap.add_argument("--seed", default="2024")
    ap.add_argument("--split", action="store_true", help="one .dlg per district")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    meta = generate(args)
    json.dump(meta, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
