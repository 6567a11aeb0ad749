"""Start fast (issue 15): importing the package, and running a script through ``python -m
dockernet_sim run``, load only what those commands use; the rest loads on first use.

Each check runs a fresh interpreter (this process has imported everything already) and reads
its ``sys.modules``: a module that creeps back onto the start-up path fails here, whatever the
machine's speed. The lazy names still work, and give the same objects as their modules. What
a session now does without a module it used to load (inspect's JSON without the standard
library's indenting encoder, a table of string fields without the template engine) prints what
that module prints, for any input (Hypothesis).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, strategies as st

ROOT = Path(__file__).resolve().parents[2]
WALKTHROUGH = ROOT / "tests" / "golden" / "scenarios" / "s01_seed_walkthrough.sh"

# What a terminal session never needs until a command asks for it: the what-if layer, the
# drawings, the Compose Specification's parser, the pipeline tools' parsers, the HTTP server,
# the export script, save files, the playground, and the stdlib modules only they use.
ON_FIRST_USE = (
    "dockernet_sim.query", "dockernet_sim.query.diff", "dockernet_sim.query.walk", "dockernet_sim.display",
    "dockernet_sim.compose.model", "dockernet_sim.compose.yaml", "dockernet_sim.client.compose",
    "dockernet_sim.userland.pipes.jq", "dockernet_sim.userland.pipes.awk", "dockernet_sim.userland.pipes.grep",
    "dockernet_sim.regexvm", "dockernet_sim.api", "dockernet_sim.export", "dockernet_sim.playground", "dockernet_sim.snapshot",
    "dockernet_sim.hostfile", "dockernet_sim.graphcopy",
    "dockernet_sim.persist",                        # save and load (a session keeps its calls in calllog)
    "dockernet_sim.testing", "html", "http.server",
    # the other subcommands and the interactive shell (with its completion), the engines a session
    # did not ask for, notebook views, and the tools and shell features the walkthrough does not use
    "dockernet_sim.prompt", "dockernet_sim.commands", "dockernet_sim.completion", "dockernet_sim.engines.v20_10",
    "dockernet_sim.engines.v26", "dockernet_sim.notebook", "dockernet_sim.userland.shell.arith",
    "dockernet_sim.userland.views.iptables",
    "dockernet_sim.userland.views.routes", "dockernet_sim.userland.views.neigh", "dockernet_sim.userland.views.sockets",
    # the changing verbs of ip (iproute2's and busybox's), Go's time parsing (a filter's `until`),
    # encoding/json (a template's `json`), the signal table (`docker kill -s`)
    "dockernet_sim.userland.iplink", "dockernet_sim.userland.busybox_ip",
    "dockernet_sim.golang.gotime", "dockernet_sim.golang.template.jsonenc", "dockernet_sim.daemon.signals",
    # Go's text/template engine: a table of string fields (`docker network ls`) is printed without it
    *(f"dockernet_sim.golang.template.{m}" for m in ("lexer", "parser", "nodes", "exec", "evaluate", "funcs", "fmt",
                                                     "format", "reflect", "template")),
    "dockernet_sim.golang.template.strconv",        # Go's quoting: the messages that quote what was typed
    "dockernet_sim.kernel.neighbour",               # the ARP tables: made by the first packet a query sends
    # ifconfig and hostname -i, --filter (and ps), the free netns ids' heap (a namespace gone), the
    # Unicode database (a table cell beyond ASCII)
    "dockernet_sim.userland.views.nettools", "dockernet_sim.client.filters", "heapq", "unicodedata",
    "shlex",                                        # a #! line with quotes or backslashes
    "dockernet_sim.kernel.macvlan",                 # what the kernel allows a macvlan link: the first one
    # the macvlan and ipvlan drivers (and what they share): made when a network first names one
    "dockernet_sim.libnetwork.drivers.macvlan", "dockernet_sim.libnetwork.drivers.ipvlan",
    "dockernet_sim.libnetwork.drivers.parent",
    "dockernet_sim.userland.ipwords",               # ip's address words: the first `ip a to …`, `ip a add …`
    "dockernet_sim.daemon.names",                   # a name for a container run without --name
    "dockernet_sim.client.unreachable",             # what the client prints when no daemon answers
    "dockernet_sim.userland.shell.fields",          # field splitting and case patterns: the first of either
    # the busybox root's files and the sysctl tree (the first file applet or /proc/sys read, a
    # container with --sysctl), docker info/system df's facts and Go's size words, a restart policy
    "dockernet_sim.userland.rootfs", "dockernet_sim.userland.busybox_files", "dockernet_sim.userland.procfs",
    "dockernet_sim.userland.sysctl", "dockernet_sim.kernel.sysctl", "dockernet_sim.daemon.system",
    "dockernet_sim.golang.units", "dockernet_sim.daemon.update", "base64", "dockernet_sim.client.system",
    # the command groups made when one of their commands runs (client.group): wait/update/attach/
    # stats, volume, logs/top, the image commands
    "dockernet_sim.client.group", "dockernet_sim.client.lifecycle", "dockernet_sim.client.volume",
    "dockernet_sim.client.processes", "dockernet_sim.client.images",
    # the /etc files' writer, the sysctl writer (a --sysctl), the recorded help texts (--help),
    # 20.10's bridge firewall layout (engine 28 programs its own), the engine's facts (docker info)
    "dockernet_sim.daemon.etcfiles", "dockernet_sim.daemon.sysctls", "dockernet_sim.client.help",
    "dockernet_sim.libnetwork.drivers.bridge.setup_ip_tables", "dockernet_sim.engines.system",
    # what the package itself needs none of: the standard library's class builder and the
    # introspection under it (records are made without them), OpenSSL (SHA-256 is the
    # interpreter's own), pickle, and the command-line parser for a plain `run FILE`
    "dataclasses", "inspect", "ast", "dis", "tokenize", "_hashlib", "pickle", "argparse", "gettext", "locale",
)

# what a script needs none of, though a DockerHost does: the Python API's facade and the call log
# it keeps for save (a script runs on the daemon that facade would wrap, ``__main__.script_host``)
NOT_FOR_A_SCRIPT = ("dockernet_sim.host", "dockernet_sim.calllog", "json")


# the command line ends with os._exit (``__main__.leave``): here it raises SystemExit instead, so
# that the check can list the modules afterwards
AN_EXIT_THAT_RETURNS = "import os\ndef _exit(code): raise SystemExit(code)\nos._exit = _exit\n"


def loaded_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
    # (listed one a line after a marker: importing json to write them would load it)
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('-- modules --', *sorted(sys.modules), sep='\\n')"],
                         capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    return set(out.stdout.rpartition("-- modules --\n")[2].splitlines())


def test_import_loads_no_module_and_a_name_loads_only_what_it_needs() -> None:
    assert sorted(m for m in loaded_after("import dockernet_sim") if m.startswith("dockernet_sim.")) == []
    loaded = loaded_after("from dockernet_sim import DockerHost")
    assert "dockernet_sim.host" in loaded          # the check itself can see the package's modules
    assert sorted(loaded.intersection(ON_FIRST_USE)) == []


def test_running_the_seed_walkthrough_loads_only_what_it_uses() -> None:
    code = ("import io, dockernet_sim.__main__ as m\n"
            f"out = io.StringIO(); assert m.run_text(open({str(WALKTHROUGH)!r}).read(), '28', 0, False, out) == 0\n"
            "assert 'nasanet' in out.getvalue()")
    loaded = loaded_after(code)
    assert "dockernet_sim.terminal" in loaded and "dockernet_sim.client.cli" in loaded
    assert sorted(loaded.intersection(ON_FIRST_USE + NOT_FOR_A_SCRIPT)) == []


def test_the_command_line_run_loads_only_what_it_uses() -> None:
    """``python -m dockernet_sim run FILE`` itself: the process as a user starts it (``run_text``
    above is its body), checked from inside by a module that runs it and then lists."""
    code = ("import io, sys, contextlib, runpy\n" + AN_EXIT_THAT_RETURNS +
            f"sys.argv = ['dockernet_sim', 'run', {str(WALKTHROUGH)!r}]\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            "    try:\n"
            "        runpy.run_module('dockernet_sim', run_name='__main__')\n"
            "    except SystemExit as e:\n"
            "        assert e.code == 0, e.code\n"
            "assert 'nasanet' in out.getvalue()")
    loaded = loaded_after(code)
    assert "dockernet_sim.records" in loaded and "dockernet_sim.client.cli" in loaded
    assert sorted(loaded.intersection(ON_FIRST_USE + NOT_FOR_A_SCRIPT)) == []


def test_the_command_line_run_compiles_no_regular_expression() -> None:
    """A regular expression compiled at import, or by the walkthrough, costs a start-up a tenth
    of a millisecond to two each: they are compiled on their first use (printf's conversions,
    the MAC and annotation syntaxes), which the walkthrough never makes."""
    code = ("import io, sys, contextlib, runpy, re._compiler\n" + AN_EXIT_THAT_RETURNS +
            "compiled = []\n"
            "real = re._compiler.compile\n"
            "re._compiler.compile = lambda p, flags=0: compiled.append(p) or real(p, flags)\n"
            f"sys.argv = ['dockernet_sim', 'run', {str(WALKTHROUGH)!r}]\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            "    try:\n"
            "        runpy.run_module('dockernet_sim', run_name='__main__')\n"
            "    except SystemExit as e:\n"
            "        assert e.code == 0, e.code\n"
            "assert 'nasanet' in out.getvalue()\n"
            "assert compiled == [], compiled")
    loaded_after(code)


def test_a_pipe_into_jq_loads_jq_then() -> None:
    code = ("from dockernet_sim import DockerHost\n"
            "r = DockerHost().sh(\"docker network inspect bridge | jq -r '.[0].Name'\")\n"
            "assert r.stdout == 'bridge\\n', r")
    loaded = loaded_after(code)
    assert "dockernet_sim.userland.pipes.jq" in loaded and "dockernet_sim.compose.model" not in loaded


def test_lazy_public_names_are_the_modules_objects() -> None:
    import dockernet_sim
    from dockernet_sim import query
    from dockernet_sim.query import diff as diff_module
    assert dockernet_sim.reach is query.reach and dockernet_sim.reachability is query.reachability
    assert dockernet_sim.Trace is query.Trace and dockernet_sim.Reachability is query.Reachability
    assert dockernet_sim.diff is diff_module.diff and dockernet_sim.HostDiff is diff_module.HostDiff
    assert set(dockernet_sim.__all__) <= set(dir(dockernet_sim))
    try:
        dockernet_sim.no_such_name  # type: ignore[attr-defined]
    except AttributeError as e:
        assert "no_such_name" in str(e)
    else:
        raise AssertionError("an unknown name must raise AttributeError")


def test_the_demo_loads_only_what_it_uses() -> None:
    """``python -m dockernet_sim demo``: its module and the tools its walkthrough runs (``grep``,
    ``iptables -S``), but not the prompt, the playground, the server or the other engines."""
    code = ("import io, sys, contextlib, runpy\n" + AN_EXIT_THAT_RETURNS +
            "sys.argv = ['dockernet_sim', 'demo']\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            "    try:\n"
            "        runpy.run_module('dockernet_sim', run_name='__main__')\n"
            "    except SystemExit as e:\n"
            "        assert e.code == 0, e.code\n"
            "assert '-A DOCKER' in out.getvalue()")
    uses = {"dockernet_sim.commands", "dockernet_sim.userland.views.iptables", "dockernet_sim.userland.pipes.grep",
            "dockernet_sim.regexvm", "argparse", "gettext", "locale"}       # its tools; its command line
    uses |= {m for m in ON_FIRST_USE if m.startswith("dockernet_sim.golang.template.")} - {
        "dockernet_sim.golang.template.jsonenc"} | {"unicodedata"}     # its `docker inspect -f`
    loaded = loaded_after(code)
    assert "dockernet_sim.commands" in loaded and "dockernet_sim.userland.views.iptables" in loaded
    assert sorted(loaded.intersection(ON_FIRST_USE) - uses) == []


def test_the_subcommands_names_still_resolve_through_main() -> None:
    from dockernet_sim import __main__ as main, commands, prompt
    assert main.repl is prompt.repl and main.DEMO is commands.DEMO and main.banner is prompt.banner
    try:
        main.no_such_name  # type: ignore[attr-defined]
    except AttributeError as e:
        assert "no_such_name" in str(e)
    else:
        raise AssertionError("an unknown name must raise AttributeError")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    | st.dictionaries(st.integers() | st.booleans() | st.none(), inner, max_size=2),      # keys json.dumps converts
    max_leaves=20)


@given(JSON_VALUES)
def test_inspect_json_is_what_json_dumps_writes(value: Any) -> None:
    """``docker inspect``'s JSON is written without the standard library's indenting encoder
    (a generator per level, a tenth of the walkthrough's run), and is the same text, for every
    value: the keys json.dumps converts and the floats it spells are left to it."""
    from dockernet_sim.daemon.inspect import dumps
    want = json.dumps(value, indent=4, ensure_ascii=False)
    assert dumps(value) == want.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def test_leaving_without_teardown_still_flushes_and_runs_exit_handlers() -> None:
    """The command line ends by ``__main__.leave``: what ``sys.exit`` does that a user can see (exit
    handlers, buffered output, the exit code) happens; only the interpreter's teardown is skipped."""
    code = ("import atexit, sys\n"
            "from dockernet_sim.__main__ import leave\n"
            "atexit.register(lambda: print('handler ran'))\n"
            "sys.stdout.write('unflushed'); sys.stderr.write('err')\n"
            "leave(3)\n"
            "print('not reached')\n")
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    assert (out.returncode, out.stdout, out.stderr) == (3, "unflushedhandler ran\n", "err")
    waits = ("import threading, time\n"
             "from dockernet_sim.__main__ import leave\n"
             "threading.Thread(target=lambda: (time.sleep(0.2), print('thread done'))).start()\n"
             "leave(4)\n")
    out = subprocess.run([sys.executable, "-c", waits], capture_output=True, text=True, cwd=ROOT, env=env)
    assert (out.returncode, out.stdout) == (4, "thread done\n")      # as sys.exit, it waits for the thread


@given(JSON_VALUES, st.sampled_from([None, 0, 1, 4]), st.sampled_from(["", " ", "\n", " \t\r\n"]),
       st.sampled_from(["", "x", "]", "\ufeff"]))
def test_inspect_reads_json_as_json_loads_does(value: Any, indent: Any, space: str, junk: str) -> None:
    """The recorded inspect templates are read by json's C scanner, without the json package:
    any document (and any text that is not one) reads as ``json.loads`` reads it, or fails
    with its error."""
    from dockernet_sim.daemon.inspect import _read_json
    text = space + json.dumps(value, indent=indent) + space + junk

    def read(loads: Any) -> str:
        try:
            return "value " + json.dumps(loads(text))
        except ValueError as e:
            return f"error {type(e).__name__} {e}"
    assert read(_read_json) == read(json.loads)


def test_the_inspect_templates_read_as_json_loads_reads_them() -> None:
    from dockernet_sim.daemon.inspect import _read_json
    for path in (ROOT / "dockernet_sim" / "daemon" / "data").glob("container_*.json"):
        text = path.read_text(encoding="utf-8")
        assert repr(_read_json(text)) == repr(json.loads(text))


@given(st.text(alphabet=st.sampled_from(list("ab =-/'\"\\\t\r\n\x0b\x0c\x1c\x1f#$\u00a0\u2003é")), max_size=12))
def test_a_directive_line_splits_as_shlex_splits_it(text: str) -> None:
    """``#!`` lines are split without ``shlex`` when they are plain ASCII words: every line, plain
    or not, gives shlex's words, or its error."""
    import shlex
    from dockernet_sim.daemon.config import shell_words

    def words(split: Any) -> Any:
        try:
            return split(text)
        except ValueError as e:
            return f"ValueError: {e}"
    assert words(shell_words) == words(shlex.split)


ANNOTATION_PIECES = st.lists(st.sampled_from(["Optional", "str", "[", "]", ",", " ", "|", "(", ")", ".", "...", "'",
                                              '"', "a.b", "_x1", "9", "\t", "é", "None", "-", "dict"]), max_size=10)


@given(ANNOTATION_PIECES)
def test_annotations_are_read_as_the_regex_reads_them(pieces: list[str]) -> None:
    """The typed checks read their annotations' tokens by hand (the regex compiled only for the
    rest): the same tokens as the regex, or the same refusal, for any text."""
    from dockernet_sim.values import _tokens_by_regex, annotation_tokens
    text = "".join(pieces)

    def tokens(read: Any) -> Any:
        try:
            return read(text)
        except ValueError:
            return "ValueError"
    assert tokens(annotation_tokens) == tokens(_tokens_by_regex)


@given(st.text(alphabet=st.sampled_from(list("aZ09_.-/=\n é,")), max_size=8))
def test_names_and_network_values_are_read_as_their_regexes_read_them(text: str) -> None:
    """A container's name and ``--network``'s advanced form are checked by hand, as the
    daemon's and the client's expressions check them."""
    import re
    from dockernet_sim.client.options import _ADVANCED, is_advanced
    from dockernet_sim.daemon.container import NAME_RE, is_valid_name
    assert is_valid_name(text) == (re.fullmatch(NAME_RE, text) is not None)
    assert is_advanced(text) == (re.search(_ADVANCED, text, re.ASCII) is not None)


TEXT = st.text(alphabet="ab\t {}.<", max_size=4)
ODD = {"x": TEXT, "Label": TEXT, "Driver": st.integers() | st.none()}       # unexported, a method, not a string
ROWS = st.lists(st.fixed_dictionaries({"ID": TEXT, "Name": TEXT}, optional={"Driver": TEXT, **ODD}), max_size=3)
HEADERS = st.fixed_dictionaries({"ID": TEXT, "Name": TEXT}, optional={"Driver": TEXT, "x": TEXT, "Label": TEXT})
TEMPLATE_PIECES = st.lists(st.sampled_from(["{{.ID}}", "{{.Name}}", "{{.Driver}}", "{{.x}}", "{{.Label}}", "{{ .ID }}",
                                            "{{.ID", "{{", "}}", "{", "\\t", " ", "table ", "a", "{{.Missing}}"]),
                           max_size=6)


@given(TEMPLATE_PIECES, ROWS, HEADERS)
def test_a_table_of_string_fields_is_what_the_template_engine_prints(pieces: list[str], rows: list[dict[str, Any]],
                                                                      headers: dict[str, str]) -> None:
    """``docker network ls``'s default table is printed without parsing its template when it is
    text and string fields only; any template and any rows print what the engine prints (or
    fail with its words)."""
    from unittest import mock
    from dockernet_sim.client import templates

    def rendered() -> tuple[str, str]:
        try:
            return "out", templates.render_rows("".join(pieces), [dict(r) for r in rows], headers)
        except templates.TemplateFailure as e:
            return "error", f"{e} {e.exit_code}"

    fast = rendered()
    with mock.patch.object(templates, "_plain_rows", lambda *args: None):
        assert fast == rendered()


def test_a_script_host_is_what_docker_host_builds_less_its_call_log() -> None:
    """``run FILE`` runs on ``script_host``: the daemon a DockerHost would hold, with the same host
    ``ip`` program, and the same transcript (the seed walkthrough, every engine)."""
    import io
    from dockernet_sim.__main__ import run_text, script_host
    from dockernet_sim.host import DockerHost
    from dockernet_sim.terminal import Session, iter_script
    d, h = script_host("28", 0), DockerHost("28", 0)
    assert d.recorder is None and h.daemon.recorder is not None
    assert d.host_ip_program is h.daemon.host_ip_program
    text = WALKTHROUGH.read_text(encoding="utf-8")
    for engine in ("20.10", "26", "28"):
        mine = io.StringIO()
        assert run_text(text, engine, 0, True, mine) == 0
        s, theirs = Session(engine=engine, seed=0, factory=DockerHost), io.StringIO()
        for kind, body in iter_script(text):
            if kind == "directive":
                assert not s.directive(body)
            else:
                theirs.write(json.dumps(s.run_line(body).json()) + "\n")
        assert isinstance(s.owner, DockerHost) and mine.getvalue() == theirs.getvalue()


SPEC_OF = ("import importlib, importlib.machinery, json, sys\n"
           "import dockernet_sim\n"
           "if sys.argv[1] == 'python':\n"
           "    sys.meta_path[:] = [f for f in sys.meta_path if not getattr(f, 'dockernet_sim_finder', False)]\n"
           "out = {}\n"
           "for n in sys.argv[2:]:\n"
           "    m = importlib.import_module(n)\n"
           "    s = m.__spec__\n"
           "    out[n] = [getattr(m, '__file__', None), getattr(m, '__cached__', None), list(getattr(m, '__path__', [])),\n"
           "              m.__package__, isinstance(m.__loader__, importlib.machinery.SourceFileLoader), s.origin, s.cached,\n"
           "              s.parent, s.has_location, list(s.submodule_search_locations or []), type(m.__loader__).__name__]\n"
           "import inspect\n"
           "out['source'] = inspect.getsource(sys.modules['dockernet_sim.client.cli'])[:60]\n"
           "print(json.dumps(out))\n")


def test_the_package_finder_gives_the_modules_python_would() -> None:
    """``dockernet_sim.__init__`` finds and loads the package's own modules by a shorter way
    (issue 15): a module, a package and a module of a namespace directory (``daemon/``) get the
    same file, bytecode path, search path, package and kind of loader as through Python's own
    finder, with or without a bytecode prefix."""
    names = ["dockernet_sim.client.cli", "dockernet_sim.userland.shell", "dockernet_sim.daemon",
             "dockernet_sim.daemon.daemon", "dockernet_sim.libnetwork.drivers.bridge.firewall"]
    for prefix in (None, "/tmp/dockernet_sim-test-pyc"):
        env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", **({"PYTHONPYCACHEPREFIX": prefix} if prefix else {})}
        got = {}
        for way in ("own", "python", "own"):       # (the second "own" reads the bytecode the first wrote)
            out = subprocess.run([sys.executable, "-c", SPEC_OF, way, *names], capture_output=True, text=True,
                                 cwd=ROOT, env=env, check=True)
            got[way] = json.loads(out.stdout)
        loaders = {way: {n: got[way][n].pop() for n in names} for way in got}
        assert got["own"] == got["python"]
        assert loaders["own"]["dockernet_sim.client.cli"] == "OwnLoader"
        assert loaders["python"]["dockernet_sim.client.cli"] == "SourceFileLoader"


def test_the_package_finder_reads_no_stale_bytecode(tmp_path: Path) -> None:
    """A module changed after its bytecode was cached is compiled again, as Python would."""
    pkg = tmp_path / "dockernet_sim"
    pkg.mkdir()
    (pkg / "__init__.py").write_text((ROOT / "dockernet_sim" / "__init__.py").read_text(encoding="utf-8"), encoding="utf-8")
    (pkg / "probe.py").write_text("VALUE = 1\n", encoding="utf-8")
    env = {"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}
    code = "import dockernet_sim.probe as p; print(p.VALUE, type(p.__loader__).__name__)"

    def run() -> str:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path,
                              check=True).stdout.strip()
    assert run() == "1 OwnLoader"
    assert run() == "1 OwnLoader"
    (pkg / "probe.py").write_text("VALUE = 22\n", encoding="utf-8")        # another size, whatever the clock
    assert run() == "22 OwnLoader"
