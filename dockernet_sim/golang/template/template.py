"""The public API: ``parse(text)`` -> ``Template``; ``Template.execute(data)``.

Mirrors golang/go ``src/text/template/template.go`` (New, Funcs, Parse, Option missingkey) and
``exec.go``'s Execute, with Go's error texts surfaced as TemplateError.
"""

from __future__ import annotations

from typing import Any, Mapping, TYPE_CHECKING

from .evaluate import _ExecFail
from .exec import _State
from .funcs import _builtins, _docker_funcs
from .parser import _ParseFail, _Parser
from .reflect import _V, _concrete
from .values import GoFunc, TemplateError, _as_gofunc
from ..version import ELSE_WITH, LATEST, GoVersion

if TYPE_CHECKING:
    from .nodes import _ListNode


class Template:
    """A parsed template; ``execute(data)`` returns the text or raises TemplateError."""

    def __init__(self, text: str, trees: dict[str, _ListNode], funcs: dict[str, GoFunc], go: GoVersion) -> None:
        self._text = text
        self._trees = trees
        self._funcs = funcs
        self._go = go
        self._go_new = _modern(go)

    @property
    def text(self) -> str:
        return self._text

    def funcs(self, extra: Mapping[str, Any]) -> "Template":
        """A copy whose functions are overridden by ``extra`` (Go's Template.Funcs,
        as docker does with HeaderFunctions for a table's header)."""
        funcs = dict(self._funcs)
        for name, fn in extra.items():
            funcs[name] = _as_gofunc(fn, name)
        return Template(self._text, self._trees, funcs, self._go)

    def execute(self, data: Any, *, missingkey: str = "default") -> str:
        """Run the template on ``data``.  ``missingkey`` is Go's option:
        "default"/"invalid" (print <no value>), "zero", or "error" (docker
        inspect's retry on the raw JSON uses "error")."""
        state = _State(self, missingkey)
        dot = data if isinstance(data, _V) else _concrete(data)
        state.vars = [("$", dot)]
        try:
            state.walk(dot, self._trees[""])
        except _ExecFail as e:
            raise TemplateError(str(e), "exec", "".join(state.out)) from None
        except RecursionError:
            raise TemplateError(
                "template: : exceeded maximum template depth (100000)", "exec", "".join(state.out)
            ) from None
        return "".join(state.out)


def _modern(go: GoVersion) -> bool:
    # The recorded clients were built with Go 1.19 and 1.24; the text/template changes between
    # them (range over an int in 1.22, ``{{else with}}`` and the new parse errors in 1.23) are
    # taken as one step, at the later of them.
    return go.at_least(ELSE_WITH.major, ELSE_WITH.minor)


def parse(text: str, *, go: GoVersion = LATEST, json_errors: bool = True,
          funcs: Mapping[str, Any] | None = None) -> Template:
    """Parse ``text`` as docker's ``templates.Parse`` does (Go's builtins plus
    json, split, join, title, lower, upper, pad, truncate).  ``go`` is the
    Go the client was built with (1.24: ``{{else with}}``, ``{{range 3}}``; 1.19: neither);
    ``json_errors`` False drops the encoder's error in ``json`` (docker 20.10's client).
    Raises TemplateError(kind="parse").

    >>> parse("{{.Name}}: {{.Driver}}").execute({"Name": "bridge", "Driver": "bridge"})
    'bridge: bridge'
    """
    all_funcs = _builtins()
    all_funcs.update(_docker_funcs(go, json_errors))
    for name, fn in (funcs or {}).items():
        all_funcs[name] = _as_gofunc(fn, name)
    go_new = _modern(go)
    try:
        trees = _Parser(text, set(all_funcs), go_new).parse()
    except _ParseFail as e:
        raise TemplateError(str(e), "parse") from None
    except RecursionError:
        raise TemplateError("template: :1: nesting too deep", "parse") from None
    return Template(text, trees, all_funcs, go)
