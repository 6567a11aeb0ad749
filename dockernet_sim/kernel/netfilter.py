"""Netfilter tables, chains and rules, as iptables sees them.

A rule keeps its match-and-target arguments exactly as ``iptables -S`` prints them after
``-A CHAIN`` (so views render it verbatim) and can parse itself into fields for a packet walk.
Chains keep rules in order; the daemon appends or inserts as dockerd does.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, Iterator, Optional

from ..records import Record, field

BUILTIN_CHAINS: dict[str, tuple[str, ...]] = {
    "filter": ("INPUT", "FORWARD", "OUTPUT"),
    "nat": ("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"),
    "raw": ("PREROUTING", "OUTPUT"),
    "mangle": ("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"),
}
TABLE_ORDER = ("raw", "mangle", "nat", "filter")


class Rule(Record, frozen=True, slots=True):
    """One rule: ``spec`` is the text after ``-A CHAIN`` in ``iptables -S`` output."""

    spec: str

    def __reduce__(self) -> tuple[Any, ...]:
        return Rule, (self.spec,)   # (see Address.__reduce__)

    def args(self) -> list[str]:
        return self.spec.split()

    def fields(self) -> dict[str, object]:
        """Parse the spec into matches and target, for walking a packet through it.

        Keys: ``src``, ``dst``, ``in``, ``out``, ``proto``, ``dport`` (each a (negated, value)
        pair), ``dst_type``, ``ctstate``, ``target``, ``to_destination``, ``comment``.
        """
        out: dict[str, object] = {}
        a = self.args()
        i, neg = 0, False
        keys = {"-s": "src", "-d": "dst", "-i": "in", "-o": "out", "-p": "proto", "--dport": "dport",
                "--sport": "sport"}
        while i < len(a):
            t = a[i]
            if t == "!":
                neg = True
                i += 1
                continue
            if t in keys:
                out[keys[t]] = (neg, a[i + 1])
                i += 2
            elif t == "-m":
                i += 2
                neg = False
                continue
            elif t == "--dst-type":
                out["dst_type"] = (neg, a[i + 1])
                i += 2
            elif t == "--src-type":
                out["src_type"] = (neg, a[i + 1])
                i += 2
            elif t == "--ctstate":
                out["ctstate"] = (neg, a[i + 1])
                i += 2
            elif t == "-j":
                out["target"] = a[i + 1]
                i += 2
            elif t == "--to-destination":
                out["to_destination"] = a[i + 1]
                i += 2
            elif t == "--to-source":
                out["to_source"] = a[i + 1]
                i += 2
            elif t == "--comment":
                out["comment"] = a[i + 1]
                i += 2
            else:
                i += 1
            neg = False
        return out

    @property
    def target(self) -> Optional[str]:
        a = self.args()
        return a[a.index("-j") + 1] if "-j" in a else None


_SPEC = attrgetter("spec")


class Chain(Record, slots=True):
    name: str
    policy: Optional[str] = None        # builtin chains have one ("ACCEPT", "DROP")
    rules: list[Rule] = field(default_factory=list)
    # how many times each rule's text is in the chain: membership tests stay O(1) however long it
    # grows (keyed by the text, whose hash Python keeps, so 65,535 of them cost a dict update)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, rule: Rule, position: Optional[int] = None) -> None:
        if position is None:
            self.rules.append(rule)
        else:
            self.rules.insert(position, rule)
        self.counts[rule.spec] = self.counts.get(rule.spec, 0) + 1

    def position(self, spec: str) -> int:
        """The 0-based place of the first rule with this text (ValueError if none): the texts
        are compared at C speed, not the rules one ``__eq__`` call each."""
        return list(map(_SPEC, self.rules)).index(spec)

    def remove(self, rule: Rule) -> bool:
        n = self.counts.get(rule.spec, 0)
        if not n:
            return False
        del self.rules[self.position(rule.spec)]
        if n == 1:
            del self.counts[rule.spec]
        else:
            self.counts[rule.spec] = n - 1
        return True

    def clear(self) -> None:
        self.rules.clear()
        self.counts.clear()

    @property
    def builtin(self) -> bool:
        return self.policy is not None


class Table:
    __slots__ = ("name", "chains")

    def __init__(self, name: str) -> None:
        self.name = name
        self.chains: dict[str, Chain] = {c: Chain(c, "ACCEPT") for c in BUILTIN_CHAINS[name]}

    def user_chains(self) -> list[Chain]:
        return sorted((c for c in self.chains.values() if not c.builtin), key=lambda c: c.name)

    def ordered_chains(self) -> list[Chain]:
        """Builtin chains in the kernel's order, then user chains by name (as iptables lists them)."""
        return [c for c in self.chains.values() if c.builtin] + self.user_chains()


