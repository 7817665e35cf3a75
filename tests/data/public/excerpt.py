"""Rebuild the excerpts of this folder from the full public files (see README.md here).

    python tests/data/public/excerpt.py /work/shared/public-data

Every excerpt line is a line of the original, unchanged and in the original order: the CBS
export keeps its BOM, CRLF and quoting, the DUO GeoJSON keeps one feature per line.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
# pib.toml's region (Zwolle and surroundings) and the not-assignable row: every line.
CBS_FULL = {"Zwolle", "Kampen", "Dalfsen", "Hattem", "Zwartewaterland", "Staphorst",
            "Steenwijkerland", "Olst-Wijhe", "Raalte", "Gemeenten; niet in te delen"}
# Herindelingen the tests work out by hand: every school type in one period.
CBS_PERIOD = {("Heerhugowaard", "2021/'22"), ("Langedijk", "2021/'22"),
              ("Groesbeek", "2014/'15"), ("Millingen aan de Rijn", "2014/'15"),
              ("Ubbergen", "2014/'15"), ("Oisterwijk", "2020/'21"), ("Haaren", "2020/'21")}
# Every other name: its "Speciaal onderwijs" line in the first and the last filled period.
CBS_EVERY_NAME = "Speciaal onderwijs"
DUO_REGION = {"ZWOLLE", "KAMPEN", "DALFSEN", "HATTEM", "ZWARTEWATERLAND", "STAPHORST",
              "STEENWIJKERLAND", "OLST-WIJHE", "RAALTE"}
DUO_OTHER_REGION = "URK"  # a second region, every feature


def _fields(line: str) -> list[str]:
    """sex, type, period, name, value of one export line (the name may hold a `;`)."""
    head = line.split(";", 3)
    name, _, value = head[3].rpartition(";")
    return [f.strip('"') for f in head[:3]] + [name.strip('"'), value]


def cbs(source: Path, target: Path) -> None:
    text = source.read_bytes().decode("utf-8")
    header, *lines = text.split("\r\n")
    lines = [line for line in lines if line]
    rows = [_fields(line) for line in lines]
    keep = {i for i, (_, _, period, name, _) in enumerate(rows)
            if name in CBS_FULL or (name, period) in CBS_PERIOD}
    filled: dict[str, list[int]] = {}
    for i, (_, kind, _, name, value) in enumerate(rows):
        if kind.strip() == CBS_EVERY_NAME and value:
            filled.setdefault(name, []).append(i)
    keep |= {i for found in filled.values() for i in (found[0], found[-1])}
    kept = [lines[i] for i in sorted(keep)]
    target.write_bytes(("\r\n".join([header, *kept]) + "\r\n").encode("utf-8"))


def duo(source: Path, target: Path) -> None:
    with zipfile.ZipFile(source) as archive:
        member = archive.getinfo("scholen.geo.json")
        text = archive.read(member).decode("utf-8")
    lines = text.split("\n")
    start = lines.index('"features": [') + 1
    end = lines.index("]", start)
    features = [line.rstrip(",") for line in lines[start:end]]
    seen_names: set[str] = set()
    seen_types: set[str] = set()
    keep = []
    for line in features:
        gemeente = line.split('"gemeente": "', 1)[1].split('"', 1)[0]
        kind = line.split('"type": "', 2)[2].split('"', 1)[0]
        if (gemeente in DUO_REGION or gemeente == DUO_OTHER_REGION
                or gemeente not in seen_names or kind not in seen_types):
            keep.append(line)
        seen_names.add(gemeente)
        seen_types.add(kind)
    body = "\n".join([*lines[:start], ",\n".join(keep), *lines[end:]])
    # The original member's name and timestamp, so that a rebuild gives the same bytes.
    entry = zipfile.ZipInfo(member.filename, member.date_time)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(entry, body, compress_type=zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    public = Path(sys.argv[1])
    cbs(public / "cbs-speciaal-onderwijs-gemeente" / "speciaal_onderwijs.csv",
        HERE / "speciaal_onderwijs.csv")
    duo(public / "duo-scholen-geo-2024" / "scholen20241122.geo.zip",
        HERE / "scholen20241122.geo.zip")
