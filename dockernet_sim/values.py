"""Checked values: what may cross the Python API into the model (and from there into an export).

Every public Engine API method, the settings dataclasses (``HostSpec``, ``DaemonConfig``,
``ContainerSpec``, ``EndpointSpec``) and a loaded host file pass their values through these
checks, so a value of the wrong type never gets in: a wrong type raises ``TypeError`` and a
right type with an impossible value ``ValueError``, both naming the parameter. What Docker
itself accepts or refuses (a network name, a MAC, a bridge name) is decided by the daemon with
Docker's words; this module only knows types and Linux's own rules:

* an interface name is what Linux's ``dev_valid_name()`` (net/core/dev.c) accepts: 1 to 15
  bytes, not ``.`` or ``..``, no ``/``, ``:``, NUL or kernel-``isspace()`` byte (which includes
  0xA0). Netlink refuses a longer name with ERANGE and a bad one with EINVAL, and dockerd
  passes those texts on (recorded: ``tests/golden/scenarios/r120_odd_names.sh``);
* a MAC is what Go's ``net.ParseMAC`` reads (6, 8 or 20 octets as ``xx:xx…``, ``xx-xx…`` or
  ``xxxx.xxxx…``); an Ethernet link has six;
* an MTU is an int from 68 (ETH_MIN_MTU) to 65535 (ETH_MAX_MTU).

>>> ifname_error("docker0") is None, ifname_error("x" * 16), ifname_error("a/b")
(True, 'numerical result out of range', 'invalid argument')
>>> check_int("mtu", True, 68, 65535)
Traceback (most recent call last):
...
TypeError: mtu must be an int, not bool
"""

from __future__ import annotations

import builtins
import functools
import math
import re
import sys
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any, Callable, Iterable, Optional, TypeVar, Union

from .records import fields as record_fields, is_record


IFNAMSIZ = 16                       # including the terminating NUL: names have at most 15 bytes
MTU_MIN, MTU_MAX = 68, 65535
SEED_MIN, SEED_MAX = -(2 ** 63), 2 ** 64 - 1
# errno texts as Go prints them (syscall.Errno.Error()), which dockerd passes on verbatim
ERANGE_TEXT = "numerical result out of range"
EINVAL_TEXT = "invalid argument"

_KERNEL_SPACE = frozenset(b"\t\n\v\f\r \xa0")   # lib/ctype.c: _S bytes
_HEX = "[0-9A-Fa-f]"
_MAC6_RE = f"{_HEX}{{2}}(?::{_HEX}{{2}}){{5}}"     # compiled (and cached by re) on first use


# -- plain types ------------------------------------------------------------------------------
def _type_name(value: Any) -> str:
    return type(value).__name__


