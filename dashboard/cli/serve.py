"""`pib serve`: start Streamlit on the dashboard entry file with production-safe settings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dashboard.access import has_users
from etl.settings import warehouse_path

APP = Path(__file__).resolve().parents[1] / "app" / "main.py"

STREAMLIT_FLAGS = {
    "server.headless": "true",
    "server.fileWatcherType": "none",
    "browser.gatherUsageStats": "false",
    "client.toolbarMode": "viewer",
    "client.showErrorDetails": "false",
    "theme.base": "light",
    "theme.primaryColor": "#1f5f8b",
}


def command(port: int, local_only: bool) -> list[str]:
    settings = {**STREAMLIT_FLAGS, "server.port": str(port)}
    if local_only:
        settings["server.address"] = "127.0.0.1"
    flags = [f"--{k}={v}" for k, v in settings.items()]
    return [sys.executable, "-m", "streamlit", "run", str(APP), *flags]


def run(db: str | Path | None = None, port: int = 8501) -> None:
    """Replace this process by the Streamlit server for the dashboard."""
    env = {**os.environ, "PIB_DB": str(warehouse_path(db).resolve())}
    login = has_users(db)
    if not login:
        print("Let op: er zijn geen gebruikers, dus inloggen staat uit en het dashboard is "
              "alleen op deze computer bereikbaar. Voeg gebruikers toe met `pib users add`.")
    print(f"Passend in Beeld draait op http://localhost:{port} (stoppen met Ctrl+C)", flush=True)
    args = command(port, local_only=not login)
    os.execve(args[0], args, env)  # become Streamlit: one process to stop, signals reach it
