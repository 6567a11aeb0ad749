"""The playground in a real browser: build the site, open it in headless Chromium, type the
tutorial into its terminal and compare the screen with ``python -m dockernet_sim run`` on the same
script (same engine, same seed: identical text); the drawing must change after ``docker run``.
Then example 02 is followed as a guided walkthrough with the "next step" button (each step's
explanation shown, its command offered, the second host started), and the page must have
imported the package as bytecode compiled for its own Python.

Skipped when Chromium or npm is absent (CI installs Debian's ``chromium`` and has npm). The
screenshot is written to the test's tmp dir (printed, kept by CI as an artefact). Timings (the
page's load, the mean time per command in the browser and in CPython) are printed with ``-s``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from dockernet_sim.__main__ import DEMO, DEMO_DIRECTIVES, playground as build_cli
from dockernet_sim.playground import BuildError
from dockernet_sim.playground.build import fetch_pyodide
from dockernet_sim.playground.walkthroughs import example_walkthrough
from dockernet_sim.playground.page import Playground
from dockernet_sim.playground.serve import make_server
from tests.browser.cdp import Browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (CI installs Debian's chromium)"),
    pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed: it fetches Pyodide"),
    # one worker under pytest-xdist: the site, its server and the browser are built once, and the
    # tests use the page one after another
    pytest.mark.xdist_group("browser"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        fetch_pyodide()
    except BuildError as e:
        pytest.skip(f"pyodide is not available from npm: {e}")
    out = tmp_path_factory.mktemp("site")
    assert build_cli("build", str(out), 0) == 0
    return out


READY = "document.body && document.body.dataset.ready === '1'"


@pytest.fixture(scope="module")
def server(site: Path):  # type: ignore[no-untyped-def]
    httpd = make_server(site, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()       # a no-op if the offline test stopped it already
    httpd.server_close()


@pytest.fixture(scope="module")
def page(server, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    assert CHROMIUM is not None
    browser = Browser(CHROMIUM, tmp_path_factory.mktemp("chromium-profile"))
    try:
        browser.call("Page.enable")
        browser.call("Page.navigate", url=f"http://127.0.0.1:{server.server_address[1]}/")
        browser.wait_for(READY, 120)
        yield browser
    finally:
        browser.close()


def test_the_tutorial_typed_in_the_browser_prints_what_the_cli_prints(page: Browser, tmp_path: Path) -> None:
    script = "".join(f"#! {d}\n" for d in DEMO_DIRECTIVES) + "".join(f"{cmd}\n" for _, cmd in DEMO)
    (tmp_path / "tutorial.sh").write_text(script)
    t0 = time.perf_counter()
    cli = subprocess.run([sys.executable, "-m", "dockernet_sim", "--engine", "28", "--seed", "0", "run",
                          str(tmp_path / "tutorial.sh")], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    cli_seconds = time.perf_counter() - t0
    assert cli.returncode == 0, cli.stderr

    page.evaluate("document.getElementById('walk').value = 'tutorial';"
                  "document.getElementById('walk').dispatchEvent(new Event('change')); 1")
    first_svg = page.evaluate("document.getElementById('drawing').innerHTML")
    svgs = [first_svg]
    for k, (_, cmd) in enumerate(DEMO, 1):
        # the walkthrough fills the line in: clear it and type the command as a person would
        page.evaluate("document.getElementById('line').value = ''; document.getElementById('line').focus(); 1")
        page.type_line(cmd)
        page.wait_for(f"window.pg.done >= {k}", 60)
        svgs.append(page.evaluate("document.getElementById('drawing').innerHTML"))

    screen = page.evaluate("document.getElementById('screen').textContent")
    assert screen == cli.stdout
    # the first command (network ls) draws nothing new; the first `docker run` adds a container
    assert svgs[1] == svgs[0]
    assert svgs[2] != svgs[1] and "busybox1" in svgs[2] and "busybox1" not in svgs[1]

    shot = tmp_path / "playground.png"
    page.screenshot(shot)
    assert shot.stat().st_size > 10_000
    timings = page.evaluate("window.pg.timings")
    load_ms = page.evaluate("window.pg.loadMs")
    session = Playground("28", 0)             # the same calls the page makes, in CPython
    for d in DEMO_DIRECTIVES:
        session.directive(d)
    cpython = []
    for _, cmd in DEMO:
        t1 = time.perf_counter()
        session.run(cmd)
        cpython.append((time.perf_counter() - t1) * 1000)
    print(f"\nscreenshot: {shot}\npage load: {load_ms:.0f} ms; per command (run + drawing): browser "
          f"{sum(timings) / len(timings):.1f} ms, CPython {sum(cpython) / len(cpython):.1f} ms "
          f"(mean of {len(timings)}); `python -m dockernet_sim run` of the script: {cli_seconds * 1000:.0f} ms")


def test_engine_switch_trace_panel_and_a_session_restored_from_storage(page: Browser) -> None:
    page.evaluate("const e = document.getElementById('engine'); e.value = '20.10';"
                  "e.dispatchEvent(new Event('change')); 1")          # a new host, for the other engine
    assert page.evaluate("document.getElementById('status').textContent").startswith("Docker Engine 20.10")
    done = page.evaluate("window.pg.done")
    # a user network: on the default bridge a trace by name fails at the lookup, as ping would
    for k, cmd in enumerate(["docker network create n", "docker run -d --name aa --network n busybox",
                             "docker run -d --name bb --network n busybox", "trace aa bb"], 1):
        page.evaluate("document.getElementById('line').focus(); 1")
        page.type_line(cmd)
        page.wait_for(f"window.pg.done >= {done + k}", 60)
    panel = page.evaluate("document.getElementById('trace').textContent")
    assert "aa → bb" in panel and "REACHABLE" in panel.upper() and "unreachable" not in panel.lower()
    # the path is marked on the drawing: both containers and the bridge between them
    marked = page.evaluate("[...document.querySelectorAll('#drawing .hl-ok')].map(g => g.querySelector('.dn-name') ?"
                           " g.querySelector('.dn-name').textContent : g.dataset.bridge).sort().join(' ')")
    assert marked.startswith("aa bb br-") and len(marked.split()) == 3
    before = page.evaluate("document.getElementById('drawing').innerHTML.replaceAll(' hl-ok', '')")
    page.evaluate("document.getElementById('reset').click(); 1")
    assert page.evaluate("document.getElementById('drawing').innerHTML") != before
    page.evaluate("document.getElementById('restore').click(); 1")
    assert page.evaluate("document.getElementById('drawing').innerHTML") == before


def test_the_page_imports_bytecode_compiled_for_its_python_not_the_source(page: Browser, site: Path) -> None:
    names = zipfile.ZipFile(site / "dockernet_sim.zip").namelist()
    assert "dockernet_sim/terminal.pyc" in names and not [n for n in names if n.endswith(".py")]
    def python(code: str) -> str:
        return page.evaluate(f"window.pg.py.runPython({json.dumps(code)})")
    loader = python("import dockernet_sim.terminal as t; type(t.__spec__.loader).__name__ + ' ' + t.__file__")
    assert loader.startswith("SourcelessFileLoader ") and loader.endswith("/dockernet_sim/terminal.pyc")
    # only what the page needs is imported: not the site's builder, its server or micropip
    unused = python("import sys; ' '.join(m for m in ('dockernet_sim.playground.build', "
                    "'dockernet_sim.playground.serve', 'http.server', 'micropip') if m in sys.modules)")
    assert unused == ""
    assert set(page.evaluate("Object.keys(window.pg.phases)")) >= {"pyodide", "import"}


def test_example_02_is_a_guided_walkthrough_explained_step_by_step(page: Browser) -> None:
    walk = example_walkthrough(ROOT / "examples" / "02_why_did_my_ip_change.py")
    assert walk is not None and any(s.new_host for s in walk.steps)
    page.evaluate("const w = document.getElementById('walk'); w.value = '02_why_did_my_ip_change';"
                  "w.dispatchEvent(new Event('change')); 1")
    done = page.evaluate("window.pg.done")
    expected, session = "", Playground(walk.engine, walk.seed)
    for k, step in enumerate(walk.steps):
        guide = page.evaluate("document.getElementById('guide').textContent")
        assert guide.startswith(f"{walk.title} — step {k + 1}/{len(walk.steps)}\n{step.note}"), guide
        assert page.evaluate("document.getElementById('line').value") == step.command     # offered, not typed
        if step.new_host is not None:
            assert "starts a new host: Docker Engine 20.10" in guide
            session = Playground(step.new_host.engine, step.new_host.seed)
            d = json.loads(session.describe())
            expected += f"# a new host: Docker Engine {d['version']} simulated, seed {d['seed']}\n"
        answer = json.loads(session.run(step.command))
        expected += f"$ {step.command}\n{answer['stdout']}{answer['stderr']}"
        page.evaluate("document.getElementById('next').click(); 1")
        page.wait_for(f"window.pg.done >= {done + k + 1}", 60)
    assert page.evaluate("document.getElementById('screen').textContent") == expected
    assert page.evaluate("document.getElementById('guide').textContent").endswith(f"all {len(walk.steps)} steps done.")
    assert page.evaluate("document.getElementById('next').disabled") is True
    assert page.evaluate("document.getElementById('status').textContent").startswith("Docker Engine 20.10")


def test_the_page_works_offline_once_loaded_and_reopens_the_last_session(page: Browser, server) -> None:  # type: ignore[no-untyped-def]
    page.wait_for("navigator.serviceWorker.controller !== null", 20)   # every file is cached now
    page.evaluate("document.getElementById('line').focus(); 1")
    done = page.evaluate("window.pg.done")
    page.type_line("docker network create offline-net")
    page.wait_for(f"window.pg.done > {done}", 60)
    ls = "docker network ls --format '{{.Name}}'"
    page.evaluate("document.getElementById('line').focus(); 1")
    page.type_line(ls)
    page.wait_for(f"window.pg.done > {done + 1}", 60)
    listing = page.evaluate("document.getElementById('screen').textContent").rsplit(f"$ {ls}\n", 1)[1]
    # whatever the earlier tests left in the session (their order varies): the reload must give it all back
    assert "offline-net\n" in listing
    server.shutdown()
    server.server_close()
    page.call("Page.reload", ignoreCache=False)
    page.wait_for(READY, 120)
    assert "offline-net" in page.evaluate("document.getElementById('drawing').innerHTML")
    page.evaluate("document.getElementById('line').focus(); 1")
    page.type_line(ls)
    page.wait_for("window.pg.done >= 1", 60)
    assert page.evaluate("document.getElementById('screen').textContent").endswith(f"$ {ls}\n{listing}")
