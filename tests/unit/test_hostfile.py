"""The text of a host file (issue 15): a save writes each call as the log holds it, one a line;
``hostfile.parse`` reads any text as ``json.loads`` does, with each call's own text beside it;
a load from the snapshot takes those texts as the log, and a file laid out otherwise (or with
entries the log never writes) is loaded as before. The bounds a load checks are the same
whether an entry is measured by its text or walked.
"""

from __future__ import annotations

import json
import unittest.mock
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from dockernet_sim import DockerHost, hostfile, persist
from dockernet_sim.persist import PersistError
from tests.unit.test_persist import build, outputs

# JSON values, with strings that need escapes (quotes, backslashes, newlines, non-ASCII)
_TEXT = st.text(alphabet=st.sampled_from('ab"\\\n\u00e9\u2028 {}[],:'), max_size=6)
_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT,
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
                     max_leaves=30)
# how a writer may space a document out
_SPACING = st.sampled_from([{}, {"indent": 1}, {"separators": (",", ":")}, {"indent": "\t", "ensure_ascii": False}])


@settings(max_examples=300, deadline=None)
@given(doc=st.dictionaries(_TEXT, _JSON, max_size=4), calls=st.one_of(st.lists(_JSON, max_size=5), _JSON),
       spacing=_SPACING, where=st.integers(0, 4))
def test_parse_reads_a_document_as_json_loads_and_gives_each_call_its_text(doc: dict[str, Any], calls: Any,
                                                                            spacing: dict[str, Any], where: int) -> None:
    items = list(doc.items())
    items.insert(min(where, len(items)), ("calls", calls))
    text = json.dumps(dict(items), **spacing)
    got, texts = hostfile.parse(text)
    assert got == json.loads(text)
    if type(got["calls"]) is list:
        assert texts is not None and [json.loads(t) for t in texts] == got["calls"]
        assert all(t == t.strip() for t in texts)
    else:
        assert texts is None


@pytest.mark.parametrize("text", ['', ' ', '[1, 2]', '"calls"', '{"calls": [1, 2,]}', '{"calls": [1 2]}',
                                  '{"calls": [1], }', '{"a": 1} {}', '{"calls": [', '\ufeff{}', '{"a": -Infinity, "calls": [Infinity]}',
                                  '{"calls": ' + '[' * 5000 + ']' * 5000 + '}', '{"calls": "x", "calls": [1]}',
                                  '{"calls": [1], "calls": "x"}', '{1: 2}', '{"a" 1}'])
def test_parse_refuses_what_json_loads_refuses_and_reads_what_it_reads(text: str) -> None:
    try:
        want: Any = ("value", json.loads(text))
    except (ValueError, RecursionError) as e:
        want = ("error", type(e), str(e))
    try:
        doc, texts = hostfile.parse(text)
        got: Any = ("value", doc)
    except (ValueError, RecursionError) as e:
        got, texts = ("error", type(e), str(e)), None
    assert got == want
    if got[0] == "value" and isinstance(got[1], dict) and type(got[1].get("calls")) is list:
        assert texts is not None and [json.loads(t) for t in texts] == got[1]["calls"]
    else:
        assert texts is None


# -- the bounds, by text or by walking ---------------------------------------------------------------
@settings(max_examples=400, deadline=None)
@given(calls=st.lists(_JSON, max_size=5), rest=_JSON, spacing=_SPACING, depth=st.integers(1, 8),
       values=st.integers(1, 80), string=st.integers(0, 12))
def test_measuring_calls_by_their_texts_refuses_exactly_what_the_walk_refuses(calls: list[Any], rest: Any,
                                                                              spacing: dict[str, Any], depth: int,
                                                                              values: int, string: int) -> None:
    doc = {"calls": calls, "rest": rest}
    texts = [json.dumps(c, **spacing) for c in calls]
    outcomes = []
    with unittest.mock.patch.multiple(persist, MAX_DEPTH=depth, MAX_VALUES=values, MAX_STRING=string):
        for given_texts in (None, texts):
            try:
                persist.check_bounds(doc, given_texts)
                outcomes.append(None)
            except PersistError as e:
                outcomes.append(str(e))
    assert outcomes[0] == outcomes[1]


# -- the layout and the log ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def saved() -> tuple[DockerHost, str]:
    h = build("28")
    return h, persist.dumps(h)


def test_a_save_writes_each_call_as_the_log_holds_it_one_a_line(saved: tuple[DockerHost, str]) -> None:
    h, text = saved
    log = persist.call_log(h).calls
    lines = text.splitlines()
    start = lines.index(' "calls": [')
    assert lines[start + 1:start + 1 + len(log)] == [c + "," for c in log[:-1]] + [log[-1]]
    assert lines[start + 1 + len(log)] == " ],"
    assert json.loads(text) == persist.to_document(h)


