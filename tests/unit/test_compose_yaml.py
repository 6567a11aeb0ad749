"""The compose YAML reader against what docker compose v2 reads and reports.

The error table is what ``docker compose config`` (compose 2.40.3, Go YAML v3) printed on this
machine for each document; ``test_errors_match_real_compose`` re-asks the real binary when it is
installed, so the table cannot drift from the tool.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess

import pytest

from dockernet_sim.compose.yaml import DuplicateKey, YAMLError, load, resolve_plain

VALUES = [
    ("services:\n  web:\n    image: web:latest\n    ports:\n      - \"8080:80\"\n    depends_on: [db]\n",
     {"services": {"web": {"image": "web:latest", "ports": ["8080:80"], "depends_on": ["db"]}}}),
    ("ports:\n  - 8080:80\n  - 53:53/udp\n", {"ports": ["8080:80", "53:53/udp"]}),   # no base 60
    ("a: yes\nb: on\nc: True\nd: FALSE\ne: ~\nf:\ng: Null\n",
     {"a": "yes", "b": "on", "c": True, "d": False, "e": None, "f": None, "g": None}),
    ("a: 0o17\nb: 017\nc: 0x1F\nd: 0b101\ne: 1_000\nf: 08\ng: 1e5\nh: .5\ni: -0x1F\nj: +12\n",
     {"a": 15, "b": 15, "c": 31, "d": 5, "e": 1000, "f": 8.0, "g": 100000.0, "h": 0.5, "i": -31, "j": 12}),
    ("big: 9223372036854775808\nhuge: 18446744073709551616\n",
     {"big": 9223372036854775808, "huge": 1.8446744073709552e19}),
    ("k: |\n  line1\n  line2\n\nl: >-\n  folded\n  text\n\n  para\nm: |+\n  keep\n\n",
     {"k": "line1\nline2\n", "l": "folded text\npara", "m": "keep\n\n"}),
    ("f: >\n  a\n    more\n  b\n", {"f": "a\n  more\nb\n"}),
    ("x: &base {image: busybox, tty: true}\ny:\n  <<: *base\n  tty: false\n",
     {"x": {"image": "busybox", "tty": True}, "y": {"image": "busybox", "tty": False}}),
    ("key:\n- a\n- b\nother: 'it''s'\n", {"key": ["a", "b"], "other": "it's"}),
    ('x: "a\\tb\\u00e9\\x41"\ny: plain\n  continued\n\n  para\n',
     {"x": "a\tb\u00e9A", "y": "plain continued\npara"}),
    ("# comment\n---\nx: [a, b,\n  c]  # trailing\ny: {a: 1,\n  b: }\n...\n", {"x": ["a", "b", "c"], "y": {"a": 1, "b": None}}),
    ("- a\n- b: 1\n  c: 2\n- - x\n  - y\n-\n", ["a", {"b": 1, "c": 2}, ["x", "y"], None]),
    ("a: !!str 123\nb: !!float 1\nc: 'x # not a comment'\nd: x#y\n", {"a": "123", "b": 1.0, "c": "x # not a comment", "d": "x#y"}),
    ("", None),
    ("d: 2001-12-14\nt: 2001-12-14t21:59:43.10-05:00\ns: 2001-12-14 21:59:43.5\nn: 2001-13-01\n",
     {"d": "2001-12-14T00:00:00Z", "t": "2001-12-14T21:59:43.1-05:00", "s": "2001-12-14T21:59:43.5Z",
      "n": "2001-13-01"}),
]


@pytest.mark.parametrize("text,expected", VALUES)
def test_values(text: str, expected: object) -> None:
    assert load(text) == expected


# (document, what docker compose 2.40.3 printed) — "yaml: " messages come from the YAML library
ERRORS = [
    ("a: b: c\n", "yaml: mapping values are not allowed in this context"),
    ("services:\n  web:\n    image: x\n   ports: []\n", "yaml: line 1: did not find expected key"),
    ("services:\n  web: [1, 2\n", "yaml: line 1: did not find expected ',' or ']'"),
    ("services:\n  web: {a: 1\n", "yaml: line 1: did not find expected ',' or '}'"),
    ("services:\n  web:\n    image: 'x\n", "yaml: line 3: found unexpected end of stream"),
    ("services:\n\tweb:\n", "yaml: line 2: found character that cannot start any token"),
    ("@foo: 1\n", "yaml: found character that cannot start any token"),
    ("services:\n  web:\n    image: *nope\n", "yaml: unknown anchor 'nope' referenced"),
    ('services:\n  web:\n    image: "a\\qb"\n', "yaml: line 3: found unknown escape character"),
    ("services:\n  web:\n    image: x\n  - a\n", "yaml: line 1: did not find expected key"),
    ("services:\n  web:\n    - a\n    b: c\n", "yaml: line 2: did not find expected '-' indicator"),
    ("services:\n  web:\n    image: |0\n      x\n", "yaml: line 3: found an indentation indicator equal to 0"),
    ("services:\n  web:\n    image: | x\n", "yaml: line 3: did not find expected comment or line break"),
    ("services:\n  web:\n    image: x\n    x: [a]b\n", "yaml: line 2: did not find expected key"),
    ("x: 1\n  y: 2\n", "yaml: line 2: mapping values are not allowed in this context"),
    ("services:\n  web:\n    image: x\n      y: 2\n", "yaml: line 4: mapping values are not allowed in this context"),
    ("a\nb: c\n", "yaml: line 2: mapping values are not allowed in this context"),
    ("services:\n  web:\n    image: [a, b]]\n", "yaml: line 2: did not find expected key"),
    ("services:\n  web:\n    image: x\n    garbage\n", "yaml: line 4: could not find expected ':'"),
    ("services:\n  web: [a, , b]\n", "yaml: line 1: did not find expected node content"),
]


@pytest.mark.parametrize("text,message", ERRORS)
def test_errors(text: str, message: str) -> None:
    with pytest.raises(YAMLError) as caught:
        load(text)
    assert str(caught.value) == message


def test_duplicate_key_names_both_lines() -> None:
    with pytest.raises(DuplicateKey) as caught:
        load("services:\n  web:\n    image: x\n    image: y\n")
    assert (caught.value.key, caught.value.line, caught.value.first_line) == ("image", 4, 3)


def test_bounded_aliases_and_depth() -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    with pytest.raises(YAMLError, match="excessive aliasing"):
        load(laughs)
    with pytest.raises(YAMLError, match="max depth"):
        load("[" * 10_000)
    with pytest.raises(YAMLError, match="max depth"):
        load("".join(" " * i + "a:\n" for i in range(5000)))


def test_resolution_table() -> None:
    assert [resolve_plain(s) for s in ("yes", "no", "y", "0", "-0", "1.", "0x", ".inf", "-.Inf")] == \
        ["yes", "no", "y", 0, 0, 1.0, "0x", math.inf, -math.inf]
    assert math.isnan(resolve_plain(".NaN"))


COMPOSE = shutil.which("docker")


def _real_compose(tmp_path: "os.PathLike[str]", text: str) -> "subprocess.CompletedProcess[str]":
    app = os.path.join(tmp_path, "app")
    os.makedirs(app, exist_ok=True)
    with open(os.path.join(app, "compose.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
    return subprocess.run([COMPOSE or "docker", "compose", "config", "--format", "json"], cwd=app,
                          capture_output=True, text=True, timeout=30,
                          env=dict(os.environ, DOCKER_HOST="unix:///nonexistent.sock"))


def _has_compose() -> bool:
    if COMPOSE is None:
        return False
    return subprocess.run([COMPOSE, "compose", "version"], capture_output=True).returncode == 0


needs_compose = pytest.mark.skipif(not _has_compose(), reason="the real docker compose v2 is not installed")


@needs_compose
@pytest.mark.parametrize("text,message", ERRORS[:8])
def test_errors_match_real_compose(tmp_path: "os.PathLike[str]", text: str, message: str) -> None:
    done = _real_compose(tmp_path, text)
    assert done.returncode == 1
    assert done.stderr.strip() == message


@needs_compose
def test_values_match_real_compose(tmp_path: "os.PathLike[str]") -> None:
    data = ("x-data:\n  a: 0o17\n  b: 017\n  c: yes\n  d: 1_000\n  e: .5\n  f: 0b101\n  g: -0x1F\n"
            "  h: 9223372036854775808\n  i: 08\n  j: 'quoted'\n  k: |\n    two\n    lines\n")
    done = _real_compose(tmp_path, "services:\n  web:\n    image: busybox\n" + data)
    assert done.returncode == 0, done.stderr
    real = json.loads(done.stdout)["x-data"]
    mine = load(data)["x-data"]
    assert {k: (int(v) if isinstance(v, float) and v.is_integer() else v) for k, v in mine.items()} == real


# -- a corpus of compose files as people write them --------------------------------------------
CORPUS = sorted((os.path.join(os.path.dirname(__file__), "compose_corpus", n)
                 for n in os.listdir(os.path.join(os.path.dirname(__file__), "compose_corpus"))), key=str)


def _yaml12_loader() -> object:
    """PyYAML taught Go's YAML v3 scalar rules (its own are YAML 1.1's): an independent reader
    of the same documents, to compare trees with."""
    yaml = pytest.importorskip("yaml")
    import re

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {}
    Loader.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))
    Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
    Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(
        r"^[-+]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$"), list("-+0123456789"))
    Loader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
        list("-+0123456789."))

    def construct_int(loader: object, node: object) -> object:
        text = loader.construct_scalar(node).replace("_", "")  # type: ignore[attr-defined]
        sign = -1 if text.startswith("-") else 1
        digits = text.lstrip("+-")
        if len(digits) > 1 and digits[0] == "0" and digits[1] not in "xXoObB":
            return sign * int(digits, 8)
        return sign * int(digits, 0)

    Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
    return Loader


@pytest.mark.parametrize("path", CORPUS, ids=os.path.basename)
def test_corpus_matches_an_independent_reader(path: str) -> None:
    yaml = pytest.importorskip("yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert load(text) == yaml.load(text, Loader=_yaml12_loader())  # noqa: S506 - a SafeLoader subclass


@needs_compose
@pytest.mark.parametrize("path", CORPUS, ids=os.path.basename)
def test_corpus_matches_real_compose(tmp_path: "os.PathLike[str]", path: str) -> None:
    """The real compose reads each corpus file, nested under an x- key it prints back as JSON."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    nested = "services:\n  s:\n    image: busybox\nx-doc:\n" + "".join("  " + line if line.strip() else line
                                                                        for line in text.splitlines(True))
    done = _real_compose(tmp_path, nested)
    assert done.returncode == 0, done.stderr
    real = json.loads(done.stdout)["x-doc"]
    mine = json.loads(json.dumps(load(text), default=str))

    def numbers(v: object) -> object:
        if isinstance(v, float) and v.is_integer():     # Go's JSON writes 1.0 as 1
            return int(v)
        if v == []:                                      # compose prints an extension's [] as null
            return None
        if isinstance(v, dict):
            return {k: numbers(x) for k, x in v.items()}
        if isinstance(v, list):
            return [numbers(x) for x in v]
        return v

    assert numbers(mine) == numbers(real)
