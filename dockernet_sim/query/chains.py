"""The rules of a netfilter chain that can match a packet, found by its destination address.

The kernel walks a chain rule by rule (``ipt_do_table``); a trace does the same, and so must
give the same answer — but Docker 28 writes one ``raw PREROUTING -d IP/32 ! -i BRIDGE -j DROP``
per container (and a ``filter DOCKER -d IP/32 … -j ACCEPT`` per published port), so on a host of
10,000 containers every packet would test 10,000 rules of which at most one names its
destination. A :class:`RuleBook` parses each chain once per query and files the rules that match
one destination address (``-d A``, ``-d A/32``, ``-d A/128``, not negated) under that address;
the candidates for a packet are the other rules and those filed under its destination, in chain
order. Skipping a rule that cannot match changes nothing a trace shows: only a matching rule
makes a hop.
"""

from __future__ import annotations

from heapq import merge
from typing import Iterable, Optional

from ..records import Record
from ..addr import AddrError, IP, parse_ip
from ..kernel.netfilter import Chain, Rule

__all__ = ["RuleBook"]


class _Filed(Record, slots=True):
    rules: list[Rule]                        # the chain's rules when filed (a copy, to notice changes)
    fields: list[Optional[dict[str, object]]]  # each rule's fields, parsed once, when first a candidate
    general: list[int]                       # positions of rules that do not name one destination
    by_dst: dict[tuple[int, int], tuple[int, ...]]  # (version, value) -> positions of rules naming it


def _single_destination(dst: object) -> Optional[IP]:
    """The one address a rule's ``dst`` field, ``(negated, text)``, names, if it names one."""
    if not isinstance(dst, tuple) or dst[0]:
        return None
    text = str(dst[1])
    addr, _, length = text.partition("/")
    try:
        ip = parse_ip(addr)
    except (AddrError, ValueError):
        return None
    if length and length != str(ip.bits):
        return None
    return ip


# a rule's fields (None until a walk needs them) and the one destination it names
Parsed = tuple[Optional[dict[str, object]], Optional[tuple[int, int]]]


def _destination(rule: Rule) -> tuple[Optional[dict[str, object]], object]:
    """What filing a rule needs: its ``dst`` field, without parsing the rest when the rule cannot
    name one (no ``-d`` in it) or names it first and nowhere else (Docker 28's raw ``DROP`` per
    container, ``-d IP/32 ! -i BRIDGE -j DROP``); else the fields, parsed whole."""
    spec = rule.spec
    if "-d" not in spec:
        return None, None
    if spec.startswith("-d "):
        words = spec.split()
        if len(words) > 1 and words.count("-d") == 1:
            return None, (False, words[1])
    fields = rule.fields()
    return fields, fields.get("dst")


class RuleBook:
    """Parsed chains for the walks of one query; a chain changed since it was filed is filed again.
    ``parsed`` (each rule's fields by its text) may be shared with another host's book: the two
    hosts of a diff hold mostly the same rules."""

    __slots__ = ("_filed", "_parsed")

    def __init__(self, parsed: Optional[dict[str, Parsed]] = None) -> None:
        self._filed: dict[int, tuple[Chain, _Filed]] = {}
        self._parsed: dict[str, Parsed] = parsed if parsed is not None else {}

    def _parse(self, rule: Rule) -> Parsed:
        got = self._parsed.get(rule.spec)
        if got is None:
            fields, dst = _destination(rule)
            ip = _single_destination(dst)
            got = self._parsed[rule.spec] = (fields, (ip.version, ip.value) if ip is not None else None)
        return got

    def _file(self, chain: Chain) -> _Filed:
        got = self._filed.get(id(chain))
        if got is not None and got[0] is chain and got[1].rules == chain.rules:
            return got[1]
        rules = list(chain.rules)
        parsed = [self._parse(r) for r in rules]
        general: list[int] = []
        # positions as tuples: plain values, which the cyclic collector stops tracking (one per
        # container's raw DROP rule on Docker 28)
        by_dst: dict[tuple[int, int], tuple[int, ...]] = {}
        for i, (_, dst) in enumerate(parsed):
            if dst is None:
                general.append(i)
            else:
                by_dst[dst] = by_dst.get(dst, ()) + (i,)
        filed = _Filed(rules, [f for f, _ in parsed], general, by_dst)
        self._filed[id(chain)] = (chain, filed)
        return filed

    def _fields(self, filed: _Filed, i: int) -> dict[str, object]:
        got = filed.fields[i]
        if got is None:
            rule = filed.rules[i]
            got = filed.fields[i] = rule.fields()
            self._parsed[rule.spec] = (got, self._parsed[rule.spec][1])
        return got

    def candidates(self, chain: Chain, dst: IP) -> Iterable[tuple[Rule, dict[str, object]]]:
        """The chain's rules that may match a packet to ``dst``, in chain order, with their fields."""
        filed = self._file(chain)
        named = filed.by_dst.get((dst.version, dst.value))
        order: Iterable[int] = filed.general if not named else merge(filed.general, named)
        return [(filed.rules[i], self._fields(filed, i)) for i in order]
