"""The checks at the API boundary: types, Linux's interface names, Go's MACs, and what the
engines do with odd names and MACs sent through the Engine API (``tests/golden/api/``)."""

from __future__ import annotations

import json
import math
import os
from typing import Any, Callable, Optional

import pytest
from hypothesis import given, strategies as st

from dockernet_sim import DockerHost, persist
from dockernet_sim.client.options import valid_mac
from dockernet_sim.daemon.config import DaemonConfig, HostSpec
from dockernet_sim.daemon.specs import ContainerSpec, EndpointSpec
from dockernet_sim.errors import DockerError
from dockernet_sim.values import (check_value, go_trim_space, ifname_error, parse_mac)

API = os.path.join(os.path.dirname(__file__), "..", "golden", "api")


# -- Linux's dev_valid_name, written out independently from net/core/dev.c -------------------------
def kernel_dev_valid_name(raw: bytes) -> bool:
    if not raw or len(raw) >= 16 or raw in (b".", b".."):
        return False
    return not any(b == ord("/") or b == ord(":") or b in (9, 10, 11, 12, 13, 32, 0xA0) for b in raw)


@given(st.text(alphabet=st.characters(max_codepoint=0x2FF), max_size=20))
def test_ifname_rule_is_the_kernels(name: str) -> None:
    raw = name.encode("utf-8", "surrogateescape")
    if "\0" in name:
        assert ifname_error(name) is not None
    else:
        assert (ifname_error(name) is None) == kernel_dev_valid_name(raw)
    if len(raw) >= 16:
        assert ifname_error(name) == "numerical result out of range"


@given(st.one_of(st.text(alphabet="0123456789abcdefABCDEFg:-.;x ", max_size=64),
                 st.binary(min_size=6, max_size=20).map(lambda b: ":".join(f"{x:02x}" for x in b))))
def test_mac_parser_agrees_with_the_clis(text: str) -> None:
    assert (parse_mac(text) is not None) == valid_mac(text)


def test_go_trim_space_keeps_what_go_keeps() -> None:
    assert go_trim_space("\t\n\v\f\r \x85\xa0\u3000") == ""
    assert go_trim_space("\x1c") == "\x1c"           # Python's strip would take it


# -- the Python API refuses wrong types, naming the parameter, and changes nothing ------------------
WRONG: list[tuple[str, Callable[[DockerHost], Any], str]] = [
    ("name -1", lambda h: h.network_create(-1), "name"),
    ("name bytes", lambda h: h.network_create(b"n1"), "name"),
    ("name None", lambda h: h.network_create(None), "name"),
    ("driver int", lambda h: h.network_create("n1", driver=3), "driver"),
    ("options list", lambda h: h.network_create("n1", options=["a"]), "options"),
    ("option value int", lambda h: h.network_create("n1", options={"com.docker.network.driver.mtu": 1500}),
     "options"),
    ("subnet NaN", lambda h: h.network_create("n1", ipam_config=[{"Subnet": math.nan}]), "ipam_config"),
    ("internal 1", lambda h: h.network_create("n1", internal=1), "internal"),
    ("labels value None", lambda h: h.network_create("n1", labels={"a": None}), "labels"),
    ("remove int", lambda h: h.network_remove(5), "term"),
    ("prune str", lambda h: h.networks_prune("label=a"), "filters"),
    ("connect spec dict", lambda h: h.network_connect("bridge", "c1", {"ipv4": "x"}), "spec"),
    ("connect mac int", lambda h: h.network_connect("bridge", "c1", EndpointSpec(mac=1)), "spec.mac"),
    ("create spec str", lambda h: h.container_create("busybox"), "spec"),
    ("spec name bytes", lambda h: h.container_create(ContainerSpec(name=b"x")), "spec.name"),
    ("spec ports", lambda h: h.container_create(ContainerSpec(port_bindings={"80/tcp": [{"HostPort": 80}]})),
     "port_bindings"),
    ("run mac NaN", lambda h: h.run("busybox", name="x1", mac_address=math.nan), "mac_address"),
    ("run name int", lambda h: h.run("busybox", name=1), "name"),
    ("start None", lambda h: h.container_start(None), "term"),
    ("kill signal int", lambda h: h.container_kill("c1", 9), "signal"),
    ("rm force str", lambda h: h.container_remove("c1", force="yes"), "force"),
    ("rename int", lambda h: h.container_rename("c1", 7), "new"),
]


