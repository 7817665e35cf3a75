"""`pib serve`: start Streamlit on the dashboard's ASGI entry with production-safe settings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dashboard.access import LOGIN_ENV, has_users
from etl.settings import warehouse_path

APP = Path(__file__).resolve().parents[1] / "app" / "server.py"
LOCALHOST = "127.0.0.1"

STREAMLIT_FLAGS = {
    "server.headless": "true",
    "server.fileWatcherType": "none",
    "browser.gatherUsageStats": "false",
    "client.toolbarMode": "viewer",
    "client.showErrorDetails": "false",
    "theme.base": "light",
    "theme.primaryColor": "#1f5f8b",
}


class ServeRefused(Exception):
    """`pib serve` will not start as asked (a Dutch sentence)."""


def command(port: int, host: str = LOCALHOST) -> list[str]:
    """The `streamlit run` command line for the dashboard on `host:port`."""
    settings = {**STREAMLIT_FLAGS, "server.port": str(port), "server.address": host}
    flags = [f"--{k}={v}" for k, v in settings.items()]
    return [sys.executable, "-m", "streamlit", "run", str(APP), *flags]


def run(db: str | Path | None = None, port: int = 8501, host: str = LOCALHOST) -> None:
    """Replace this process by the Streamlit server for the dashboard, bound to `host` (only
    this computer by default). With users in the store, login is required for the life of the
    server whatever later happens to the store; without users a host other than this computer
    is refused (ServeRefused), since everyone reaching it would see everything."""
    login = has_users(db)
    if not login and host not in (LOCALHOST, "localhost", "::1"):
        raise ServeRefused(f"Er zijn geen gebruikers, dus inloggen staat uit: het dashboard "
                           f"start niet op {host}, want dan kan iedereen in het netwerk alles "
                           "zien. Voeg eerst gebruikers toe met `pib users add`, of start "
                           "zonder --host (alleen op deze computer).")
    env = {**os.environ, "PIB_DB": str(warehouse_path(db).resolve())}
    if login:
        env[LOGIN_ENV] = "required"
    else:
        env.pop(LOGIN_ENV, None)
        print("Let op: er zijn geen gebruikers, dus inloggen staat uit en het dashboard is "
              "alleen op deze computer bereikbaar. Voeg gebruikers toe met `pib users add`.")
    shown = "localhost" if host == LOCALHOST else host
    print(f"Passend in Beeld draait op http://{shown}:{port} (stoppen met Ctrl+C)", flush=True)
    args = command(port, host)
    os.execve(args[0], args, env)  # become Streamlit: one process to stop, signals reach it
