"""Plotly figures to PNG with kaleido: one Chromium for all figures of a report.

kaleido 1.x drives an installed Chrome/Chromium (Debian's `chromium` on PATH; `BROWSER_PATH`
overrides). Starting the browser costs seconds, so a report starts it once, renders every figure
in one session and closes it. MathJax is switched off (it would be fetched from a CDN) and
plotly.js comes from the installed plotly package: no network.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from pathlib import Path

import plotly.graph_objects as go

from dashboard.labels import label
from dashboard.report.content import ReportError

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
                 "chrome")
TIMEOUT_S = 60


def browser_path() -> str:
    """The Chromium kaleido will use; ReportError (Dutch) when there is none."""
    if env := os.environ.get("BROWSER_PATH"):
        if Path(env).is_file() and os.access(env, os.X_OK):
            return env
        raise ReportError(label("rpt_bad_browser_path", path=env))
    for name in BROWSER_NAMES:
        if found := shutil.which(name):
            return found
    raise ReportError(label("rpt_no_browser"))


async def _render_all(figures: list[tuple[go.Figure, dict]], path: str) -> list[bytes]:
    import kaleido

    images = []
    async with kaleido.Kaleido(n=1, timeout=TIMEOUT_S, mathjax=False, path=path) as k:
        for fig, opts in figures:
            images.append(await k.calc_fig(fig, opts={"format": "png", **opts}))
    return images


def render_png(figures: list[tuple[go.Figure, dict]]) -> list[bytes]:
    """PNG bytes of each (figure, opts) — opts: width, height, scale — in one browser session.

    Runs in its own thread with its own event loop, so a caller that already runs an asyncio
    loop (a web server) is not disturbed.
    """
    if not figures:
        return []
    path = browser_path()
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["images"] = asyncio.run(_render_all(figures, path))
        except BaseException as exc:  # handed to the caller's thread
            result["error"] = exc

    worker = threading.Thread(target=run, name="kaleido-render", daemon=True)
    worker.start()
    worker.join()
    if "error" in result:
        exc = result["error"]
        raise ReportError(label("rpt_render_failed", path=path,
                                error=f"{type(exc).__name__}: {exc}")) from exc
    return result["images"]  # type: ignore[return-value]
