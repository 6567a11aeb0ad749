"""jq 1.6's evaluator: a filter over a JSON value, as a generator of outputs, and its builtins.

Mirrors jq's src/execute.c and src/builtin.c / builtin.jq for the subset (paths, arithmetic,
comparisons, keys, length, select, map, to_entries, has, contains, del, tostring, tojson...)
and their runtime error texts.
"""

from __future__ import annotations

import re

from .jq_parse import _JqCompileError, _JqError
from .jq_values import (_jq_cmp_key, _jq_dump, _jq_index, _jq_iter, _jq_slice_bounds, _jq_trunc, _jq_truthy,
                        _jq_type)


def _jq_eval(node: tuple, v: object):  # noqa: C901 - one dispatch over the node kinds
    kind = node[0]
    if kind == "id":
        yield v
    elif kind == "lit":
        yield node[1]
    elif kind == "recurse":
        stack = [v]
        while stack:
            x = stack.pop()
            yield x
            if isinstance(x, list):
                stack.extend(reversed(x))
            elif isinstance(x, dict):
                stack.extend(reversed(list(x.values())))
    elif kind == "index":
        for base in _jq_eval(node[1], v):
            for k in _jq_eval(node[2], v):
                yield _jq_index(base, k)
    elif kind == "slice":
        for base in _jq_eval(node[1], v):
            lo = next(iter(_jq_eval(node[2], v)), None) if node[2] else None
            hi = next(iter(_jq_eval(node[3], v)), None) if node[3] else None
            if base is None:
                yield None
            elif isinstance(base, (list, str)):
                a, b = _jq_slice_bounds(lo, hi, len(base))
                yield base[a:b]
            else:
                raise _JqError("Cannot index %s with object" % _jq_type(base))
    elif kind == "iter":
        for base in _jq_eval(node[1], v):
            yield from _jq_iter(base)
    elif kind == "try":
        try:
            yield from list(_jq_eval(node[1], v))
        except _JqError:
            return
    elif kind == "pipe":
        for x in _jq_eval(node[1], v):
            yield from _jq_eval(node[2], x)
    elif kind == "comma":
        yield from _jq_eval(node[1], v)
        yield from _jq_eval(node[2], v)
    elif kind == "alt":
        got = [x for x in _jq_eval(node[1], v) if _jq_truthy(x)]
        if got:
            yield from got
        else:
            yield from _jq_eval(node[2], v)
    elif kind in ("and", "or"):
        for a in _jq_eval(node[1], v):
            if kind == "and" and not _jq_truthy(a):
                yield False
                continue
            if kind == "or" and _jq_truthy(a):
                yield True
                continue
            for b in _jq_eval(node[2], v):
                yield _jq_truthy(b)
    elif kind == "cmp":
        op = node[1]
        for b in _jq_eval(node[3], v):
            for a in _jq_eval(node[2], v):
                ka, kb = _jq_cmp_key(a), _jq_cmp_key(b)
                yield {"==": ka == kb, "!=": ka != kb, "<": ka < kb, "<=": ka <= kb, ">": ka > kb,
                       ">=": ka >= kb}[op]
    elif kind == "arith":
        op = node[1]
        for b in _jq_eval(node[3], v):
            for a in _jq_eval(node[2], v):
                yield _jq_arith(op, a, b)
    elif kind == "neg":
        for a in _jq_eval(node[1], v):
            if not isinstance(a, (int, float)) or isinstance(a, bool):
                raise _JqError("%s (%s) cannot be negated" % (_jq_type(a), _jq_trunc(a)))
            yield -a
    elif kind == "array":
        yield [] if node[1] is None else list(_jq_eval(node[1], v))
    elif kind == "object":
        results: list[dict] = [{}]
        for knode, vnode in node[1]:
            new: list[dict] = []
            for partial in results:
                for k in _jq_eval(knode, v):
                    if not isinstance(k, str):
                        raise _JqError("Object keys must be strings")
                    for val in _jq_eval(vnode, v):
                        d = dict(partial)
                        d[k] = val
                        new.append(d)
            results = new
        yield from results
    elif kind == "call":
        yield from _jq_call(node[1], node[2], v)
    else:  # pragma: no cover
        raise _JqError("unknown expression")


