"""Shared fixtures. Autouse: no test ever touches a developer's own warehouse, key or settings."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_DATA = Path(__file__).parent / "data"
# Excerpts of real public files (CBS, DUO), shipped with the tests: see tests/data/public/README.md.
PUBLIC_DATA = TEST_DATA / "public"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point PIB_DB, PIB_SECRET, PIB_CONFIG and the key file's folder (XDG_CONFIG_HOME) at a
    private folder (the repo's pib.toml copied)."""
    home = tmp_path_factory.mktemp("pib")
    config = home / "pib.toml"
    config.write_text((ROOT / "pib.toml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("PIB_DB", str(home / "warehouse.duckdb"))
    monkeypatch.setenv("PIB_SECRET", "test-secret-key-of-at-least-32-bytes")
    monkeypatch.setenv("PIB_CONFIG", str(config))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("PIB_KEY_FILE", raising=False)
    return home


@pytest.fixture
def warehouse(isolated_env: Path) -> Path:
    """The isolated warehouse path (not yet created)."""
    return isolated_env / "warehouse.duckdb"
