"""The compose YAML reader reads back what PyYAML (a test-only oracle) writes, in every style.

PyYAML resolves plain scalars by YAML 1.1 rules and compose by YAML 1.2's (as Go's YAML v3 does),
so generated strings are those both read the same way when plain; the typing itself is checked
against the real compose in tests/unit/test_compose_yaml.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from dockernet_sim.compose.yaml import load, resolve_plain

yaml = pytest.importorskip("yaml")

ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn"),
                         exclude_characters="\ufeff\x85\u2028\u2029") | st.sampled_from("\n\t :#-'\"[]{},&*!|>%@`")
strings = st.text(ALPHABET, max_size=30).filter(lambda s: resolve_plain(s) == s)
keys = st.text(ALPHABET.filter(lambda c: c not in "\n\t"), min_size=1, max_size=15).filter(
    lambda s: resolve_plain(s) == s)
scalars = (st.none() | st.booleans() | st.integers(-(2 ** 63), 2 ** 63 - 1)
           | st.floats(allow_nan=False, width=64) | strings)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(keys, inner, max_size=4), max_leaves=25)


def _dumper(block_style: str | None) -> Any:
    class Dumper(yaml.SafeDumper):
        pass

    def represent_str(dumper: Any, data: str) -> Any:
        style = block_style if block_style and "\n" in data else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    Dumper.add_representer(str, represent_str)
    return Dumper


@settings(max_examples=200)
@given(values, st.sampled_from([None, True, False]), st.integers(2, 6),
       st.sampled_from([None, "'", '"']), st.sampled_from([None, "|", ">"]), st.integers(20, 200))
def test_reads_back_what_pyyaml_writes(value: Any, flow: bool | None, indent: int, style: str | None,
                                       block: str | None, width: int) -> None:
    text = yaml.dump(value, Dumper=_dumper(block), default_flow_style=flow, indent=indent,
                     default_style=style, allow_unicode=True, sort_keys=False, width=width)
    assert load(text) == value, text


words = st.text(st.sampled_from("abcxyz019 .:-#'\""), min_size=1, max_size=40)
prose = st.lists(st.one_of(words, st.just(""), words.map(lambda w: "  " + w)), min_size=1, max_size=6).map(
    lambda lines: "\n".join(lines)) .map(lambda s: s + "\n" * (len(s) % 3)).filter(
    # a one-line value is written plain, where the two resolvers part ('009' is 9.0 to Go's YAML v3)
    lambda s: "\n" in s or resolve_plain(s) == s)


@settings(max_examples=150)
@given(st.dictionaries(keys, prose, min_size=1, max_size=4), st.sampled_from(["|", ">"]), st.integers(2, 6),
       st.integers(4, 40))
def test_block_scalars_read_back(value: dict[str, str], block: str, indent: int, width: int) -> None:
    text = yaml.dump(value, Dumper=_dumper(block), indent=indent, allow_unicode=True, sort_keys=False,
                     width=width)
    # PyYAML's reader is the oracle here: its writer does not always read back (a folded line
    # that starts with spaces after a wrapped one), and ours must read what PyYAML reads.
    assert load(text) == yaml.safe_load(text), text


@settings(max_examples=200)
@given(values)
def test_agrees_with_pyyaml_on_structure(value: Any) -> None:
    """Both readers see the same tree in the same text (strings kept plain-safe for both)."""
    text = yaml.safe_dump(value, sort_keys=False, allow_unicode=True)
    assert load(text) == yaml.safe_load(text)