def _jq_arith(op: str, a: object, b: object) -> object:
    num = (int, float)
    if op == "+":
        if a is None:
            return b
        if b is None:
            return a
        if isinstance(a, num) and isinstance(b, num) and not isinstance(a, bool) and not isinstance(b, bool):
            return a + b
        if isinstance(a, str) and isinstance(b, str):
            return a + b
        if isinstance(a, list) and isinstance(b, list):
            return a + b
        if isinstance(a, dict) and isinstance(b, dict):
            return {**a, **b}
        raise _JqError("%s (%s) and %s (%s) cannot be added" % (_jq_type(a), _jq_trunc(a), _jq_type(b), _jq_trunc(b)))
    if op == "-":
        if isinstance(a, num) and isinstance(b, num) and not isinstance(a, bool) and not isinstance(b, bool):
            return a - b
        if isinstance(a, list) and isinstance(b, list):
            return [x for x in a if x not in b]
        raise _JqError("%s (%s) and %s (%s) cannot be subtracted" % (_jq_type(a), _jq_trunc(a), _jq_type(b),
                                                                      _jq_trunc(b)))
    if isinstance(a, num) and isinstance(b, num) and not isinstance(a, bool) and not isinstance(b, bool):
        if op == "*":
            return a * b
        if b == 0:
            raise _JqError("%s (%s) and %s (%s) cannot be divided because the divisor is zero"
                           % (_jq_type(a), _jq_trunc(a), _jq_type(b), _jq_trunc(b)))
        return a / b if op == "/" else float(int(a) % int(b))
    if op == "/" and isinstance(a, str) and isinstance(b, str):
        return a.split(b) if b else list(a)
    word = {"*": "multiplied", "/": "divided", "%": "divided"}[op]
    raise _JqError("%s (%s) and %s (%s) cannot be %s" % (_jq_type(a), _jq_trunc(a), _jq_type(b), _jq_trunc(b), word))


def _jq_length(v: object) -> object:
    if v is None:
        return 0.0
    if isinstance(v, bool):
        raise _JqError("boolean (%s) has no length" % _jq_trunc(v))
    if isinstance(v, (int, float)):
        return abs(v)
    return float(len(v))  # type: ignore[arg-type]


def _jq_keys(v: object, sort: bool) -> list:
    if isinstance(v, dict):
        return sorted(v) if sort else list(v)
    if isinstance(v, list):
        return [float(i) for i in range(len(v))]
    raise _JqError("%s (%s) has no keys" % (_jq_type(v), _jq_trunc(v)))


_JQ_ARITY = {
    "keys": 0, "keys_unsorted": 0, "length": 0, "utf8bytelength": 0, "type": 0, "not": 0, "empty": 0,
    "to_entries": 0, "from_entries": 0, "first": 0, "last": 0, "add": 0, "tostring": 0, "tonumber": 0,
    "ascii_downcase": 0, "ascii_upcase": 0, "sort": 0, "unique": 0, "reverse": 0, "min": 0, "max": 0,
    "values": 0, "null": 0, "true": 0, "false": 0, "tojson": 0, "fromjson": 0, "arrays": 0, "objects": 0,
    "strings": 0, "numbers": 0, "booleans": 0, "nulls": 0, "iterables": 0, "scalars": 0, "flatten": 0,
    "map": 1, "select": 1, "has": 1, "join": 1, "startswith": 1, "endswith": 1, "split": 1, "sort_by": 1,
    "group_by": 1, "unique_by": 1, "map_values": 1, "with_entries": 1, "contains": 1, "inside": 1, "index": 1,
    "ltrimstr": 1, "rtrimstr": 1, "test": 1, "any": 0, "all": 0, "del": 1, "paths": 0,
    "range": 1, "limit": 2, "error": 1, "in": 1,
}
_JQ_ARITIES = {("first", 1), ("last", 1), ("range", 2)}  # second arities of names above