def test_a_load_takes_the_files_call_texts_as_its_log(saved: tuple[DockerHost, str]) -> None:
    h, text = saved
    with unittest.mock.patch.object(persist, "_check_entries", side_effect=AssertionError("entries re-read")):
        loaded = persist.loads(text, DockerHost)
    _, texts = hostfile.parse(text)
    assert persist.call_log(loaded).calls == texts == persist.call_log(h).calls
    assert persist.call_log(loaded).digest() == json.loads(text)["snapshot"]["log"]
    assert persist.dumps(loaded) == text
    fresh = build("28")
    assert outputs(loaded) == outputs(fresh)      # and it goes on recording after the load
    assert persist.call_log(loaded).calls == persist.call_log(fresh).calls


@pytest.mark.parametrize("spacing", [{"indent": 1}, {}, {"indent": "\t", "ensure_ascii": False}])
def test_a_file_laid_out_otherwise_loads_the_same_host_and_log(saved: tuple[DockerHost, str],
                                                               spacing: dict[str, Any]) -> None:
    """(as files saved before this layout: every entry written out again, as the log writes it)"""
    h, text = saved
    loaded = persist.loads(json.dumps(json.loads(text), **spacing), DockerHost)
    assert persist.call_log(loaded).calls == persist.call_log(h).calls
    assert persist.dumps(loaded) == text


def _rehash(doc: dict[str, Any]) -> str:
    """The document with its snapshot naming the log of its (edited) calls, laid out as a save does."""
    texts = [json.dumps(c, separators=(",", ":")) for c in doc["calls"]]
    doc["snapshot"]["log"] = persist._log_hash(texts)
    head = json.dumps({k: v for k, v in doc.items() if k not in ("calls", "digest", "snapshot")}, indent=1)[:-2]
    return hostfile.layout(head, texts, ' "digest": ' + json.dumps(doc["digest"]), json.dumps(doc["snapshot"]))


def test_entries_the_log_never_writes_are_read_as_before(saved: tuple[DockerHost, str]) -> None:
    """An entry without its kwargs, or with an empty error, is read as the entry the log would
    have written (and the snapshot, of that log, is not of these texts); an extra key is dropped."""
    h, text = saved
    doc = json.loads(text)
    for entry in doc["calls"]:
        if not entry["kwargs"]:
            del entry["kwargs"]
        entry.setdefault("error", None)
    edited = json.loads(json.dumps(doc))
    edited["calls"][0]["note"] = "by hand"
    for d in (doc, edited):
        d["snapshot"]["log"] = json.loads(text)["snapshot"]["log"]
        loaded = persist.loads(json.dumps(d), DockerHost)
        assert persist.call_log(loaded).calls == persist.call_log(h).calls


def _unknown(calls: list[Any], failed: int) -> str:
    calls[0]["op"] = "os_system"
    return "call #0 os_system: unknown operation"


def _misfit(calls: list[Any], failed: int) -> str:
    calls[0]["kwargs"]["bogus"] = 1
    return f"call #0 {calls[0]['op']}: arguments do not match the call"


def _error_shape(calls: list[Any], failed: int) -> str:
    calls[failed]["error"] = {"type": "X"}
    return f"call #{failed} {calls[failed]['op']}: malformed error"


def _no_object(calls: list[Any], failed: int) -> str:
    calls[1] = [1, 2]
    return "call #1 is malformed"


@pytest.mark.parametrize("change", [_unknown, _misfit, _error_shape, _no_object])
def test_a_call_log_edited_with_its_hash_is_still_checked_at_load(saved: tuple[DockerHost, str], change: Any) -> None:
    """The snapshot's hash of the log is no seal (it can be worked out again): the entries are
    checked whichever way the log is read."""
    doc = json.loads(saved[1])
    message = change(doc["calls"], next(i for i, c in enumerate(doc["calls"]) if "error" in c))
    with pytest.raises(PersistError) as info:
        persist.loads(_rehash(doc), DockerHost)
    assert str(info.value) == "not a valid host file: " + message


def test_a_loaded_log_edited_with_its_hash_is_read_when_asked_as_any_log_is(saved: tuple[DockerHost, str]) -> None:
    """An argument's value is checked when the log is read (``since_fork``), as any log's is: a
    well-formed entry with a value the log never writes loads, and the reading refuses it."""
    doc = json.loads(saved[1])
    doc["calls"][-1]["args"] = [{"$dc": "Popen", "fields": {}}]
    loaded = persist.loads(_rehash(doc), DockerHost)
    twin = loaded.fork()
    twin.sh("docker network create n9")
    assert [c.op for c in twin.since_fork(loaded).mine] == ["network_create"]
    with pytest.raises(PersistError, match="unknown object type 'Popen'"):
        persist.decode(json.loads(persist.call_log(loaded).calls[-1])["args"])