def check_str(param: str, value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{param} must be a str, not {_type_name(value)}")
    return value


def check_bool(param: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{param} must be a bool, not {_type_name(value)}")
    return value


def check_int(param: str, value: Any, lo: int | None = None, hi: int | None = None) -> int:
    """An int (never a bool) within ``lo..hi`` (inclusive, when given)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{param} must be an int, not {_type_name(value)}")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise ValueError(f"{param} must be between {lo} and {hi}, not {value}")
    return value


def check_seed(value: Any) -> int:
    """A host's seed: an int (``None`` is refused rather than meaning "random": a host must be
    reproducible, and its saved file must load)."""
    return check_int("seed", value, SEED_MIN, SEED_MAX)


def check_mtu(param: str, value: Any) -> int:
    return check_int(param, value, MTU_MIN, MTU_MAX)


# -- Linux and Go syntaxes ---------------------------------------------------------------------
def ifname_error(name: str) -> str | None:
    """Why Linux refuses ``name`` as an interface name (the errno text), or None."""
    raw = name.encode("utf-8", "surrogateescape")
    if not raw:
        return EINVAL_TEXT
    if len(raw) >= IFNAMSIZ:
        return ERANGE_TEXT
    if raw in (b".", b"..") or any(b in _KERNEL_SPACE or b in b"/:\0" for b in raw):
        return EINVAL_TEXT
    return None


def check_ifname(param: str, value: Any) -> str:
    """A str that Linux accepts as an interface name."""
    check_str(param, value)
    why = ifname_error(value)
    if why is not None:
        raise ValueError(f"{param} is not a Linux interface name ({why}): {value!r}")
    return value


def parse_mac(text: str) -> bytes | None:
    """The octets of a MAC in any form Go's ``net.ParseMAC`` reads, or None."""
    n = len(text)
    if n < 14:
        return None
    if text[2:3] in (":", "-"):
        if (n + 1) % 3:
            return None
        sep = text[2]
        groups = text.split(sep)
        if any(len(g) != 2 for g in groups):
            return None
    elif text[4:5] == ".":
        if (n + 1) % 5:
            return None
        groups = text.split(".")
        if any(len(g) != 4 for g in groups):
            return None
    else:
        return None
    digits = "".join(groups)
    if not re.fullmatch(f"{_HEX}+", digits):
        return None
    octets = bytes.fromhex(digits)
    return octets if len(octets) in (6, 8, 20) else None


def is_mac6(text: Any) -> bool:
    """A six-octet MAC in the kernel's own spelling (``aa:bb:cc:dd:ee:ff``)."""
    return isinstance(text, str) and re.fullmatch(_MAC6_RE, text) is not None


def canonical_mac(text: str) -> str | None:
    """A six-octet MAC in any Go form, spelled as the kernel prints it; None if it is not one."""
    octets = parse_mac(text)
    if octets is None or len(octets) != 6:
        return None
    return ":".join(f"{b:02x}" for b in octets)


def go_trim_space(text: str) -> str:
    """Go's ``strings.TrimSpace``: Unicode White_Space off both ends (Python's ``str.strip``
    also takes the separators U+001C..U+001F, which Go keeps)."""
    return text.strip(_UNICODE_SPACE)


# Unicode's White_Space property, as Go's unicode.IsSpace has it
_UNICODE_SPACE = ("\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                  "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


# -- values against their annotations ------------------------------------------------------------
def check_value(param: str, value: Any, hint: Any) -> None:
    """Check ``value`` against a type annotation (str, int, bool, float, None, unions, list,
    tuple, dict, Sequence, Mapping, dataclasses — field by field — and Any), recursively; the
    error names the innermost place (``spec.networks['n'].mac``)."""
    test = _test(hint)
    if test is not None and test(value):
        return
    if hint is Any or hint is object:
        return
    if hint is None or hint is type(None):
        if value is not None:
            raise TypeError(f"{param} must be None, not {_type_name(value)}")
        return
    # the common leaves first: they need no typing introspection (most of a spec's fields are)
    if hint is str:
        check_str(param, value)
        return
    if hint is bool:
        check_bool(param, value)
        return
    if hint is int:
        check_int(param, value)
        return
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Union or origin is types.UnionType:
        if value is None and type(None) in args:
            return
        options = [a for a in args if a is not type(None)]
        if len(options) == 1:           # Optional[X]: X's own, precise error
            check_value(param, value, options[0])
            return
        for option in options:
            try:
                check_value(param, value, option)
                return
            except (TypeError, ValueError):
                pass
        names = " or ".join(_hint_name(a) for a in args)
        raise TypeError(f"{param} must be {names}, not {_type_name(value)}")
    if hint is float:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise TypeError(f"{param} must be a float, not {_type_name(value)}")
        if not math.isfinite(value):
            raise ValueError(f"{param} must be finite, not {value!r}")
    elif origin in (list, tuple, Sequence) or hint in (list, tuple):
        kind = origin or hint
        want = {list: (list,), tuple: (tuple,)}.get(kind, (list, tuple))
        if not isinstance(value, want):
            raise TypeError(f"{param} must be a {_hint_name(kind)}, not {_type_name(value)}")
        if kind is tuple and args and (len(args) != 2 or args[1] is not Ellipsis):
            if len(value) != len(args):
                raise ValueError(f"{param} must have {len(args)} items, not {len(value)}")
            for i, (item, item_hint) in enumerate(zip(value, args)):
                check_value(f"{param}[{i}]", item, item_hint)
        elif args:
            for i, item in enumerate(value):
                check_value(f"{param}[{i}]", item, args[0])
    elif origin in (dict, Mapping) or hint is dict:
        if not isinstance(value, dict):
            raise TypeError(f"{param} must be a dict, not {_type_name(value)}")
        if args:
            for k, v in value.items():
                check_value(f"{param} key", k, args[0])
                check_value(f"{param}[{k!r}]", v, args[1])
    elif isinstance(hint, type) and is_record(hint):
        if type(value) is not hint:
            raise TypeError(f"{param} must be a {hint.__name__}, not {_type_name(value)}")
        check_fields(value, param)
    elif isinstance(hint, type):
        if not isinstance(value, hint):
            raise TypeError(f"{param} must be a {hint.__name__}, not {_type_name(value)}")


# -- the common case, tested once per annotation -------------------------------------------------
# A check passes far more often than it fails: each annotation gets a test made once (``_test``),
# which says True only of a value that ``check_value`` would pass, and is all a passing value
# costs. Any other value (a subclass, a wrong type) goes the long way, which words the error or
# lets it through: a tenth of the walkthrough's run went to walking annotations value by value
# (issue 15).
Test = Callable[[Any], bool]
_TESTS: dict[Any, Optional[Test]] = {}
_RECORD_TESTS: dict[type, tuple[tuple[str, Any, Optional[Test]], ...]] = {}


def _any(value: Any) -> bool:
    return True


def _is_none(value: Any) -> bool:
    return value is None


def _test(hint: Any) -> Optional[Test]:
    """The test of ``hint`` (made once, then kept), or None when there is none to make."""
    try:
        return _TESTS[hint]
    except KeyError:
        test = _TESTS[hint] = _make_test(hint)
        return test
    except TypeError:           # an unhashable annotation: made each time
        return _make_test(hint)


def _make_test(hint: Any) -> Optional[Test]:
    if hint is Any or hint is object:
        return _any
    if hint is None or hint is type(None):
        return _is_none
    if hint is str or hint is int or hint is bool:
        exact = hint
        return lambda v: type(v) is exact
    if hint is float:
        return lambda v: (type(v) is float and math.isfinite(v)) or type(v) is int
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Union or origin is types.UnionType:
        options = tuple(_test(a) for a in args if a is not type(None))
        if None in options:
            return None
        if len(options) == 1:                               # Optional[X]
            one = options[0]
            if type(None) in args:
                return lambda v: v is None or one(v)
            return one
        return lambda v: (v is None and type(None) in args) or any(t(v) for t in options)
    if origin in (list, tuple, Sequence) or hint in (list, tuple):
        kind = origin or hint
        want = {list: (list,), tuple: (tuple,)}.get(kind, (list, tuple))
        if not args:
            return lambda v: type(v) in want
        if kind is tuple and (len(args) != 2 or args[1] is not Ellipsis):
            each = tuple(_test(a) for a in args)
            if None in each:
                return None
            n = len(each)
            return lambda v: type(v) is tuple and len(v) == n and all(t(x) for t, x in zip(each, v))
        item = _test(args[0])
        if item is None:
            return None
        return lambda v: type(v) in want and all(map(item, v))
    if origin in (dict, Mapping) or hint is dict:
        if not args:
            return lambda v: type(v) is dict
        key, val = _test(args[0]), _test(args[1])
        if key is None or val is None:
            return None
        return lambda v: type(v) is dict and all(map(key, v.keys())) and all(map(val, v.values()))
    if isinstance(hint, type) and is_record(hint):
        record = hint
        return lambda v: type(v) is record and _fields_pass(v)
    if isinstance(hint, type):
        cls = hint
        return lambda v: isinstance(v, cls)
    return None


def _record_tests(cls: type) -> tuple[tuple[str, Any, Optional[Test]], ...]:
    """A record class's fields: each name, annotation and test (made on first use, then kept)."""
    tests = _RECORD_TESTS.get(cls)
    if tests is None:
        hints = _field_hints(cls)
        tests = _RECORD_TESTS[cls] = tuple((f.name, hints[f.name], _test(hints[f.name])) for f in record_fields(cls))
    return tests


def _fields_pass(obj: Any) -> bool:
    for name, _, test in _record_tests(type(obj)):
        if test is None or not test(getattr(obj, name)):
            return False
    return True


def _hint_name(hint: Any) -> str:
    if hint is None or hint is type(None):
        return "None"
    origin = typing.get_origin(hint) or hint
    return getattr(origin, "__name__", str(origin))


# -- annotations read without compiling them ------------------------------------------------------
# ``typing.get_type_hints`` compiles every annotation string (``from __future__ import
# annotations`` makes them all strings) as a ``ForwardRef``: a tenth of the walkthrough's run
# went to compiling ``Optional[str]``s (issue 15). The annotations this package writes are names,
# dotted names, subscripts, ``|`` and quoted names, which :func:`annotations_of` evaluates by
# looking the names up; anything else is left to ``typing``.
_ANNOTATION_TOKEN = r"\s*(\w+(?:\.\w+)*|\.\.\.|'[^']*'|\"[^\"]*\"|[][,|()])"
_PUNCTUATION = frozenset("[],|()")
_PLAIN_ANNOTATION = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.[],| ")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def annotation_tokens(text: str) -> list[str]:
    """The tokens of an annotation, as ``re.findall(_ANNOTATION_TOKEN, text)`` finds them when
    they and the spaces between them are the whole text; ValueError when they are not (a
    character no token reads). Read by hand: the expression is compiled only by a call that
    reads what is beyond these tokens (issue 15: the walkthrough's only compile)."""
    if set(text) <= _PLAIN_ANNOTATION:
        # names, dotted names, brackets, commas and bars (nearly every annotation): the
        # punctuation spaced out and the text split, at C speed; a dot that joins no two names
        # goes the long way
        tokens = text.replace("[", " [ ").replace("]", " ] ").replace(",", " , ").replace("|", " | ").split()
        if not any(t[0] == "." or t[-1] == "." or ".." in t for t in tokens if "." in t):
            return tokens
    out: list[str] = []
    i, n = 0, len(text)
    while True:
        while i < n and text[i] == " ":
            i += 1
        if i == n:
            return out
        ch = text[i]
        if ch in _PUNCTUATION:
            out.append(ch)
            i += 1
        elif ch in "'\"":
            end = text.find(ch, i + 1)
            if end < 0:
                raise ValueError(text)
            out.append(text[i:end + 1])
            i = end + 1
        elif text.startswith("...", i):
            out.append("...")
            i += 3
        elif _is_word(ch) and ch.isascii():
            j = i + 1
            while j < n and (_is_word(text[j]) or (text[j] == "." and j + 1 < n and _is_word(text[j + 1]))):
                j += 1
            word = text[i:j]
            if not word.isascii():
                return _tokens_by_regex(text)
            out.append(word)
            i = j
        else:
            return _tokens_by_regex(text)


def _tokens_by_regex(text: str) -> list[str]:
    tokens = re.findall(_ANNOTATION_TOKEN, text)
    if "".join(tokens).replace(" ", "") != text.replace(" ", ""):     # a character no token reads
        raise ValueError(text)
    return tokens
_CONSTANTS = {"None": None, "True": True, "False": False}
_BUILTINS = builtins.__dict__


def annotations_of(annotations: dict[str, Any], *namespaces: Any) -> Optional[dict[str, Any]]:
    """``annotations`` evaluated as ``typing.get_type_hints`` would (names looked up in
    ``namespaces`` in order, then the builtins; ``None`` as ``NoneType``), or None when one of
    them is beyond the names, subscripts, unions, ``[…]`` argument lists and ``()`` read here.

    >>> annotations_of({"a": "Optional[int]", "b": "dict[str, 'float'] | None"}, {"Optional": Optional})
    {'a': typing.Optional[int], 'b': dict[str, float] | None}
    """
    out: dict[str, Any] = {}
    for name, annotation in annotations.items():
        try:
            value = _annotation(annotation, namespaces) if isinstance(annotation, str) else annotation
        except (LookupError, TypeError, ValueError):
            return None
        out[name] = type(None) if value is None else value
    return out


def _annotation(text: str, namespaces: tuple[Any, ...]) -> Any:
    if text.isidentifier():         # a bare name (half of them: ``str``, ``bool``): no tokens to read
        return _lookup(text, namespaces)
    tokens = annotation_tokens(text)
    tokens.append("")
    at = 0

    def union() -> Any:
        nonlocal at
        value = primary()
        while tokens[at] == "|":
            at += 1
            value = value | primary()
        return value

    def primary() -> Any:
        nonlocal at
        token = tokens[at]
        at += 1
        if token == "...":
            return Ellipsis
        if token[:1] in ("'", '"'):
            return _annotation(token[1:-1], namespaces)
        if token == "(" and tokens[at] == ")":        # tuple[()]
            at += 1
            return ()
        if token == "[":                                # Callable[[str], bool]
            return items("]")
        if not token[:1].isidentifier():
            raise ValueError(token)
        value = _lookup(token, namespaces)
        if tokens[at] == "[":
            at += 1
            args = items("]")
            value = value[tuple(args) if len(args) > 1 else args[0]]
        return value

    def items(end: str) -> list[Any]:
        nonlocal at
        out = [union()]
        while tokens[at] == ",":
            at += 1
            out.append(union())
        if tokens[at] != end:
            raise ValueError(text)
        at += 1
        return out

    value = union()
    if tokens[at]:
        raise ValueError(text)
    return value


def _lookup(dotted: str, namespaces: tuple[Any, ...]) -> Any:
    """A name, or a dotted one (``threading.Event``) whose parts are in their owners' own
    namespaces (anything else raises, and ``typing`` reads the annotation)."""
    if "." not in dotted:           # a plain name (nearly all)
        if dotted in _CONSTANTS:
            return _CONSTANTS[dotted]
        for ns in namespaces:
            if dotted in ns:
                return ns[dotted]
        if dotted in _BUILTINS:
            return _BUILTINS[dotted]
        raise LookupError(dotted)
    first, *rest = dotted.split(".")
    for ns in (*namespaces, builtins.__dict__):
        if first in ns:
            value = ns[first]
            break
    else:
        raise LookupError(first)
    for part in rest:
        value = vars(value)[part]
    return value


C = TypeVar("C", bound=type)


def field_checked(cls: C) -> C:
    """Class decorator (above the class statement): a class whose instances :func:`check_fields`
    checks. Its annotations are resolved on the first check, not at import (issue 15), and kept,
    so that a check costs a walk over the values and nothing more."""
    setattr(cls, "_field_hints", None)
    return cls


def _field_hints(cls: Any) -> Any:
    hints = cls.__dict__.get("_field_hints")
    if hints is None:
        inherited = any("__annotations__" in base.__dict__ for base in cls.__mro__[1:])
        own = None if inherited else annotations_of(cls.__dict__.get("__annotations__", {}),
                                                     vars(sys.modules[cls.__module__]), cls.__dict__)
        hints = types.MappingProxyType(own or typing.get_type_hints(cls))
        if "_field_hints" in cls.__dict__:
            setattr(cls, "_field_hints", hints)
    return hints


def check_fields(obj: Any, param: str = "") -> None:
    """Every field of a record instance against its annotation."""
    for name, hint, test in _record_tests(type(obj)):
        value = getattr(obj, name)
        if test is None or not test(value):
            check_value(f"{param}.{name}" if param else name, value, hint)


F = TypeVar("F", bound=Callable[..., Any])


def typed(fn: F) -> F:
    """Check a method's arguments against its annotations on every call (``self`` excluded):
    an Engine API method never runs with a value of the wrong type. The signature and the
    annotations are read on the first call, not at import (issue 15)."""
    checker: list[Callable[..., None]] = []

    @functools.wraps(fn)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not checker:
            checker.append(_arguments_checker(fn))
        checker[0](self, *args, **kwargs)
        return fn(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _arguments_checker(fn: Callable[..., Any]) -> Callable[..., None]:
    """What :func:`typed` runs before each call of ``fn``: bind the arguments, check each.

    The arguments are bound from the code object (names, defaults, ``*``/``**``), which needs
    no ``inspect``; a call that does not fit is handed to ``inspect.Signature.bind`` for the
    error's words, so only a wrong call loads it."""
    declared = fn
    while "__wrapped__" in declared.__dict__:       # the signature functools.wraps passes on
        declared = declared.__dict__["__wrapped__"]
    code = declared.__code__
    n_pos, n_kw = code.co_argcount, code.co_kwonlyargcount
    positional, keyword = code.co_varnames[:n_pos], code.co_varnames[n_pos:n_pos + n_kw]
    i = n_pos + n_kw
    star = code.co_varnames[i] if code.co_flags & 0x04 else None          # CO_VARARGS
    starstar = code.co_varnames[i + (star is not None)] if code.co_flags & 0x08 else None   # CO_VARKEYWORDS
    optional = set(positional[n_pos - len(declared.__defaults__ or ()):]) | set(declared.__kwdefaults__ or ())
    by_name = positional[code.co_posonlyargcount:] + keyword
    hints = annotations_of(fn.__annotations__, declared.__globals__, {"Daemon": object}) or \
        typing.get_type_hints(fn, localns={"Daemon": object})
    # each checked argument with the test of its value (of each value, for *args and **kwargs)
    checked = [(name, None if name in (star, starstar) else _test(hints[name]))
               for name in positional[1:] + (star,) + keyword + (starstar,) if name is not None and name in hints]

    def bind(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Optional[dict[str, Any]]:
        if len(args) > n_pos and star is None:
            return None
        bound = dict(zip(positional, args))
        if star is not None:
            bound[star] = args[n_pos:]
        rest = dict(kwargs)
        for name in by_name:
            if name in rest:
                if name in bound:
                    return None
                bound[name] = rest.pop(name)
            elif name not in bound and name not in optional:
                return None
        if rest and starstar is None:
            return None
        if starstar is not None:
            bound[starstar] = rest
        return bound

    def check(*args: Any, **kwargs: Any) -> None:
        bound = bind(args, kwargs)
        if bound is None:                   # a call that does not fit: inspect words the error
            import inspect
            try:
                bound = inspect.signature(fn).bind(*args, **kwargs).arguments
            except TypeError as e:
                raise TypeError(f"{fn.__name__}(): {e}") from None
        for name, test in checked:
            if name not in bound:
                continue
            value = bound[name]
            if test is not None and test(value):
                continue
            if name == starstar:
                for k, v in value.items():
                    check_value(f"{fn.__name__}() argument {k}", v, hints[name])
            elif name == star:
                for n, v in enumerate(value):
                    check_value(f"{fn.__name__}() argument {name}[{n}]", v, hints[name])
            else:
                check_value(f"{fn.__name__}() argument {name}", value, hints[name])

    return check


__all__ = ["IFNAMSIZ", "MTU_MIN", "MTU_MAX", "ERANGE_TEXT", "EINVAL_TEXT", "check_str", "check_bool",
           "check_int", "check_seed", "check_mtu", "ifname_error", "check_ifname", "parse_mac", "is_mac6",
           "canonical_mac", "go_trim_space", "check_value", "check_fields", "field_checked", "typed"]