@pytest.mark.parametrize(("call", "param"), [(c, p) for _, c, p in WRONG], ids=[n for n, _, _ in WRONG])
def test_wrong_types_raise_type_error_naming_the_parameter(call: Callable[[DockerHost], Any], param: str) -> None:
    h = DockerHost(seed=5)
    h.run("busybox", name="c1")
    before = h.state()
    with pytest.raises(TypeError, match=param.replace(".", r"\.")):
        call(h)
    assert h.state() == before
    again = persist.loads(persist.dumps(h), DockerHost)          # still saveable, and loads
    assert again.state() == before


@pytest.mark.parametrize("seed", [None, "0", 1.0, True, b"0"])
def test_seed_must_be_an_int(seed: Any) -> None:
    with pytest.raises(TypeError, match="seed"):
        DockerHost(seed=seed)


@pytest.mark.parametrize(("make", "param"), [
    (lambda: DaemonConfig(mtu="1500"), "mtu"), (lambda: DaemonConfig(mtu=70000), "mtu"),
    (lambda: DaemonConfig(bridge="x" * 16), "bridge"), (lambda: DaemonConfig(bridge="a b"), "bridge"),
    (lambda: DaemonConfig(icc="false"), "icc"), (lambda: DaemonConfig(dns=["1.1.1.1"]), "dns"),
    (lambda: HostSpec(mtu=None), "mtu"), (lambda: HostSpec(extra_links=("a/b",)), "extra_links"),
    (lambda: HostSpec(nameservers=("a", 1)), "nameservers"),
])
def test_settings_check_their_fields(make: Callable[[], Any], param: str) -> None:
    with pytest.raises((TypeError, ValueError), match=param):
        make()


def test_check_value_names_the_innermost_place() -> None:
    with pytest.raises(TypeError, match=r"spec\.networks\['n'\]\.aliases\[1\]"):
        check_value("spec", ContainerSpec(networks={"n": EndpointSpec(aliases=["a", 2])}), ContainerSpec)
    check_value("x", None, Optional[int])


HINTS = [str, int, bool, float, Any, None, Optional[int], Optional[str], list[str], tuple[str, ...], tuple[int, str],
         dict[str, str], dict[str, Optional[int]], Optional[dict[str, list[int]]], "Sequence[str]", "Mapping[str, int]",
         "int | str", "Union[int, str, None]", list, tuple, dict, EndpointSpec, Optional[EndpointSpec],
         dict[str, EndpointSpec]]
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=3)
    | st.builds(EndpointSpec, aliases=st.lists(st.text(max_size=2) | st.integers(), max_size=2)),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner) | st.dictionaries(st.text(max_size=2) | st.integers(), inner, max_size=2),
    max_leaves=8)


@given(st.sampled_from(HINTS), VALUES)
def test_a_check_passes_and_fails_as_the_long_way_does(hint: Any, value: Any) -> None:
    """Each annotation's test (the common case, made once) says yes only of what the long way
    through the annotation passes: every value passes, or fails with the same error, with and
    without it."""
    from collections.abc import Mapping, Sequence
    from typing import Union
    from unittest import mock
    from dockernet_sim import values
    if isinstance(hint, str):
        hint = eval(hint, {"Sequence": Sequence, "Mapping": Mapping, "Union": Union})

    def outcome() -> str:
        try:
            check_value("v", value, hint)
            return "passes"
        except (TypeError, ValueError) as e:
            return f"{type(e).__name__}: {e}"
    fast = outcome()
    with mock.patch.object(values, "_test", lambda hint: None), mock.patch.object(values, "_RECORD_TESTS", {}):
        assert fast == outcome()


def test_container_name_may_not_end_in_a_newline() -> None:
    h = DockerHost(seed=0)
    with pytest.raises(DockerError, match="Invalid container name"):
        h.run("busybox", name="c\n")


# -- the recordings: names and MACs only the Engine API carries ------------------------------------
def _engines(*scenarios: str) -> list[str]:
    """The engines with a recording of every one of ``scenarios``."""
    return [e for e in ("28", "20.10", "26")
            if all(os.path.exists(os.path.join(API, f"docker-{e}", s + ".jsonl")) for s in scenarios)]