def _jq_check_calls(node: tuple) -> None:
    if not isinstance(node, tuple):
        return
    if node[0] == "call":
        name, args = node[1], node[2]
        ok = _JQ_ARITY.get(name) == len(args) or (name, len(args)) in _JQ_ARITIES
        if not ok:
            raise _JqCompileError("%s/%d is not defined" % (name, len(args)), -1)
        for a in args:
            _jq_check_calls(a)
        return
    for x in node[1:]:
        if isinstance(x, tuple):
            _jq_check_calls(x)
        elif isinstance(x, list):
            for y in x:
                if isinstance(y, tuple):
                    _jq_check_calls(y)


def _jq_call(name: str, args: list[tuple], v: object):  # noqa: C901 - a builtin table
    if name == "empty":
        return
    if name in ("null", "true", "false"):
        yield {"null": None, "true": True, "false": False}[name]
    elif name == "not":
        yield not _jq_truthy(v)
    elif name == "length":
        yield _jq_length(v)
    elif name == "utf8bytelength":
        if not isinstance(v, str):
            raise _JqError("%s (%s) only strings have UTF-8 byte length" % (_jq_type(v), _jq_trunc(v)))
        yield float(len(v.encode()))
    elif name in ("keys", "keys_unsorted"):
        yield _jq_keys(v, name == "keys")
    elif name == "type":
        yield _jq_type(v)
    elif name == "values":
        if v is not None:
            yield v
    elif name in ("arrays", "objects", "strings", "numbers", "booleans", "nulls", "iterables", "scalars"):
        t = _jq_type(v)
        want = {"arrays": ("array",), "objects": ("object",), "strings": ("string",), "numbers": ("number",),
                "booleans": ("boolean",), "nulls": ("null",), "iterables": ("array", "object"),
                "scalars": ("null", "boolean", "number", "string")}[name]
        if t in want:
            yield v
    elif name == "map":
        out = []
        for x in _jq_iter(v):
            out.extend(_jq_eval(args[0], x))
        yield out
    elif name == "map_values":
        if isinstance(v, dict):
            yield {k: next(iter(_jq_eval(args[0], x)), None) for k, x in v.items()}
        else:
            yield [y for x in _jq_iter(v) for y in list(_jq_eval(args[0], x))[:1]]
    elif name == "select":
        for c in _jq_eval(args[0], v):
            if _jq_truthy(c):
                yield v
    elif name == "has":
        for k in _jq_eval(args[0], v):
            if v is None:
                yield False
            elif isinstance(v, dict) and isinstance(k, str):
                yield k in v
            elif isinstance(v, list) and isinstance(k, (int, float)) and not isinstance(k, bool):
                yield 0 <= k < len(v)
            else:
                raise _JqError("Cannot check whether %s has a %s key" % (_jq_type(v), _jq_type(k)))
    elif name == "in":
        for obj in _jq_eval(args[0], v):
            yield from _jq_call("has", [("lit", v)], obj)
    elif name == "to_entries":
        if not isinstance(v, dict):
            raise _JqError("%s (%s) has no keys" % (_jq_type(v), _jq_trunc(v)))
        yield [{"key": k, "value": x} for k, x in v.items()]
    elif name == "from_entries":
        out_d: dict = {}
        for e in _jq_iter(v):
            if not isinstance(e, dict):
                raise _JqError("Cannot index %s with string \"key\"" % _jq_type(e))
            k = next((e[x] for x in ("key", "k", "name", "Name", "Key", "K") if e.get(x) is not None), None)
            out_d[k if isinstance(k, str) else _jq_dump(k, None, False)] = e.get("value", e.get("v"))
        yield out_d
    elif name == "with_entries":
        entries = next(iter(_jq_call("to_entries", [], v)))
        mapped = next(iter(_jq_call("map", args, entries)))
        yield from _jq_call("from_entries", [], mapped)
    elif name == "first" and args:
        # lazy, as jq's ``label $out | f | ., break $out``: first(range(1e18)) is 0 at once
        for x in _jq_eval(args[0], v):
            yield x
            break
    elif name == "last" and args:
        vals = list(_jq_eval(args[0], v))
        if vals:
            yield vals[-1]
    elif name in ("first", "last"):
        yield _jq_index(v, 0.0 if name == "first" else -1.0)
    elif name == "add":
        acc: object = None
        for x in _jq_iter(v):
            acc = _jq_arith("+", acc, x)
        yield acc
    elif name in ("any", "all"):
        xs = [_jq_truthy(x) for x in _jq_iter(v)]
        yield any(xs) if name == "any" else all(xs)
    elif name == "flatten":
        def flat(x: list) -> list:
            r: list = []
            for y in x:
                r.extend(flat(y) if isinstance(y, list) else [y])
            return r
        if not isinstance(v, list):
            raise _JqError("Cannot iterate over %s (%s)" % (_jq_type(v), _jq_trunc(v)))
        yield flat(v)
    elif name == "tostring":
        yield v if isinstance(v, str) else _jq_dump(v, None, False)
    elif name == "tojson":
        yield _jq_dump(v, None, False)
    elif name == "fromjson":
        import json as _json

        try:
            yield _json.loads(str(v), parse_int=float)
        except ValueError:
            raise _JqError("%s (%s) cannot be parsed as JSON" % (_jq_type(v), _jq_trunc(v))) from None
    elif name == "tonumber":
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            yield v
        else:
            try:
                yield float(str(v))
            except ValueError:
                raise _JqError("Cannot parse '%s' as JSON" % v) from None
    elif name in ("ascii_downcase", "ascii_upcase"):
        if not isinstance(v, str):
            raise _JqError("explode input must be a string")
        tr = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
        yield v.translate(tr) if name == "ascii_downcase" else v.translate({b: a for a, b in tr.items()})
    elif name in ("sort", "unique", "reverse", "min", "max"):
        if name == "reverse" and isinstance(v, str):
            yield v[::-1]
            return
        if not isinstance(v, list):
            raise _JqError("%s (%s) cannot be %s" % (_jq_type(v), _jq_trunc(v),
                                                      "reversed" if name == "reverse" else "sorted, as it is not an array"))
        if name == "reverse":
            yield v[::-1]
        elif name in ("min", "max"):
            yield (min if name == "min" else max)(v, key=_jq_cmp_key) if v else None
        else:
            s = sorted(v, key=_jq_cmp_key)
            if name == "unique":
                u: list = []
                for x in s:
                    if not u or _jq_cmp_key(u[-1]) != _jq_cmp_key(x):
                        u.append(x)
                s = u
            yield s
    elif name in ("sort_by", "group_by", "unique_by"):
        # jq defines these as _impl(map([f])): iterate, evaluate, then insist on an array
        keys = [list(_jq_eval(args[0], x)) for x in _jq_iter(v)]
        if not isinstance(v, list):
            raise _JqError("%s (%s) and array (%s) cannot be sorted, as they are not both arrays"
                           % (_jq_type(v), _jq_trunc(v), _jq_trunc(keys)))
        keyed = [(tuple(_jq_cmp_key(k) for k in ks), x) for ks, x in zip(keys, v)]
        keyed.sort(key=lambda kv: kv[0])
        if name == "sort_by":
            yield [x for _, x in keyed]
        else:
            groups: list[list] = []
            last = None
            for k, x in keyed:
                if groups and k == last:
                    groups[-1].append(x)
                else:
                    groups.append([x])
                last = k
            yield groups if name == "group_by" else [g[0] for g in groups]
    elif name == "join":
        for sep in _jq_eval(args[0], v):
            parts = []
            for x in _jq_iter(v):
                if x is None:
                    parts.append("")
                elif isinstance(x, (bool, int, float)):
                    parts.append(_jq_dump(x, None, False))
                elif isinstance(x, str):
                    parts.append(x)
                else:
                    raise _JqError("Cannot join with %s" % _jq_type(x))
            if not isinstance(sep, str):
                raise _JqError("%s (%s) and %s (%s) cannot be added" % (_jq_type(sep), _jq_trunc(sep), "string", '""'))
            yield sep.join(parts)
    elif name in ("startswith", "endswith", "ltrimstr", "rtrimstr", "split", "contains", "inside", "index", "test"):
        for a in _jq_eval(args[0], v):
            if name in ("startswith", "endswith"):
                if not isinstance(v, str) or not isinstance(a, str):
                    raise _JqError("%s() requires string inputs" % name)
                yield v.startswith(a) if name == "startswith" else v.endswith(a)
            elif name in ("ltrimstr", "rtrimstr"):
                if isinstance(v, str) and isinstance(a, str):
                    if name == "ltrimstr" and v.startswith(a):
                        yield v[len(a):]
                        continue
                    if name == "rtrimstr" and v.endswith(a) and a:
                        yield v[: -len(a)]
                        continue
                yield v
            elif name == "split":
                if not isinstance(v, str) or not isinstance(a, str):
                    raise _JqError("split input and separator must be strings")
                yield v.split(a) if a else list(v)
            elif name in ("contains", "inside"):
                x, y = (v, a) if name == "contains" else (a, v)
                yield _jq_contains(x, y)
            elif name == "index":
                if isinstance(v, str) and isinstance(a, str):
                    i = v.find(a)
                    yield float(i) if i >= 0 and a else None
                else:
                    yield _jq_index(v, a)
            else:
                if not isinstance(v, str):
                    raise _JqError("%s (%s) cannot be matched, as it is not a string" % (_jq_type(v), _jq_trunc(v)))
                try:
                    yield re.search(str(a), v) is not None
                except re.error:
                    raise _JqError("%s (at offset 0) is not a valid regex" % a) from None
    elif name == "del":
        yield _jq_del(v, args[0])
    elif name == "paths":
        out_p: list = []

        def walk(x: object, path: list) -> None:
            items = x.items() if isinstance(x, dict) else enumerate(x) if isinstance(x, list) else []
            for k, y in items:
                p = path + [k if isinstance(k, str) else float(k)]
                out_p.append(p)
                walk(y, p)
        walk(v, [])
        yield from out_p
    elif name == "range":
        vals = [list(_jq_eval(a, v)) for a in args]
        if len(args) == 1:
            for n in vals[0]:
                i = 0.0
                while i < n:
                    yield i
                    i += 1
        else:
            for lo in vals[0]:
                for hi in vals[1]:
                    i = lo
                    while i < hi:
                        yield i
                        i += 1
    elif name == "limit":
        for n in _jq_eval(args[0], v):
            count = 0
            for x in _jq_eval(args[1], v):
                if count >= n:
                    break
                yield x
                count += 1
    elif name == "error":
        for m in _jq_eval(args[0], v):
            raise _JqError(m if isinstance(m, str) else _jq_dump(m, None, False) + " (not a string)")
    else:  # pragma: no cover - _jq_check_calls rejects unknown names first
        raise _JqError("%s/%d is not defined" % (name, len(args)))


def _jq_contains(a: object, b: object) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return all(k in a and _jq_contains(a[k], x) for k, x in b.items())
    if isinstance(a, list) and isinstance(b, list):
        return all(any(_jq_contains(x, y) for x in a) for y in b)
    if isinstance(a, str) and isinstance(b, str):
        return b in a
    if _jq_type(a) == _jq_type(b):
        return a == b
    raise _JqError("%s (%s) and %s (%s) cannot have their containment checked"
                   % (_jq_type(a), _jq_trunc(a), _jq_type(b), _jq_trunc(b)))


def _jq_del(v: object, path: tuple) -> object:
    import copy

    out = copy.deepcopy(v)
    if path[0] == "index" and path[1] == ("id",):
        for k in _jq_eval(path[2], v):
            if isinstance(out, dict) and isinstance(k, str):
                out.pop(k, None)
            elif isinstance(out, list) and isinstance(k, (int, float)):
                i = int(k)
                if -len(out) <= i < len(out):
                    del out[i]
    return out