def _pristine() -> dict[str, Table]:
    """A namespace's tables as the kernel makes them: builtin chains, policy ACCEPT, no rules."""
    return {t: Table(t) for t in TABLE_ORDER}


class Netfilter:
    """The four tables of one namespace, with the operations dockerd's iptables calls make.

    The tables are made when first looked at: a container's namespace, which nobody programs,
    then costs one object instead of thirty-eight (four tables of empty chains), which a fork
    copies and Python's cyclic collector scans for every container of the host.
    """

    __slots__ = ("_tables",)

    def __init__(self) -> None:
        self._tables: Optional[dict[str, Table]] = None

    @property
    def tables(self) -> dict[str, Table]:
        tables = self._tables
        if tables is None:
            tables = self._tables = _pristine()
        return tables

    @property
    def untouched(self) -> bool:
        """True while no table has been made: every builtin chain empty with policy ACCEPT. A
        reader that only wants what was programmed asks this first, and so does not make them."""
        return self._tables is None

    @property
    def programmed(self) -> bool:
        """Whether anything was programmed here: a rule, a user chain or a policy other than
        ACCEPT (tables made only to be read, by a listing, are not)."""
        tables = self._tables
        if tables is None:
            return False
        for t in tables.values():
            for c in t.chains.values():
                if c.rules or c.policy is None or c.policy != "ACCEPT":   # (a user chain has no policy)
                    return True
        return False

    def chain(self, table: str, chain: str) -> Chain:
        return self.tables[table].chains[chain]

    def has_chain(self, table: str, chain: str) -> bool:
        return chain in self.tables[table].chains

    def ensure_chain(self, table: str, chain: str) -> Chain:
        t = self.tables[table]
        if chain not in t.chains:
            t.chains[chain] = Chain(chain)
        return t.chains[chain]

    def delete_chain(self, table: str, chain: str) -> None:
        self.tables[table].chains.pop(chain, None)

    def set_policy(self, table: str, chain: str, policy: str) -> None:
        self.chain(table, chain).policy = policy

    def exists(self, table: str, chain: str, spec: str) -> bool:
        t = self.tables[table]
        return chain in t.chains and spec in t.chains[chain].counts

    def append(self, table: str, chain: str, spec: str) -> Rule:
        r = Rule(spec)
        self.ensure_chain(table, chain).add(r)
        return r

    def insert(self, table: str, chain: str, spec: str, position: int = 1) -> Rule:
        r = Rule(spec)
        self.ensure_chain(table, chain).add(r, position - 1)
        return r

    def ensure_append(self, table: str, chain: str, spec: str) -> None:
        if not self.exists(table, chain, spec):
            self.append(table, chain, spec)

    def ensure_insert(self, table: str, chain: str, spec: str, position: int = 1) -> None:
        if not self.exists(table, chain, spec):
            self.insert(table, chain, spec, position)

    def delete(self, table: str, chain: str, spec: str) -> bool:
        t = self.tables[table]
        c = t.chains.get(chain)
        if c is None:
            return False
        return c.remove(Rule(spec))

    def flush(self, table: str, chain: str) -> None:
        c = self.tables[table].chains.get(chain)
        if c is not None:
            c.clear()

    def rules(self) -> Iterator[tuple[str, str, Rule]]:
        for t in self.tables.values():
            for c in t.ordered_chains():
                for r in c.rules:
                    yield t.name, c.name, r

    def state(self) -> dict[str, dict[str, tuple[Optional[str], tuple[str, ...]]]]:
        """A plain, comparable snapshot (for tests; a host's digest reads it for every namespace)."""
        if self._tables is None:
            return {t: {c: ("ACCEPT", ()) for c in BUILTIN_CHAINS[t]} for t in TABLE_ORDER}
        return {t.name: {c.name: (c.policy, tuple(r.spec for r in c.rules)) for c in t.chains.values()}
                for t in self._tables.values()}
