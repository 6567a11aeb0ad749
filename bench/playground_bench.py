"""Playground benchmark: the page in headless Chromium (Pyodide) against CPython on this machine.

The site is built (``python -m dockernet_sim playground build``), served on 127.0.0.1 and opened
in a headless Chromium with a new empty profile. Figures:

* ``playground_load_seconds`` — first visit: from the navigation to the first prompt usable (the
  page sets ``body[data-ready]`` once the terminal takes input), as a person waits for it;
* ``playground_import_seconds`` — of the first load, the time the page took to import this
  package once Pyodide had started (the part this project controls: its bytecode, its imports);
* ``playground_reload_seconds`` — the second visit (the service worker's cache, no network);
* ``playground_ms_per_command`` — the tutorial's commands typed into the page, mean per command
  (the command and the drawing redrawn, timed inside the page);
* ``playground_ms_per_command_vs_cpython`` — that mean over the same calls' mean in CPython
  (``Playground.run`` in this process): how much slower WebAssembly is here.

Nothing is printed for these keys when Chromium or npm is absent, or Pyodide cannot be fetched.

    python bench/playground_bench.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dockernet_sim.__main__ import DEMO, DEMO_DIRECTIVES, playground_walkthroughs  # noqa: E402
from dockernet_sim.playground.build import BuildError, build_site  # noqa: E402
from dockernet_sim.playground.page import Playground  # noqa: E402
from dockernet_sim.playground.serve import make_server  # noqa: E402

READY = "document.body && document.body.dataset.ready === '1'"


def _chromium() -> "str | None":
    return next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)


def _open(browser, url: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds from navigating to ``url`` until the prompt takes input."""
    t = time.perf_counter()
    browser.call("Page.navigate", url=url)
    browser.wait_for(READY, 300, poll=0.02)
    return time.perf_counter() - t


def cpython_ms_per_command() -> float:
    """The mean time of the tutorial's page calls (command + drawing) in CPython, in ms."""
    session = Playground()
    for d in DEMO_DIRECTIVES:
        session.directive(d)
    t = time.perf_counter()
    for _, cmd in DEMO:
        session.run(cmd)
    return (time.perf_counter() - t) * 1000 / len(DEMO)


def run() -> dict[str, object]:
    chromium = _chromium()
    if chromium is None or shutil.which("npm") is None:
        return {}
    try:
        from tests.browser.cdp import Browser      # the browser driver the browser tests use
    except ImportError:
        return {}

    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        try:
            site = build_site(Path(tmp) / "site", playground_walkthroughs())
        except BuildError:          # npm cannot fetch Pyodide (offline, no registry)
            return {}
        httpd = make_server(site, 0)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{httpd.server_address[1]}/"
        browser = Browser(chromium, Path(tmp) / "profile")
        try:
            browser.call("Page.enable")
            out["playground_load_seconds"] = round(_open(browser, url), 2)
            phases = browser.evaluate("window.pg.phases")
            out["playground_import_seconds"] = round((phases["import"] - phases["pyodide"]) / 1000, 2)
            browser.wait_for("navigator.serviceWorker.controller !== null", 60)
            out["playground_reload_seconds"] = round(_open(browser, url), 2)
            browser.evaluate("document.getElementById('walk').value = 'tutorial';"
                             "document.getElementById('walk').dispatchEvent(new Event('change')); 1")
            for k, (_, cmd) in enumerate(DEMO, 1):
                browser.evaluate("document.getElementById('line').value = ''; "
                                 "document.getElementById('line').focus(); 1")
                browser.type_line(cmd)
                browser.wait_for(f"window.pg.done >= {k}", 60)
            timings = browser.evaluate("window.pg.timings")
        finally:
            browser.close()
            httpd.shutdown()
            httpd.server_close()
    page_ms = sum(timings) / len(timings)
    out["playground_ms_per_command"] = round(page_ms, 1)
    out["playground_ms_per_command_vs_cpython"] = round(page_ms / cpython_ms_per_command(), 1)
    return out


if __name__ == "__main__":
    for key, value in sorted(run().items()):
        print(f"{key:<40} {value}")
