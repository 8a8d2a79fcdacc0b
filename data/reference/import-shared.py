#!/usr/bin/env python3
"""Regenerate legislative-acts.tsv and abbreviations.tsv from ../shared/reference/ (run from the repo root).

Kept beside the data so the provenance of every row is reproducible:
- rows of laws.tsv (confidence A and B) are copied with their source; candidates_unverified.tsv is not used;
- `replaces`/`amends` are split on ';', the Constitutions' "Hiến pháp 1980" become their titles, and values
  that are not numbers ("KHÔNG") are dropped;
- numbers named in a `replaces` or `amends` that have no row of their own become number-only rows
  (confidence R, empty title), so every link resolves and identity can still join them;
- title variants lose their editorial notes ("(amended by …)").
"""
import csv, re, sys

SRC = "../shared/reference"
rows = list(csv.DictReader(open(f"{SRC}/laws.tsv", encoding="utf-8"), delimiter="\t"))
NUMBER = re.compile(r"^\d{1,3}(?:/\d{4})?[/-][\w/-]+$")


def constitution_title(value):
    """The title of the Constitution of the year `value` names ("Hiến pháp 1992")."""
    year = re.search(r"\d{4}", value).group(0)
    for row in rows:
        if row["kind"] == "Hiến pháp" and year in (row["date_passed"][:4], row["title"][-4:]):
            return title_of(row)
    return None


def links(value):
    out = []
    for part in (p.strip() for p in value.split(";")):
        if not part:
            continue
        if part.startswith("Hiến pháp"):
            out.append(constitution_title(part))
        elif NUMBER.match(part):
            out.append(part)
    return out


def title_of(row):
    # The 2013 Constitution's title carries no year; every Constitution is named "… năm YYYY" so the
    # five stay apart and `replaces` can name them.
    title = row["title"]
    if row["kind"] == "Hiến pháp" and not re.search(r"\d{4}$", title):
        title = f"{title} năm {row['date_passed'][:4]}"
    return title


def variants(value):
    out = []
    for part in (p.strip() for p in value.split("|")):
        part = re.sub(r"\s*\(.*?\)\s*", "", part).strip()
        if part and part not in out:
            out.append(part)
    return out


known = {row["number"].upper().replace("PL-", "") for row in rows if row["number"]}
out_rows = []
for row in rows:
    out_rows.append({
        "kind": row["kind"], "title": title_of(row), "number": row["number"],
        "date_passed": row["date_passed"], "date_in_force": row["date_in_force"],
        "replaces": ";".join(links(row["replaces"])), "amends": ";".join(links(row["amends"])),
        "variants": "|".join(variants(row["title_variants"])), "confidence": row["confidence"],
        "source": row["source"],
    })
referenced = {}
for row in out_rows:
    for number in row["replaces"].split(";") + row["amends"].split(";"):
        if number and not number.startswith("Hiến") and number.upper().replace("PL-", "") not in known:
            referenced.setdefault(number, row["number"])
for number, by in sorted(referenced.items()):
    kind = "Pháp lệnh" if "UBTVQH" in number else "Luật"
    out_rows.append({
        "kind": kind, "title": "", "number": number, "date_passed": "", "date_in_force": "",
        "replaces": "", "amends": "", "variants": "", "confidence": "R",
        "source": f"named in the repeal or amendment links of {by} (../shared/reference/laws.tsv)",
    })

fields = ["kind", "title", "number", "date_passed", "date_in_force", "replaces", "amends", "variants", "confidence", "source"]
with open("data/reference/legislative-acts.tsv", "w", encoding="utf-8", newline="") as f:
    f.write("\t".join(fields) + "\n")
    for row in out_rows:
        f.write("\t".join(row[field].replace("\t", " ") for field in fields) + "\n")

aliases = list(csv.DictReader(open(f"{SRC}/aliases.tsv", encoding="utf-8"), delimiter="\t"))
with open("data/reference/abbreviations.tsv", "w", encoding="utf-8", newline="") as f:
    f.write("abbreviation\texpansion\tsource\n")
    for a in aliases:
        expansion = re.sub(r"\s*\(.*$", "", a["expansion"]).strip()
        source = a["source"].replace("\t", " ").strip()
        f.write(f"{a['abbr']}\t{expansion}\t{source}\n")
    # Seen in the project's own corpus, not in aliases.tsv.
    f.write("DN\tdoanh nghiệp\t../shared/corpus/portal/docs/cv_bkhdt_3397_2019.txt (\"Luật DN 2014\" = Luật Doanh nghiệp)\n")
    # The abbreviations the scorer and the project's name folding expanded before the text module.
    f.write('KCB\tkhám bệnh, chữa bệnh\t../shared/tools/score-citations.py (ABBREV); "đi KCB đúng tuyến" in ../shared/corpus/portal/docs/qd_bhxh_1666_2020.txt\n')
    f.write('BMNN\tbí mật nhà nước\t../shared/tools/score-citations.py (ABBREV: the scorer expands it in law titles)\n')
    f.write('NCC\tngười có công\t../shared/tools/score-citations.py (ABBREV: "Pháp lệnh Ưu đãi NCC")\n')
    f.write('DQTV\tdân quân tự vệ\tcontent/sources/003_f8ae4b4c567c2712.txt ("lực lượng DQTV")\n')
    f.write("GDQP\tgiáo dục quốc phòng\tthe project's earlier name-folding table (src/pipeline/resolve/fold.ts)\n")
    f.write("GDQP-AN\tgiáo dục quốc phòng và an ninh\tthe project's earlier name-folding table (src/pipeline/resolve/fold.ts)\n")
    f.write("QP-AN\tquốc phòng, an ninh\tthe project's earlier name-folding table (src/pipeline/resolve/fold.ts)\n")
print(len(out_rows), "acts,", len(aliases), "abbreviations", file=sys.stderr)
