"""Keyed pseudonyms for pupil ids: HMAC-SHA256 under a secret key, computed in Polars.

Where the key comes from (`secret_key`):
1. `PIB_SECRET` (at least `MIN_KEY_BYTES` bytes of text), else
2. the key file `PIB_KEY_FILE`, else `$XDG_CONFIG_HOME/passend-in-beeld/secret` (by default
   `~/.config/passend-in-beeld/secret`): generated once (64 random hex characters, mode 0600),
   deliberately NOT beside the warehouse, so that a copy of the data folder holds no key. A key
   file that group or others may read is refused, as is a key shorter than 32 bytes; a key
   longer than the 64-byte HMAC block is hashed down as HMAC prescribes. A key file left beside
   the warehouse by an older version (`data/.secret`) is moved to the new place once.

The same id maps to the same pseudonym under one key, so a pupil's referrals and out-of-school
episodes link; without the key the id cannot be recovered. The warehouse stores the key's
fingerprint (an HMAC of a fixed text, which reveals nothing of the key) in `pseudonym_key`; a
load under another key is refused (`check_key`), because its pseudonyms would count the same
pupils twice. The key cannot be rotated in place: pseudonyms are one-way, and the raw ids are
not stored, so changing the key means loading the source files again into a new warehouse.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import shutil
import stat
from pathlib import Path

import duckdb
import polars as pl
import polars_hash  # noqa: F401 — registers the `chash` namespace (HMAC-SHA256) on expressions

from etl.settings import warehouse_path
from etl.warehouse import WarehouseError, reader

PSEUDONYM_LENGTH = 24  # hex characters (96 bits): no collisions at national scale
MIN_KEY_BYTES = 32
_FINGERPRINT_TEXT = b"passend-in-beeld pseudonym key fingerprint"


class KeyProblem(WarehouseError):
    """The pseudonymisation key is unusable, unsafe or not the warehouse's (a Dutch sentence);
    nothing was changed."""


def key_file() -> Path:
    """`PIB_KEY_FILE`, else `$XDG_CONFIG_HOME/passend-in-beeld/secret` (XDG_CONFIG_HOME
    defaults to ~/.config)."""
    if env := os.environ.get("PIB_KEY_FILE"):
        return Path(env)
    config = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(config) / "passend-in-beeld" / "secret"


def _legacy_key_file(db: str | Path | None) -> Path:
    return warehouse_path(db).resolve().parent / ".secret"


def _check_length(key: bytes, where: str) -> bytes:
    if len(key) < MIN_KEY_BYTES:
        raise KeyProblem(f"De pseudonimiseringssleutel uit {where} is {len(key)} bytes lang; "
                         f"dat is te kort om te raden te weerstaan. Gebruik minstens "
                         f"{MIN_KEY_BYTES} bytes, bijvoorbeeld de uitvoer van "
                         "`python -c \"import secrets; print(secrets.token_hex(32))\"`.")
    return key


def _read_key_file(path: Path) -> bytes:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise KeyProblem(f"Het sleutelbestand {path} is leesbaar voor anderen (modus "
                         f"{mode:o}); met die sleutel zijn de pseudoniemen terug te rekenen. "
                         f"Maak het privé met `chmod 600 {path}` en probeer het opnieuw.")
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyProblem(f"Het sleutelbestand {path} kan niet gelezen worden ({exc}).") from None
    return _check_length(text.encode("ascii"), str(path))


def _move_legacy(legacy: Path, path: Path) -> None:
    """Move a key file of an older version from beside the warehouse to `path` (mode 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, open(legacy, "rb") as src:
        shutil.copyfileobj(src, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    legacy.unlink()


def secret_key(db: str | Path | None = None) -> bytes:
    """The pseudonymisation key (see the module): from `PIB_SECRET`, else the key file,
    created on first use. Raises KeyProblem for a short key or a key file others may read."""
    if env := os.environ.get("PIB_SECRET"):
        return _check_length(env.encode("utf-8"), "PIB_SECRET")
    path = key_file()
    legacy = _legacy_key_file(db)
    if not path.exists() and legacy.is_file():
        _read_key_file(legacy)  # refuse an unsafe or short one before moving it
        _move_legacy(legacy, path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it just now
            return _read_key_file(path)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return _read_key_file(path)


class Pseudonymiser:
    """Keyed pseudonyms as a Polars expression (`expr`), applied to the given columns of
    frames (`apply`). `fingerprint` names the key.

    The HMAC-SHA256 (RFC 2104; a key longer than the 64-byte block is hashed first) is
    polars-hash's `hmac_sha256`, which runs in Rust with the CPU's SHA instructions: about
    0.4 µs per id, against 1.5 µs for the same HMAC written with DuckDB's `sha256` before, and
    it runs in the thread that reads and checks a file, beside DuckDB's insert. The pseudonyms
    are the same bytes as before: `tests/etl/test_pseudonym.py` holds them equal to Python's
    `hmac`. Raises KeyProblem for a key that is not text (every key comes from text: the
    environment or the key file)."""

    def __init__(self, key: bytes):
        try:
            self._key = key.decode("utf-8")
        except UnicodeDecodeError:
            raise KeyProblem("De pseudonimiseringssleutel is geen tekst (UTF-8); maak een "
                             "nieuwe met `python -c \"import secrets; "
                             "print(secrets.token_hex(32))\"`.") from None
        self.fingerprint = hmac.new(key, _FINGERPRINT_TEXT, hashlib.sha256).hexdigest()[:16]

    def expr(self, column: str) -> pl.Expr:
        """HMAC-SHA256 (the first PSEUDONYM_LENGTH hex characters) of a text column taken as
        it is; null gives null. Named as the column."""
        return pl.col(column).chash.hmac_sha256(key=self._key).str.slice(0, PSEUDONYM_LENGTH)

    def apply(self, frame: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
        """The frame with each named column replaced by the pseudonym of its trimmed value
        (null and empty stay null)."""
        if not columns or frame.height == 0:
            return frame
        trimmed = frame.with_columns(pl.col(c).str.strip_chars().replace("", None)
                                     for c in columns)
        return trimmed.with_columns(self.expr(c) for c in columns)


def warehouse_fingerprint(db: str | Path | None = None) -> str | None:
    """The key fingerprint the warehouse was built with; None when none is recorded yet."""
    with reader(db) as con:
        known = con.execute("select count(*) from information_schema.tables "
                            "where table_name = 'pseudonym_key'").fetchone()[0]
        if not known:
            return None
        row = con.execute("select fingerprint from pseudonym_key limit 1").fetchone()
    return row[0] if row else None


def check_key(con: duckdb.DuckDBPyConnection, pseudonymiser: Pseudonymiser) -> None:
    """In a writer's transaction: record the key's fingerprint in a warehouse that has none
    (a new one, or one built before fingerprints: its key is then taken to be this one), and
    raise KeyProblem when the warehouse was built under another key."""
    con.execute("create table if not exists pseudonym_key (fingerprint varchar not null, "
                "recorded_at timestamp not null default current_timestamp)")
    row = con.execute("select fingerprint from pseudonym_key limit 1").fetchone()
    if row is None:
        con.execute("insert into pseudonym_key (fingerprint) values (?)",
                    [pseudonymiser.fingerprint])
    elif row[0] != pseudonymiser.fingerprint:
        raise KeyProblem(
            f"Dit warehouse is gebouwd met een andere pseudonimiseringssleutel (vingerafdruk "
            f"{row[0]}) dan de huidige (vingerafdruk {pseudonymiser.fingerprint}); laden zou "
            "dezelfde leerlingen twee keer tellen. Er is niets gewijzigd. Gebruik de sleutel "
            f"waarmee het warehouse is gebouwd (PIB_SECRET of {key_file()}), of laad alle "
            "bronbestanden opnieuw in een nieuw warehouse.")
