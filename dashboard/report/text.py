"""Values as Dutch text: 1.234 · 72,5% · 29,5 dagen · 25-11-2026 13:46."""

from __future__ import annotations

from datetime import date, datetime


def _nl(text: str) -> str:
    """Swap the English separators of a formatted number for Dutch ones."""
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def display(value: object, kind: str, *, signed: bool = False) -> str:
    """A value as shown in a report; "" for an empty cell."""
    if value is None:
        return ""
    if kind == "flag" or isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        return f"{value:%d-%m-%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    if not isinstance(value, int | float):
        return str(value)
    sign = "+" if signed else ""
    if kind == "share":
        return _nl(f"{value * 100:{sign},.1f}") + (" %-punt" if signed else "%")
    if kind == "days":
        return _nl(f"{value:{sign},.1f}")
    if kind == "rate":
        return _nl(f"{value:{sign},.2f}")
    if kind in ("count", "hours"):
        return _nl(f"{round(value):{sign},d}")
    return _nl(f"{value:{sign},}") if isinstance(value, int) else _nl(f"{value:{sign},.2f}")
