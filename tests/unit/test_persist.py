"""Saving and loading hosts: load(save(h)) behaves like h; bad files fail clearly and load nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from dockernet_sim.engines import PROFILES
from dockernet_sim import DockerHost
from dockernet_sim import persist
from dockernet_sim.daemon.config import DaemonConfig, HostSpec
from dockernet_sim.daemon.container import Image
from dockernet_sim.daemon.containers import ContainerSpec, EndpointSpec
from dockernet_sim.errors import DockerError
from dockernet_sim.persist import PersistError

SETUP = [
    "docker network create --subnet 10.5.0.0/16 --gateway 10.5.0.1 n1",
    "docker network create n2",
    "docker run -d --name aa --network n1 --ip 10.5.0.9 busybox",
    "docker run -d --name bb -p 8080:80 busybox",
    "docker run -d --name aa busybox",                     # fails: name taken (still recorded)
    "docker network create --subnet bogus n3",            # fails
    "docker network connect n2 aa",
    "docker run -d --name cc --network container:bb busybox",
    "docker stop bb",
    "docker start bb",
    "docker rename cc c2",
    "docker network disconnect n2 aa",
    "docker run -d busybox",                              # a generated name
    "docker rm -f aa",
]
AFTER = [
    "docker run -d --name dd busybox",
    "docker network create n4",
    "docker network inspect n4",
    "docker ps -a --no-trunc",
    "docker inspect dd",
    "ip a",
    "ip route",
    "iptables-save",
    "brctl show",
]


def build(engine: str, seed: int = 7, **kw: object) -> DockerHost:
    h = DockerHost(engine=engine, seed=seed, **kw)  # type: ignore[arg-type]
    for line in SETUP:
        h.sh(line)
    return h


def outputs(h: DockerHost) -> list[tuple[str, str, int]]:
    return [(r.stdout, r.stderr, r.exit_code) for r in map(h.sh, AFTER)]


@pytest.mark.parametrize("engine", list(PROFILES))
def test_round_trip_behaves_identically(engine: str, tmp_path: Path) -> None:
    h = build(engine)
    path = tmp_path / "host.json"
    h.save(path)
    h2 = DockerHost.load(path)
    assert isinstance(h2, DockerHost)
    assert h2.state() == h.state()
    assert persist.digest(h2) == persist.digest(h)
    assert outputs(h2) == outputs(h)          # same IDs, MACs, names for the new objects too


def test_python_api_calls_round_trip(tmp_path: Path) -> None:
    h = DockerHost(engine="28", seed=3, host=HostSpec(hostname="box", eth0="198.51.100.7/24", gateway="198.51.100.1"),
                   config=DaemonConfig(icc=False, bip="172.30.0.1/16"),
                   images=[Image("web", ("/bin/sh",), ("80/tcp",))])
    h.network_create("n1", ipam_config=[{"Subnet": "10.9.0.0/24"}], labels={"k": "v"})
    spec = ContainerSpec(image="web", name="ww", networks={"n1": EndpointSpec(ipv4="10.9.0.7", aliases=["x"])},
                         port_bindings={"80/tcp": [{"HostIp": "", "HostPort": "9090"}]})
    cid, _ = h.container_create(spec)
    h.container_start(cid)
    h.run("busybox", name="rr", networks={"n1": {"aliases": ["rr"]}})
    h.add_image(Image("late", ("/bin/true",)))
    with pytest.raises(DockerError):
        h.network_create("n1")
    h.save(tmp_path / "h.json")
    h2 = DockerHost.load(tmp_path / "h.json")
    assert h2.state() == h.state()
    assert h2.config == h.config and h2.host == h.host
    assert "late" in h2.images
    assert h2.run("busybox", name="new") == h.run("busybox", name="new")


def test_nested_calls_are_recorded_once() -> None:
    h = DockerHost(seed=1)
    h.run("busybox", name="aa")              # create + start inside
    ops = [c["op"] for c in persist.to_document(h)["calls"]]
    assert ops == ["run"]


def test_document_shape() -> None:
    h = build("28")
    doc = json.loads(persist.dumps(h))
    assert doc["format"] == "dockernet_sim.host" and doc["version"] == persist.VERSION
    assert doc["engine"] == "28" and doc["seed"] == 7
    assert doc["digest"].startswith("sha256:")
    failing = [c for c in doc["calls"] if c.get("error")]
    assert failing and all(set(c["error"]) == {"type", "message"} for c in failing)


def test_fork_keeps_its_own_history(tmp_path: Path) -> None:
    h = build("28")
    f = h.fork()
    f.sh("docker network create only-in-fork")
    f.save(tmp_path / "f.json")
    h.save(tmp_path / "h.json")
    assert "only-in-fork" in DockerHost.load(tmp_path / "f.json").sh("docker network ls").stdout
    assert "only-in-fork" not in DockerHost.load(tmp_path / "h.json").sh("docker network ls").stdout


def test_encode_decode_round_trip() -> None:
    values = [None, 1, "x", [1, (2, 3)], {"a": (1,)}, {("t", 1): 2}, {"$odd": 1},
              ContainerSpec(name="aa", networks={"n": EndpointSpec(ipv4="10.0.0.2")}), DaemonConfig(icc=False)]
    for v in values:
        assert persist.decode(json.loads(json.dumps(persist.encode(v)))) == v


def test_unrecordable_argument_is_refused_and_the_host_stays_saveable() -> None:
    h = DockerHost(seed=0)
    with pytest.raises(TypeError, match="ipam_config"):
        h.network_create("n1", ipam_config=[{"Subnet": object()}])
    h.network_create("n2")
    again = persist.loads(persist.dumps(h), DockerHost)
    assert again.state() == h.state()


def damaged(text: str) -> dict[str, str]:
    doc = json.loads(text)
    calls = doc["calls"]
    first_ok = next(i for i, c in enumerate(calls) if not c.get("error"))
    cases = {}

    def put(name: str, d: object) -> None:
        cases[name] = d if isinstance(d, str) else json.dumps(d)

    put("truncated", text[: len(text) // 2])
    put("empty", "")
    put("not an object", "[1, 2]")
    put("foreign json", {"name": "something else"})
    put("newer version", {**doc, "version": 99})
    put("unknown engine", {**doc, "engine": "19.03"})
    put("seed as text", {**doc, "seed": "7"})
    put("missing calls", {k: v for k, v in doc.items() if k != "calls"})
    put("unknown op", {**doc, "calls": calls + [{"op": "os_system", "args": ["rm -rf /"], "kwargs": {}}]})
    put("foreign class", {**doc, "calls": [{"op": "container_create", "args": [{"$dc": "Popen", "fields": {}}],
                                            "kwargs": {}}]})
    put("bad field", {**doc, "calls": [{"op": "container_create",
                                        "args": [{"$dc": "ContainerSpec", "fields": {"nope": 1}}], "kwargs": {}}]})
    put("dropped call", {**doc, "calls": calls[:first_ok] + calls[first_ok + 1:]})
    put("changed outcome", {**doc, "calls": [dict(c, error=None) if c.get("error") else c for c in calls]})
    put("edited digest", {**doc, "digest": "sha256:" + "0" * 64})
    put("other seed", {**doc, "seed": 8})
    put("bad args type", {**doc, "calls": [{"op": "network_create", "args": "n1", "kwargs": {}}]})
    put("wrong kwarg", {**doc, "calls": [{"op": "network_create", "args": ["x"], "kwargs": {"bogus": 1}}]})
    return cases


@pytest.mark.parametrize("case", list(damaged(persist.dumps(build("28")))))
def test_damaged_or_foreign_files_fail_clearly(case: str, tmp_path: Path) -> None:
    text = damaged(persist.dumps(build("28")))[case]
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(PersistError) as info:
        DockerHost.load(path)
    msg = str(info.value)
    assert isinstance(info.value, ValueError)
    assert msg and "\n" not in msg
    assert any(w in msg for w in ("not a", "version", "engine", "wrong type", "missing", "unknown", "diverged",
                                  "digest", "malformed", "has no field", "cannot build"))


def test_missing_file() -> None:
    with pytest.raises(PersistError, match="cannot read host file"):
        DockerHost.load("/nonexistent/dir/host.json")


def test_save_is_atomic_and_overwrites(tmp_path: Path) -> None:
    h = build("28")
    path = tmp_path / "h.json"
    path.write_text("old")
    h.save(path)
    assert json.loads(path.read_text())["format"] == "dockernet_sim.host"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.json"]


def test_repl_save_and_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    from dockernet_sim import __main__ as main
    path = tmp_path / "s.json"
    lines = iter(["docker network create n1", f"save {path}", "docker network create n2", f"load {path}",
                  "docker network ls", f"load {tmp_path / 'nope.json'}", "exit"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(lines))
    assert main.repl("28", 0) == 0
    out, err = capsys.readouterr()
    assert f"saved to {path}" in out and f"loaded {path}" in out
    listing = out.split(f"loaded {path}")[1]
    assert " n1 " in listing and " n2 " not in listing
    assert "load: cannot read host file" in err


# -- loading in proportion to the file (issue 15) -------------------------------------------------
FIXTURES = Path(__file__).resolve().parent / "persist_fixtures"


@pytest.mark.parametrize("engine", list(PROFILES))
def test_files_written_before_the_faster_load_still_load(engine: str) -> None:
    """host_ENGINE.json: build(ENGINE) saved by commit 1b65111 (the replay that re-recorded every
    call and the digest's first walk). Loading checks its digest, so this also pins the digest."""
    old = DockerHost.load(FIXTURES / f"host_{engine}.json")
    fresh = build(engine)
    assert old.state() == fresh.state()
    # the log is the file's own entries, as they were written (the call arguments may have gained
    # fields since: the fresh host's log spells them out)
    saved = json.loads((FIXTURES / f"host_{engine}.json").read_text())["calls"]
    assert [json.loads(c) for c in persist.call_log(old).calls] == saved
    assert outputs(old) == outputs(fresh)


@pytest.mark.parametrize("engine", list(PROFILES))
def test_a_loaded_log_is_the_log_the_calls_would_have_written(engine: str) -> None:
    h = build(engine)
    text = persist.dumps(h)
    again = persist.loads(text, DockerHost)
    assert persist.call_log(again).calls == persist.call_log(h).calls
    assert persist.dumps(again) == text
    assert outputs(again) == outputs(h)         # and it goes on recording after the load
    assert persist.call_log(again).calls == persist.call_log(h).calls


@pytest.mark.parametrize("collecting", [True, False])
def test_load_leaves_the_cyclic_collector_as_it_found_it(collecting: bool) -> None:
    import gc
    good = persist.dumps(build("28"))
    bad = good.replace('"n1"', '"n9"', 1)     # the replay diverges or the digest differs
    was = gc.isenabled()
    try:
        (gc.enable if collecting else gc.disable)()
        persist.loads(good, DockerHost)
        assert gc.isenabled() is collecting
        with pytest.raises(PersistError):
            persist.loads(bad, DockerHost)
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()


def _bounds_reference(doc: object, max_depth: int, max_values: int, max_string: int) -> bool:
    """The first check_bounds, one value at a time: whether the document is within the limits."""
    stack: list[tuple[object, int]] = [(doc, 0)]
    count = 0
    while stack:
        v, depth = stack.pop()
        count += 1
        if count > max_values:
            return False
        if isinstance(v, str):
            if len(v) > max_string:
                return False
        elif isinstance(v, (list, dict)):
            if depth >= max_depth:
                return False
            stack.extend((x, depth + 1) for x in (v.values() if isinstance(v, dict) else v))
            if isinstance(v, dict):
                stack.extend((k, depth + 1) for k in v)
    return True


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=6),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
                     max_leaves=40)


@settings(max_examples=400, deadline=None)
@given(doc=_JSON, depth=st.integers(1, 5), values=st.integers(1, 40), string=st.integers(0, 5))
def test_check_bounds_refuses_exactly_what_the_value_by_value_walk_refused(doc: object, depth: int, values: int,
                                                                            string: int) -> None:
    import unittest.mock
    with unittest.mock.patch.multiple(persist, MAX_DEPTH=depth, MAX_VALUES=values, MAX_STRING=string):
        try:
            persist.check_bounds(doc)
            within = True
        except PersistError as e:
            assert str(e).startswith("not a valid host file: ")
            within = False
    assert within == _bounds_reference(doc, depth, values, string)
