"""The playground's Python side without a browser: the page's session object, the walkthroughs
read from the examples, the package zip, the server's address and the command line."""

from __future__ import annotations

import json
import urllib.request
import threading
import zipfile
from pathlib import Path

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.__main__ import main
from dockernet_sim.playground.build import example_walkthrough, example_walkthroughs, package_zip
from dockernet_sim.playground.page import Playground, engines
from dockernet_sim.playground.serve import make_server
from dockernet_sim.terminal import Session

ROOT = Path(__file__).resolve().parents[2]


def test_a_command_answers_what_the_shell_prints_with_the_drawing() -> None:
    pg = Playground("28", 0)
    before = pg.svg()
    answer = json.loads(pg.run("docker run -d --name web busybox"))
    expected = Session(engine="28", seed=0).run_line("docker run -d --name web busybox")
    assert (answer["stdout"], answer["stderr"], answer["exit_code"]) == \
        (expected.stdout, expected.stderr, expected.exit_code)
    assert answer["svg"] != before and "web" in answer["svg"] and answer["trace"] == ""


def test_bad_input_is_the_shells_message_not_a_traceback() -> None:
    answer = json.loads(Playground().run("docker network create --subnet nope x"))
    assert answer["exit_code"] != 0 and "internal error" not in answer["stderr"] and answer["stderr"]


def test_trace_fills_the_panel_and_names_both_ends() -> None:
    pg = Playground("28", 0)
    pg.run("docker run -d --name a busybox")
    pg.run("docker run -d --name b busybox")
    answer = json.loads(pg.run("trace a b 80/tcp"))
    assert answer["exit_code"] == 1 and "dn-trace" in answer["trace"] and "<b>a</b>" in answer["trace"]
    for bad in ("trace a", "trace a b 99999", "trace 'a", "tracer a b"):
        assert json.loads(pg.run(bad))["trace"] == ""


def test_completion_offers_commands_and_the_hosts_names() -> None:
    pg = Playground()
    pg.run("docker network create backend")
    assert json.loads(pg.complete("docker net")) == ["network"]
    assert "backend" in json.loads(pg.complete("docker network rm b"))
    assert json.loads(pg.complete("zzz")) == []


def test_save_gives_what_DockerHost_load_reads_and_load_restores_it(tmp_path: Path) -> None:
    pg = Playground("20.10", 7)
    pg.run("docker run -d --name a busybox")
    text = pg.save()
    (tmp_path / "h.json").write_text(text)
    assert DockerHost.load(tmp_path / "h.json").sh("docker ps --format '{{.Names}}'").stdout == "a\n"
    other = Playground()
    assert other.load(text).startswith("loaded (Docker Engine 20.10")
    assert json.loads(other.describe())["engine"] == "20.10"
    assert json.loads(other.run("docker inspect -f '{{.Name}}' a"))["stdout"] == "/a\n"
    assert other.load("{not json").startswith("load: ")


def test_directives_apply_before_the_host_is_built() -> None:
    pg = Playground()
    assert pg.directive("host hostname=lab") == ""
    assert json.loads(pg.run("hostname"))["stdout"] == "lab\n"
    assert pg.directive("host hostname=late") != ""
    assert "28" in json.loads(engines()) and "20.10" in json.loads(engines())


def test_the_examples_become_walkthroughs_of_their_shell_commands() -> None:
    walks = example_walkthroughs(ROOT / "examples")
    assert walks and all(w.steps for w in walks)
    first = example_walkthrough(ROOT / "examples" / "01_tutorial.py")
    assert first is not None and first.steps[0].command == "docker network ls" and first.engine == "28"
    assert example_walkthroughs(ROOT / "no-such-folder") == []
    talk = example_walkthrough(ROOT / "examples" / "03_why_cant_they_talk.py")
    assert talk is not None and [s.command for s in talk.steps].count("trace web db") == 2


def test_an_example_whose_lines_are_built_at_run_time_is_no_walkthrough(tmp_path: Path) -> None:
    (tmp_path / "07_loop.py").write_text('"""Loop."""\nh = DockerHost(seed=3)\nh.sh("docker network ls")\n'
                                         'for n in "ab":\n    h.sh(f"docker run -d --name {n} busybox")\n')
    (tmp_path / "08_plain.py").write_text('"""Plain."""\n# %% [markdown]\n# ## Look\n# at it\n\n'
                                          'h = DockerHost(engine="20.10", seed=3)\nassert h.reach("a", "b")\n'
                                          'h.sh("docker network ls")\nh.reach("a", "b")\n')
    assert example_walkthrough(tmp_path / "07_loop.py") is None
    plain = example_walkthrough(tmp_path / "08_plain.py")
    assert plain is not None and (plain.title, plain.engine, plain.seed) == ("Plain.", "20.10", 3)
    assert [(s.note, s.command) for s in plain.steps] == [("Look at it", "docker network ls"), ("", "trace a b")]


def test_the_package_zip_holds_the_package_and_no_caches(tmp_path: Path) -> None:
    package_zip(tmp_path / "a.zip")
    package_zip(tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    names = zipfile.ZipFile(tmp_path / "a.zip").namelist()
    assert "dockernet_sim/terminal.py" in names and "dockernet_sim/playground/assets/app.js" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_the_server_listens_on_loopback_only_and_serves_wasm_as_wasm(tmp_path: Path) -> None:
    (tmp_path / "x.wasm").write_bytes(b"\0asm")
    server = make_server(tmp_path, 0)
    try:
        assert server.server_address[0] == "127.0.0.1"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/x.wasm", timeout=10) as r:
            assert r.headers["Content-Type"] == "application/wasm" and r.read() == b"\0asm"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("argv", [["playground", "build"], ["playground", "nosuch"]])
def test_the_command_line_refuses_a_missing_dir_or_an_unknown_action(argv: list[str],
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2 and "playground" in capsys.readouterr().err
