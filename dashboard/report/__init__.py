"""Reports for export: the inspection pack and the board report, as xlsx or pdf; the public
figures (`publiek`, `dashboard.report.public`) as html or pdf.

Pure Python (no Streamlit): used by `pib export` and by the dashboard's Rapportage page.

    from dashboard.report import build_report, write_report
    report = build_report("inspectie", "2024-2025", role="bestuur", db=None)
    write_report(report, "xlsx", "inspectie-2024-2025.xlsx")
    register = build_register(date(2025, 3, 31), role="kwaliteit")  # the thuiszitters list

Every export applies small-cell suppression: the queries run for a suppressed role whatever
role asked for the report (`kwaliteit` and `beheer` too).
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from dashboard.labels import label
from dashboard.report.content import (
    REGISTER,
    REPORTS,
    Report,
    ReportError,
    Section,
    build,
    build_register,
)
from dashboard.report.public import PUBLIC, build_public

FORMATS = ("xlsx", "pdf", "html")
# The formats of each report: the tables (REPORTS) as xlsx or pdf, the public figures as html
# or pdf, the thuiszitters list (REGISTER) as xlsx only.
REPORT_FORMATS = {**{kind: ("xlsx", "pdf") for kind in REPORTS},
                  PUBLIC: ("html", "pdf"), REGISTER: ("xlsx",)}
_AUTHOR = b"<dc:creator>Passend in Beeld</dc:creator>"  # as the xlsx writer sets it
_CREATOR = b"/Creator (Passend in Beeld)"  # as the pdf writer sets it

__all__ = ["FORMATS", "PUBLIC", "REGISTER", "REPORTS", "REPORT_FORMATS", "Report",
           "ReportError", "Section", "build_register", "build_report", "check_target",
           "deferred_register", "deferred_report", "is_report", "report_bytes", "write_report"]


def build_report(kind: str, school_year: str | None, role: str = "bestuur",
                 db: str | Path | None = None, generated_at: datetime | None = None) -> Report:
    """The content of a report (`inspectie` or `bestuur`) for a school year such as 2024-2025;
    `publiek`: the public figures up to that school year (the latest when `school_year` is
    empty).

    Raises ReportError (a ValueError with a Dutch sentence) for an unknown kind, role or an
    invalid school year. `generated_at` fixes the generation time (tests, reproducible output).
    """
    if kind == PUBLIC:
        return build_public(school_year or None, role=role, db=db, generated_at=generated_at)
    return build(kind, school_year, role=role, db=db, generated_at=generated_at)


def write_report(report: Report, fmt: str, path: str | Path) -> Path:
    """Write the report as `xlsx`, `pdf` or `html` to `path` (atomically: all or nothing)."""
    if fmt not in FORMATS:
        raise ReportError(label("rpt_unknown_format", fmt=fmt))
    target = Path(path)
    if not target.parent.exists():
        raise ReportError(label("rpt_no_folder", folder=target.parent))
    check_target(target, fmt)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if fmt == "xlsx":
            from dashboard.report.xlsx import write_xlsx

            write_xlsx(report, tmp)
        elif fmt == "html":
            from dashboard.report.html import write_html

            write_html(report, tmp)
        else:
            from dashboard.report.pdf import write_pdf

            write_pdf(report, tmp)
        tmp.chmod(0o640)  # owner and group; never world-readable
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def check_target(target: Path, fmt: str) -> None:
    """Raise ReportError when `target` exists and is not a report of format `fmt` (see
    `is_report`): a report never replaces another file."""
    if (target.exists() or target.is_symlink()) and not is_report(target, fmt):
        raise ReportError(f"{target} bestaat al en is geen {fmt}-rapport van Passend in Beeld; "
                          "het wordt niet overschreven. Kies een andere bestandsnaam.")


def is_report(path: Path, fmt: str) -> bool:
    """Whether `path` is a regular file holding a report of format `fmt` written by this
    product: an xlsx (zip) whose docProps/core.xml names "Passend in Beeld" as author, a pdf
    whose Info names it as creator, or an html file whose head has the generator meta tag of
    `dashboard.report.html`. Anything else (the warehouse, the user store, another
    workbook, a folder, a link) is not."""
    if path.is_symlink() or not path.is_file():
        return False
    if fmt == "xlsx":
        try:
            with zipfile.ZipFile(path) as book:
                core = book.read("docProps/core.xml")
        except (zipfile.BadZipFile, KeyError, OSError):
            return False
        return _AUTHOR in core
    if fmt == "html":
        from dashboard.report.html import GENERATOR

        with open(path, "rb") as fh:
            head = fh.read(4096)
        return head.startswith(b"<!DOCTYPE html>") and GENERATOR.encode() in head
    with open(path, "rb") as fh:
        data = fh.read()
    return data.startswith(b"%PDF-") and _CREATOR in data


def deferred_report(kind: str, fmt: str, school_year: str, role: str, user: str | None,
                    db: str | Path | None = None) -> Callable[[], bytes]:
    """A report built when called (a dashboard download button), and audited as an export."""
    def build() -> bytes:
        from dashboard.access import record_audit

        data = report_bytes(build_report(kind, school_year, role=role, db=db), fmt)
        record_audit("export", f"rapport {kind}, schooljaar {school_year}, formaat {fmt}, "
                     "dashboard", user, role, db)
        return data
    return build


def deferred_register(as_of: date, role: str, user: str | None,
                      db: str | Path | None = None) -> Callable[[], bytes]:
    """The thuiszitters list (xlsx) built when called (a download button), audited as an
    export; ReportError when `role` may not make it (only the exact roles may)."""
    def build() -> bytes:
        from dashboard.access import record_audit

        data = report_bytes(build_register(as_of, role=role, db=db), "xlsx")
        record_audit("export", f"rapport {REGISTER}, peildatum {as_of.isoformat()}, formaat "
                     "xlsx, dashboard", user, role, db)
        return data
    return build


def report_bytes(report: Report, fmt: str) -> bytes:
    """The file contents of the report (e.g. for a download button), written via a temp dir."""
    with tempfile.TemporaryDirectory(prefix="pib-report-") as tmp:
        return write_report(report, fmt, Path(tmp) / f"rapport.{fmt}").read_bytes()
