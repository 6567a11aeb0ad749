"""The playground's Python side without a browser: the page's session object, the walkthroughs
read from the examples, the package zip, the server's address and the command line."""

from __future__ import annotations

import contextlib
import io
import json
import runpy
import sys
import urllib.request
import threading
import zipfile
from pathlib import Path

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.__main__ import main
from dockernet_sim.playground.build import package_zip
from dockernet_sim.playground.walkthroughs import NewHost, example_walkthrough, example_walkthroughs
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


def test_the_screen_gets_both_streams_in_the_order_written() -> None:
    answer = json.loads(Playground("28", 0).run("docker network rm x || echo fallback"))
    assert answer["streams"] == [[2, "Error response from daemon: network x not found\nexit status 1\n"],
                                 [1, "fallback\n"]]
    assert "r.streams" in (ROOT / "dockernet_sim/playground/assets/app.js").read_text()


def test_bad_input_is_the_shells_message_not_a_traceback() -> None:
    answer = json.loads(Playground().run("docker network create --subnet nope x"))
    assert answer["exit_code"] != 0 and "internal error" not in answer["stderr"] and answer["stderr"]


def test_trace_fills_the_panel_and_names_both_ends() -> None:
    pg = Playground("28", 0)
    pg.run("docker run -d --name aa busybox")
    pg.run("docker run -d --name bb busybox")
    answer = json.loads(pg.run("trace aa bb 80/tcp"))
    assert answer["exit_code"] == 1 and "dn-trace" in answer["trace"] and "<b>aa</b>" in answer["trace"]
    for bad in ("trace aa", "trace aa bb 99999", "trace 'a", "tracer a b"):
        assert json.loads(pg.run(bad))["trace"] == ""


def test_completion_offers_commands_and_the_hosts_names() -> None:
    pg = Playground()
    pg.run("docker network create backend")
    assert json.loads(pg.complete("docker net")) == ["network"]
    assert "backend" in json.loads(pg.complete("docker network rm b"))
    assert json.loads(pg.complete("zzz")) == []


def test_save_gives_what_DockerHost_load_reads_and_load_restores_it(tmp_path: Path) -> None:
    pg = Playground("20.10", 7)
    pg.run("docker run -d --name aa busybox")
    text = pg.save()
    (tmp_path / "h.json").write_text(text)
    assert DockerHost.load(tmp_path / "h.json").sh("docker ps --format '{{.Names}}'").stdout == "aa\n"
    other = Playground()
    assert other.load(text).startswith("loaded (Docker Engine 20.10")
    assert json.loads(other.describe())["engine"] == "20.10"
    assert json.loads(other.run("docker inspect -f '{{.Name}}' aa"))["stdout"] == "/aa\n"
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
    assert first.directives == ("image centos CMD /bin/bash TOOLS iproute2",)     # its h.add_image(Image(…))
    assert example_walkthroughs(ROOT / "no-such-folder") == []
    talk = example_walkthrough(ROOT / "examples" / "03_why_cant_they_talk.py")
    assert talk is not None and [s.command for s in talk.steps].count("trace web db") == 2
    # every step is explained: the section it is in, or the example's introduction
    assert all(s.note for w in walks for s in w.steps)


def test_example_02_is_a_walkthrough_its_loop_unrolled_and_its_second_host_started() -> None:
    walk = example_walkthrough(ROOT / "examples" / "02_why_did_my_ip_change.py")
    assert walk is not None and (walk.engine, walk.seed) == ("28", 0)
    commands = [s.command for s in walk.steps]
    ips = "docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}'"
    assert commands[:5] == ["docker network create --subnet 10.10.0.0/24 appnet",
                            *(f"docker run -d --name {n} --network appnet busybox" for n in ("db", "api", "web")),
                            f"{ips} db api web"]
    second = [i for i, s in enumerate(walk.steps) if s.new_host is not None]
    assert len(second) == 1 and walk.steps[second[0]].new_host == NewHost("20.10", 0)
    assert walk.steps[second[0]].command == "docker network create --subnet 10.10.0.0/24 appnet"
    assert walk.steps[5].note.startswith("Stop one, start another\n`api` gives 10.10.0.3 back")


