"""Keyed pseudonyms for pupil ids: HMAC-SHA256 under a secret key, computed in DuckDB.

The key comes from `PIB_SECRET` or is generated once into `.secret` (mode 0600) beside the
warehouse (`data/.secret` by default). The same id maps to the same pseudonym under one key, so
a pupil's referrals and out-of-school episodes link; without the key the id cannot be recovered.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import duckdb
import polars as pl

from etl.settings import warehouse_path

PSEUDONYM_LENGTH = 24  # hex characters (96 bits): no collisions at national scale
_BLOCK = 64  # SHA-256 block size in bytes


def secret_key(db: str | Path | None = None) -> bytes:
    """The pseudonymisation key; created on first use when `PIB_SECRET` is not set."""
    if env := os.environ.get("PIB_SECRET"):
        return env.encode("utf-8")
    path = warehouse_path(db).resolve().parent / ".secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text(encoding="ascii").strip().encode("ascii")


class Pseudonymiser:
    """Keyed pseudonyms as one SQL expression (`sql`, with the query parameters `params`), and
    applied to the given columns of Polars frames (`apply`)."""

    def __init__(self, key: bytes):
        if len(key) > _BLOCK:
            raise ValueError("De pseudonimiseringssleutel is langer dan 64 bytes.")
        padded = key.ljust(_BLOCK, b"\0")
        self.params = {
            "ipad": bytes(b ^ 0x36 for b in padded),
            "opad": bytes(b ^ 0x5C for b in padded),
        }
        self._con = duckdb.connect()

    @staticmethod
    def sql(column: str) -> str:
        """HMAC-SHA256 (truncated hex) of a trimmed text column; null stays null."""
        return (f"case when {column} is null then null else left(sha256($opad || "
                f"unhex(sha256($ipad || encode({column})))), {PSEUDONYM_LENGTH}) end")

    def apply(self, frame: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
        """The frame with each named column replaced by its pseudonym (null stays null)."""
        if not columns or frame.height == 0:
            return frame
        return frame.with_columns(self._hash(frame.get_column(c)) for c in columns)

    def _hash(self, ids: pl.Series) -> pl.Series:
        """The pseudonym of each trimmed id, one DuckDB pass over one column."""
        ids_frame = ids.str.strip_chars().replace("", None).alias("id").to_frame()  # noqa: F841
        hashed = self._con.sql(f"select {self.sql('id')} as id from ids_frame",
                               params=self.params).pl()
        return hashed.get_column("id").alias(ids.name)

    def close(self) -> None:
        self._con.close()