def _recorded(engine: str, scenario: str) -> list[dict[str, Any]]:
    with open(os.path.join(API, f"docker-{engine}", scenario + ".jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _api_reply(entry: dict[str, Any]) -> dict[str, Any]:
    return json.loads(entry["stdout"])


def _outcome(call: Callable[[], Any]) -> Optional[str]:
    try:
        call()
        return None
    except DockerError as e:
        return str(e)


@pytest.mark.parametrize("engine", _engines("r121_names_api"))
def test_network_names_through_the_api_as_recorded(engine: str) -> None:
    rec = {e["command"]: e for e in _recorded(engine, "r121_names_api")}
    curls = [e for c, e in rec.items() if "networks/create" in c]
    names = [json.loads(c.split("-d '", 1)[1].split("'", 1)[0])["Name"] for c in [e["command"] for e in curls]]
    h = DockerHost(engine=engine, seed=0)
    for name, entry in zip(names, curls):
        reply = _api_reply(entry)
        got = _outcome(lambda: h.network_create(name))
        assert got == reply.get("message"), (name, got, reply)
    listed = sorted(json.dumps(n.name) for n in h.network_list())
    ls = "docker network ls --format '{{json .Name}}'"
    last_ls = [e for e in _recorded(engine, "r121_names_api") if e["command"] == ls][-1]
    recorded_names = last_ls["stdout"].split()
    assert set(listed) - {'"x\\ny"', '"x\\ty"'} == set(recorded_names) - {'"x\\ny"', '"x\\ty"'}


@pytest.mark.parametrize("engine", _engines("r121_names_api", "r122_mac_api"))
def test_container_names_and_macs_through_the_api_as_recorded(engine: str) -> None:
    rec = _recorded(engine, "r121_names_api")
    h = DockerHost(engine=engine, seed=0)
    for entry in rec:
        cmd = entry["command"]
        if "containers/create?name=c%0A" in cmd:
            assert _outcome(lambda: h.container_create(ContainerSpec(name="c\n"))) == _api_reply(entry)["message"]
        elif "containers/create?name=c%00d" in cmd:
            assert _outcome(lambda: h.container_create(ContainerSpec(name="c\0d"))) == _api_reply(entry)["message"]
        elif "name=m1" in cmd:
            reply = _api_reply(entry)
            got = _outcome(lambda: h.container_create(ContainerSpec(name="m1", mac_address="02:42:ac:11:00:02;x")))
            assert got == reply.get("message")
    start = next(e for e in _recorded(engine, "r122_mac_api") if e["command"] == "docker start m1")
    err = _outcome(lambda: h.container_start("m1"))
    assert f"Error response from daemon: {err}\n" == start["stderr"].split("Error: failed")[0]


def test_connect_with_a_bad_mac_as_recorded() -> None:
    for engine in _engines("r122_mac_api"):
        entry = next(e for e in _recorded(engine, "r122_mac_api") if "/connect" in e["command"])
        h = DockerHost(engine=engine, seed=0)
        h.network_create("n1", ipam_config=[{"Subnet": "10.5.0.0/24"}])
        h.container_create(ContainerSpec(name="m3"))
        got = _outcome(lambda: h.network_connect("n1", "m3", EndpointSpec(mac="zz")))
        assert got == (_api_reply(entry)["message"] if entry["stdout"] else None)


@pytest.mark.parametrize(("engine", "scenario"), [(e, s) for s in ("r122_mac_api", "r123_mtu", "r124_mtu_start")
                                                  for e in _engines(s)])
def test_create_and_run_lines_as_recorded(engine: str, scenario: str) -> None:
    """The ``docker network create`` and ``docker run -d`` lines of the API recordings (odd MACs
    and MTUs) through the simulated CLI: exit code and stderr, with veth names, the hook's
    timestamp and IDs masked (the recorded busybox shells exit at once, the model's stay up, so
    later lines are not compared)."""
    import re

    def mask(text: str) -> str:
        text = re.sub(r"veth[0-9a-f]{7}", "vethX", text)
        return re.sub(r'time="[^"]*"', 'time="T"', re.sub(r"\b[0-9a-f]{64}\b", "ID", text))

    h = DockerHost(engine=engine, seed=0)
    seen = 0
    for entry in _recorded(engine, scenario):
        cmd = entry["command"]
        if not re.match(r"docker (network create|run -d) ", cmd):
            continue
        r = h.sh(cmd)
        got = (r.exit_code, mask(r.stdout), mask(r.stderr))
        assert got == (entry["exit_code"], mask(entry["stdout"]), mask(entry["stderr"])), cmd
        seen += 1
    assert seen >= 3
    if scenario == "r122_mac_api":   # the kernel's spelling of a dashed MAC
        assert h.container_inspect("m3")["NetworkSettings"]["Networks"]["bridge"]["MacAddress"] == "02:42:ac:11:00:09"


def _curl_create(cmd: str) -> tuple[str, ContainerSpec]:
    """The container a recorded ``curl … /containers/create?name=N`` line asked for."""
    import re
    body = json.loads(re.search(r"-d '(.*?)' ", cmd).group(1))  # type: ignore[union-attr]
    name = re.search(r"name=([^\"&]+)", cmd).group(1)  # type: ignore[union-attr]
    host = body.get("HostConfig", {})
    spec = ContainerSpec(image=body["Image"], cmd=body.get("Cmd"), name=name,
                         port_bindings=host.get("PortBindings", {}), publish_all=host.get("PublishAllPorts", False),
                         expose=list(body.get("ExposedPorts", {})), mac_address=body.get("MacAddress", ""))
    return name, spec


@pytest.mark.parametrize(("engine", "scenario"), [(e, s) for s in ("r125_ports_api", "r126_ports_proto", "r127_hostip_api")
                                                  for e in _engines(s)])
def test_ports_through_the_api_as_recorded(engine: str, scenario: str) -> None:
    """Ports only an Engine API caller can send: the create's answer, then what start, ps, port
    and inspect say (IDs masked)."""
    import re

    def mask(text: str) -> str:
        return re.sub(r"Up [^\n]*", "Up", re.sub(r"\b[0-9a-f]{64}\b", "ID", text))

    h = DockerHost(engine=engine, seed=0)
    for entry in _recorded(engine, scenario):
        cmd = entry["command"]
        if cmd.startswith("curl ") and "/containers/create" in cmd:
            name, spec = _curl_create(cmd)
            reply = _api_reply(entry)
            assert _outcome(lambda: h.container_create(spec)) == reply.get("message"), cmd
        elif re.match(r"docker (start|ps|port|inspect) ", cmd):
            r = h.sh(cmd)
            assert (r.exit_code, mask(r.stdout), mask(r.stderr)) == (
                entry["exit_code"], mask(entry["stdout"]), mask(entry["stderr"])), cmd


@pytest.mark.parametrize("engine", _engines("r128_container_names_api"))
def test_one_character_container_names_are_refused_as_recorded(engine: str) -> None:
    """``create?name=a``, ``name=/b`` and renames to ``c``/``/c``: every engine wants two
    characters (moby's ``^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$``), and the host is left as it was."""
    import re
    h = DockerHost(engine=engine, seed=0)
    seen = 0
    for entry in _recorded(engine, "r128_container_names_api"):
        cmd = entry["command"]
        create = re.search(r"containers/create\?name=([^\"]+)\"", cmd)
        rename = re.search(r"containers/(\w+)/rename\?name=([^\"]+)\"", cmd)
        if create and not entry["stdout"].startswith("{\"Id\""):
            name = create.group(1).replace("%2F", "/")
            assert _outcome(lambda: h.container_create(ContainerSpec(name=name))) == _api_reply(entry)["message"]
            seen += 1
        elif create:
            h.container_create(ContainerSpec(name=create.group(1)))
        elif rename and entry["stdout"].startswith("{"):
            new = rename.group(2).replace("%2F", "/")
            before = h.state()
            assert _outcome(lambda: h.container_rename(rename.group(1), new)) == _api_reply(entry)["message"]
            assert h.state() == before
            seen += 1
    assert seen == 4
    assert [c.name for c in h.container_list(all=True)] == ["ab"]


def test_annotations_are_read_as_typing_reads_them() -> None:
    """The checks resolve annotations without ``typing.get_type_hints`` (which compiles each one):
    for every record and every ``typed`` method in the package the result is typing's, and none
    of those the checks use falls back to typing."""
    import importlib
    import inspect
    import pkgutil
    import sys
    import typing

    import dockernet_sim
    from dockernet_sim.records import is_record
    from dockernet_sim.values import annotations_of, typed

    checked = typed(lambda self: None).__code__
    compared = 0
    for info in pkgutil.walk_packages(dockernet_sim.__path__, "dockernet_sim."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    for name, module in list(sys.modules.items()):
        if not name.startswith("dockernet_sim"):
            continue
        for obj in list(vars(module).values()):
            if isinstance(obj, type) and obj.__module__ == name and is_record(obj):
                mine = annotations_of(obj.__dict__.get("__annotations__", {}), vars(module), obj.__dict__)
                try:
                    assert mine == typing.get_type_hints(obj), obj
                    compared += 1
                except NameError:               # a name imported only for type checkers
                    assert mine is None, obj
            for fn in vars(obj).values() if isinstance(obj, type) and obj.__module__ == name else ():
                if getattr(fn, "__code__", None) is checked:
                    declared = inspect.unwrap(fn)
                    mine = annotations_of(fn.__annotations__, declared.__globals__, {"Daemon": object})
                    assert mine == typing.get_type_hints(declared, localns={"Daemon": object}), fn
                    compared += 1
    assert compared > 100
    assert annotations_of({"x": "Optional[Callable[[str], int]]", "y": "tuple[()] | list[int]"},
                          {"Optional": Optional, "Callable": Callable}) == \
        {"x": Optional[Callable[[str], int]], "y": tuple[()] | list[int]}
    assert annotations_of({"x": "Missing"}, {}) is None and annotations_of({"x": "a + b"}, {}) is None