def _typed_by_running(script: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(line, stdout) of every ``sh`` the example script makes when it runs (with no arguments:
    some write a drawing to the file named by their first)."""
    typed: list[tuple[str, str]] = []
    real = DockerHost.sh

    def sh(self: DockerHost, line: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        r = real(self, line, *args, **kwargs)
        typed.append((line, r.stdout))
        return r
    monkeypatch.setattr(DockerHost, "sh", sh)
    monkeypatch.setattr(sys, "argv", [str(script)])
    with contextlib.redirect_stdout(io.StringIO()):
        runpy.run_path(str(script), run_name="__main__")
    return typed


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "examples").glob("[0-9]*.py")
                                        if example_walkthrough(p) is not None))
def test_a_walkthrough_typed_in_the_page_prints_what_its_example_prints(name: str,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    walk = example_walkthrough(ROOT / "examples" / name)
    assert walk is not None
    typed = iter(_typed_by_running(ROOT / "examples" / name, monkeypatch))
    monkeypatch.undo()

    def new(host: NewHost) -> Playground:
        pg = Playground(host.engine, host.seed)
        assert all(pg.directive(d) == "" for d in host.directives)
        return pg
    pg = new(NewHost(walk.engine, walk.seed, walk.directives))
    for step in walk.steps:
        if step.new_host is not None:
            pg = new(step.new_host)
        answer = json.loads(pg.run(step.command))
        if step.command.startswith("trace "):
            assert answer["trace"], step.command
            continue
        # the script's own line, in order (a line it builds from the host's answers is left out)
        expected = next(out for line, out in typed if line == step.command)
        assert answer["stdout"] == expected, step.command


def test_an_example_whose_lines_are_built_at_run_time_is_no_walkthrough(tmp_path: Path) -> None:
    (tmp_path / "07_loop.py").write_text('"""Loop."""\nh = DockerHost(seed=3)\nh.sh("docker network ls")\n'
                                         'for n in sorted("ab"):\n    h.sh(f"docker run -d --name {n} busybox")\n')
    (tmp_path / "08_plain.py").write_text('"""Plain."""\n# %% [markdown]\n# ## Look\n# at it\n\n'
                                          'h = DockerHost(engine="20.10", seed=3)\nassert h.reach("a", "b")\n'
                                          'h.sh("docker network ls")\nh.reach("a", "b")\n')
    (tmp_path / "09_back.py").write_text('"""Back."""\na = DockerHost()\nb = DockerHost()\na.sh("docker ps")\n'
                                         'b.sh("docker ps")\na.sh("docker ps")\n')
    (tmp_path / "10_fork.py").write_text('"""Fork."""\nh = DockerHost(seed=1)\nnet = "n"\n'
                                         'for c in ("a", "b"):\n    h.sh(f"docker run -d --name {c} --network {net} x")\n'
                                         'f = h.fork()\nassert f.sh("docker stop a").exit_code == 0\n'
                                         'assert reach(h, "a", "b")\nt = reach(f, "b", "a")\n')
    (tmp_path / "11_image.py").write_text('"""Image."""\nh = DockerHost()\nh.add_image(Image(name))\n'
                                          'h.sh("docker ps")\n')
    (tmp_path / "12_whatif.py").write_text('"""What if."""\nh = DockerHost()\nh.sh("docker network create a")\n'
                                           'w = h.fork()\nw.sh("docker network rm a")\nh.sh("docker network ls")\n'
                                           'assert "a" in h.sh("docker network ls").stdout\n')
    # the fork was a what-if on the side; the same line asked again to check it is one step
    whatif = example_walkthrough(tmp_path / "12_whatif.py")
    assert whatif is not None and [s.command for s in whatif.steps] == ["docker network create a", "docker network ls"]
    assert example_walkthrough(tmp_path / "07_loop.py") is None
    assert example_walkthrough(tmp_path / "09_back.py") is None     # the page has one host at a time
    assert example_walkthrough(tmp_path / "11_image.py") is None    # an image it cannot name
    plain = example_walkthrough(tmp_path / "08_plain.py")
    assert plain is not None and (plain.title, plain.engine, plain.seed) == ("Plain.", "20.10", 3)
    assert [(s.note, s.command) for s in plain.steps] == [("Look\nat it", "docker network ls"),
                                                          ("Look\nat it", "trace a b")]
    fork = example_walkthrough(tmp_path / "10_fork.py")
    assert fork is not None and [(s.command, s.new_host) for s in fork.steps] == [
        ("docker run -d --name a --network n x", None), ("docker run -d --name b --network n x", None),
        ("docker stop a", None), ("trace b a", None)]


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
