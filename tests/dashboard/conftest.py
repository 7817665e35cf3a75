"""Dashboard fixtures: a small demo warehouse, a real `pib serve` on a free port, a browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dashboard import access
from dashboard.app.navigation import BY_KEY
from dashboard.labels import label
from etl.demo import generate
from etl.load import load

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A loaded demo warehouse (small, fixed seed), built once per test session."""
    home = tmp_path_factory.mktemp("demo")
    os.environ.setdefault("PIB_SECRET", "test-secret-key-of-at-least-32-bytes")
    generate(home / "csv", pupils=6000, years=3, seed=7)
    db = home / "warehouse.duckdb"
    load([home / "csv"], db=db)
    return db


@pytest.fixture
def use_demo(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PIB_DB", str(demo_db))
    return demo_db


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"pib serve stopped with exit code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not become healthy in {timeout} s")


@contextmanager
def serving(db: Path, log: Path, cwd: Path | None = None,
            port: int | None = None) -> Iterator[str]:
    """`pib serve` on a free port (or `port`) against `db`, run in `cwd` (where Streamlit looks
    for `.streamlit/secrets.toml`); yields its base URL, stops it afterwards."""
    port = port or _free_port()
    pib = str(Path(sys.executable).with_name("pib"))
    env = {**os.environ, "PIB_DB": str(db)}
    with open(log, "w") as out:
        proc = subprocess.Popen([pib, "serve", "--db", str(db), "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def server(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard on the demo warehouse with login off."""
    with serving(demo_db, tmp_path_factory.mktemp("serve") / "serve.log") as url:
        yield url


@pytest.fixture(scope="session")
def app_url(server: str, browser) -> str:
    """The served app, warmed up: Streamlit registers the st.navigation pages on the first
    script run of a server process, so a deep link before any run shows "Page not found"
    (streamlit/streamlit#9624). One visit to / first, as after any restart, until the default
    page (Overzicht) has been drawn and its run has finished."""
    from playwright.sync_api import expect

    page = browser.new_page()
    page.goto(server)
    expect(page.locator("h1").first).to_have_text(label(BY_KEY["overview"].title))
    wait_for_app(page)
    page.close()
    return server


USERS = {  # name: (role, password, schools)
    "bea": ("bestuur", "wachtwoord-bestuur", ()),
    "kim": ("kwaliteit", "wachtwoord-kwaliteit", ()),
    "sam": ("school", "wachtwoord-school", ("SCH0001", "SCH0002")),
    "ben": ("beheer", "wachtwoord-beheer", ()),
}


@pytest.fixture(scope="session")
def login_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo warehouse with one user per role."""
    db = tmp_path_factory.mktemp("login") / "warehouse.duckdb"
    shutil.copyfile(demo_db, db)
    for name, (role, password, schools) in USERS.items():
        access.add_user(name, role, password, schools, db=db)
    return db


@pytest.fixture(scope="session")
def login_server(login_db: Path) -> Iterator[str]:
    """The dashboard on `login_db` (login on)."""
    with serving(login_db, login_db.with_name("serve.log")) as url:
        yield url


# Generous, for a busy machine (2 cores shared with other test runs): every `expect` waits up
# to this long for the state it asserts before it fails.
EXPECT_TIMEOUT = 60_000  # ms


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (no browser download); `expect` waits up to
    EXPECT_TIMEOUT."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run should have installed it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT)
    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--headless", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield chromium
        chromium.close()


@contextmanager
def browser_page(browser, width: int = 1400, height: int = 900, **options: object):
    """A page in a fresh browser context (its own cookies) of width x height pixels; the
    context is closed afterwards. `options` go to `browser.new_context` (e.g. locale)."""
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser):
    """A 1400 x 900 page in a fresh context; a test module wanting another size overrides it
    with `browser_page`."""
    with browser_page(browser) as found:
        yield found


IDLE = ('[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
        '[data-test-script-state="notRunning"]')


def wait_for_app(page) -> None:
    """Wait until the app is connected and no script run is going on. Right after a click or
    a navigation that alone proves nothing (the run it starts may not have begun), so a test
    first waits with `expect` for an element that only that run draws, then calls this before
    it asserts that something is absent."""
    from playwright.sync_api import expect

    expect(page.locator(IDLE)).to_be_attached()
