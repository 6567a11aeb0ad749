"""fmt's printer: Sprint, Sprintln and Sprintf over reflect values, as templates print.

Mirrors golang/go ``src/fmt/print.go`` (the ``pp`` type: verbs per kind, %v of structs, maps,
slices and pointers, bad-verb and missing/extra argument texts, argument indexes).
"""

from __future__ import annotations

from typing import Any

from .format import _Format
from .reflect import (
    _V, _ZERO, _concrete, _elem, _elem_type, _field, _indirect_interface, _map_items, _method,
    _struct_fields, _typed,
)


_FAKE_POINTER = 0xC000010000  # pointers print as an address Go would choose; ours is fixed


class _Printer(_Format):
    """fmt's pp: one Sprint/Sprintln/Sprintf call."""

    # print.go
    def bad_verb(self, verb: str) -> None:
        self.buf.append("%!" + verb + "(")
        if self.arg is not None:
            self.buf.append((self.arg.typ or "") + "=")
            self.print_arg(self.arg, "v")
        elif self.value.valid():
            self.buf.append((self.value.typ or "") + "=")
            self.print_value(self.value, "v", 0)
        else:
            self.buf.append("<nil>")
        self.buf.append(")")

    def fmt_bool(self, v: bool, verb: str) -> None:
        if verb in "tv":
            self.pad("true" if v else "false")
        else:
            self.bad_verb(verb)

    def fmt0x64(self, v: int, leading0x: bool) -> None:
        sharp = self.f.sharp
        self.f.sharp = leading0x
        self.fmt_integer(v, 16, "v")
        self.f.sharp = sharp

    def fmt_int(self, v: int, signed: bool, verb: str) -> None:
        if verb == "v":
            if self.f.sharp_v and not signed:
                self.fmt0x64(v, True)
            else:
                self.fmt_integer(v, 10, verb)
        elif verb == "d":
            self.fmt_integer(v, 10, verb)
        elif verb == "b":
            self.fmt_integer(v, 2, verb)
        elif verb in "oO":
            self.fmt_integer(v, 8, verb)
        elif verb == "x":
            self.fmt_integer(v, 16, verb)
        elif verb == "X":
            self.fmt_integer(v, 16, verb, True)
        elif verb == "c":
            self.fmt_c(v)
        elif verb == "q":
            self.fmt_qc(v)
        elif verb == "U":
            self.fmt_unicode(v if v >= 0 else v + (1 << 64))
        else:
            self.bad_verb(verb)

    def fmt_float(self, v: float, verb: str) -> None:
        if verb == "v":
            self.fmt_float_raw(v, "g", -1)
        elif verb in "bgGxX":
            self.fmt_float_raw(v, verb, -1)
        elif verb in "feE":
            self.fmt_float_raw(v, verb, 6)
        elif verb == "F":
            self.fmt_float_raw(v, "f", 6)
        else:
            self.bad_verb(verb)

    def fmt_complex(self, v: complex, verb: str) -> None:
        if verb in "vbgGxXfFeE":
            old = self.f.plus
            self.buf.append("(")
            self.fmt_float(v.real, verb)
            self.f.plus = True
            self.fmt_float(v.imag, verb)
            self.buf.append("i)")
            self.f.plus = old
        else:
            self.bad_verb(verb)

    def fmt_string(self, v: str, verb: str) -> None:
        if verb == "v":
            if self.f.sharp_v:
                self.fmt_q(v)
            else:
                self.fmt_s(v)
        elif verb == "s":
            self.fmt_s(v)
        elif verb == "x":
            self.fmt_sbx(v, False)
        elif verb == "X":
            self.fmt_sbx(v, True)
        elif verb == "q":
            self.fmt_q(v)
        else:
            self.bad_verb(verb)

    def fmt_pointer(self, value: _V, verb: str) -> None:
        if value.k not in ("chan", "func", "map", "ptr", "slice"):
            self.bad_verb(verb)
            return
        u = 0 if value.py is None else _FAKE_POINTER
        if verb == "v":
            if self.f.sharp_v:
                self.buf.append("(" + (value.typ or "") + ")(")
                if u == 0:
                    self.buf.append("nil")
                else:
                    self.fmt0x64(u, True)
                self.buf.append(")")
            elif u == 0:
                self.pad("<nil>")
            else:
                self.fmt0x64(u, not self.f.sharp)
        elif verb == "p":
            self.fmt0x64(u, not self.f.sharp)
        elif verb in "bodxX":
            self.fmt_int(u, False, verb)
        else:
            self.bad_verb(verb)

    def handle_methods(self, v: _V, verb: str) -> bool:
        """A Struct's String method is a fmt.Stringer."""
        if verb not in "vsxXq" or self.f.sharp_v:
            return False
        target = v
        if v.k == "ptr" and v.py is not None:
            target = _elem(v)
        if target.k != "struct":
            return False
        m = _method(target, "String")
        if m is None or m.params or m.variadic is not None:
            return False
        try:
            res = m.fn()
        except Exception as e:  # noqa: BLE001 - fmt reports a panicking String method inline
            self.buf.append("%!" + verb + "(PANIC=String method: " + str(e) + ")")
            return True
        self.fmt_string(str(res), verb)
        return True

    def print_arg(self, arg: _V | None, verb: str) -> None:
        if arg is not None and arg.k == "interface":
            arg = _indirect_interface(arg)
        if arg is not None and not arg.valid():
            arg = None
        self.arg = arg
        self.value = _ZERO
        if arg is None:
            if verb in "Tv":
                self.pad("<nil>")
            else:
                self.bad_verb(verb)
            return
        if verb == "T":
            self.fmt_s(arg.typ or "")
            return
        if verb == "p":
            self.fmt_pointer(arg, "p")
            return
        if self.handle_methods(arg, verb):
            return
        self.print_value(arg, verb, 0)
        self.arg = None

    def print_value(self, value: _V, verb: str, depth: int) -> None:
        if depth > 0 and value.valid() and self.handle_methods(value, verb):
            return
        self.arg = None
        self.value = value
        k = value.k
        py = value.py
        f = self.f
        if k == "invalid":
            if depth == 0:
                self.buf.append("<invalid reflect.Value>")
            elif verb == "v":
                self.buf.append("<nil>")
            else:
                self.bad_verb(verb)
        elif k == "bool":
            self.fmt_bool(bool(py), verb)
        elif k == "int":
            self.fmt_int(int(py), True, verb)
        elif k == "uint":
            self.fmt_int(int(py), False, verb)
        elif k == "float":
            self.fmt_float(float(py), verb)
        elif k == "complex":
            self.fmt_complex(complex(py), verb)
        elif k == "string":
            self.fmt_string(str(py), verb)
        elif k == "map":
            if f.sharp_v:
                self.buf.append(value.typ or "")
                if py is None:
                    self.buf.append("(nil)")
                    return
                self.buf.append("{")
            else:
                self.buf.append("map[")
            for i, (kk, vv) in enumerate(_map_items(value)):
                if i > 0:
                    self.buf.append(", " if f.sharp_v else " ")
                self.print_value(kk, verb, depth + 1)
                self.buf.append(":")
                self.print_value(vv, verb, depth + 1)
            self.buf.append("}" if f.sharp_v else "]")
        elif k == "struct":
            if f.sharp_v:
                self.buf.append(value.typ or "")
            self.buf.append("{")
            for i, name in enumerate(_struct_fields(py)):
                if i > 0:
                    self.buf.append(", " if f.sharp_v else " ")
                if f.plus_v or f.sharp_v:
                    self.buf.append(name + ":")
                fv = _field(py, name)
                if fv.k == "interface" and fv.py is not None:
                    fv = _elem(fv)
                self.print_value(fv, verb, depth + 1)
            self.buf.append("}")
        elif k == "interface":
            if py is None:
                self.buf.append((value.typ or "") + "(nil)" if f.sharp_v else "<nil>")
            else:
                self.print_value(_concrete(py), verb, depth + 1)
        elif k in ("slice", "array"):
            et = _elem_type(value)
            if verb in "sqxX" and et in ("uint8", "byte"):
                data = bytes(int(x) & 0xFF for x in (py or []))
                text = data.decode("utf-8", "replace")
                if verb == "s":
                    self.fmt_s(text)
                elif verb == "q":
                    self.fmt_q(text)
                else:
                    self.fmt_sbx(text, verb == "X")
                return
            if f.sharp_v:
                self.buf.append(value.typ or "")
                if k == "slice" and py is None:
                    self.buf.append("(nil)")
                    return
                self.buf.append("{")
                for i, x in enumerate(py or []):
                    if i > 0:
                        self.buf.append(", ")
                    self.print_value(_typed(x, et), verb, depth + 1)
                self.buf.append("}")
            else:
                self.buf.append("[")
                for i, x in enumerate(py or []):
                    if i > 0:
                        self.buf.append(" ")
                    self.print_value(_typed(x, et), verb, depth + 1)
                self.buf.append("]")
        elif k == "ptr":
            if depth == 0 and py is not None:
                e = _elem(value)
                if e.k in ("array", "slice", "struct", "map"):
                    self.buf.append("&")
                    self.print_value(e, verb, depth + 1)
                    return
            self.fmt_pointer(value, verb)
        elif k in ("chan", "func"):
            self.fmt_pointer(value, verb)
        else:  # pragma: no cover
            self.buf.append("?")

    def do_print(self, args: list[_V]) -> None:
        prev_string = False
        for i, a in enumerate(args):
            a = _indirect_interface(a) if a.k == "interface" else a
            is_string = a.valid() and a.k == "string"
            if i > 0 and not is_string and not prev_string:
                self.buf.append(" ")
            self.print_arg(a, "v")
            prev_string = is_string

    def do_println(self, args: list[_V]) -> None:
        for i, a in enumerate(args):
            if i > 0:
                self.buf.append(" ")
            self.print_arg(a, "v")
        self.buf.append("\n")

    def arg_number(self, argnum: int, fmt: str, i: int, nargs: int) -> tuple[int, int, bool]:
        if len(fmt) <= i or fmt[i] != "[":
            return argnum, i, False
        self.reordered = True
        index, wid, ok = _parse_arg_number(fmt[i:])
        if ok and 0 <= index < nargs:
            return index, i + wid, True
        self.good_argnum = False
        return argnum, i + wid, ok

    def do_printf(self, fmt: str, args: list[_V]) -> None:
        end = len(fmt)
        argnum = 0
        after_index = False
        self.reordered = False
        f = self.f
        i = 0
        while i < end:
            self.good_argnum = True
            last = i
            while i < end and fmt[i] != "%":
                i += 1
            if i > last:
                self.buf.append(fmt[last:i])
            if i >= end:
                break
            i += 1
            f.clear()
            simple_done = False
            while i < end:
                c = fmt[i]
                if c == "#":
                    f.sharp = True
                elif c == "0":
                    f.zero = not f.minus
                elif c == "+":
                    f.plus = True
                elif c == "-":
                    f.minus = True
                    f.zero = False
                elif c == " ":
                    f.space = True
                else:
                    if "a" <= c <= "z" and argnum < len(args):
                        if c == "v":
                            f.sharp_v = f.sharp
                            f.sharp = False
                            f.plus_v = f.plus
                            f.plus = False
                        self.print_arg(args[argnum], c)
                        argnum += 1
                        i += 1
                        simple_done = True
                    break
                i += 1
            if simple_done:
                continue
            argnum, i, after_index = self.arg_number(argnum, fmt, i, len(args))
            if i < end and fmt[i] == "*":
                i += 1
                f.wid, f.wid_present, argnum = _int_from_arg(args, argnum)
                if not f.wid_present:
                    self.buf.append("%!(BADWIDTH)")
                if f.wid < 0:
                    f.wid = -f.wid
                    f.minus = True
                    f.zero = False
                after_index = False
            else:
                f.wid, f.wid_present, i = _parsenum(fmt, i, end)
                if after_index and f.wid_present:
                    self.good_argnum = False
            if i + 1 < end and fmt[i] == ".":
                i += 1
                if after_index:
                    self.good_argnum = False
                argnum, i, after_index = self.arg_number(argnum, fmt, i, len(args))
                if i < end and fmt[i] == "*":
                    i += 1
                    f.prec, f.prec_present, argnum = _int_from_arg(args, argnum)
                    if f.prec < 0:
                        f.prec = 0
                        f.prec_present = False
                    if not f.prec_present:
                        self.buf.append("%!(BADPREC)")
                    after_index = False
                else:
                    f.prec, f.prec_present, i = _parsenum(fmt, i, end)
                    if not f.prec_present:
                        f.prec = 0
                        f.prec_present = True
            if not after_index:
                argnum, i, after_index = self.arg_number(argnum, fmt, i, len(args))
            if i >= end:
                self.buf.append("%!(NOVERB)")
                break
            verb = fmt[i]
            i += 1
            if verb == "%":
                self.buf.append("%")
            elif not self.good_argnum:
                self.buf.append("%!" + verb + "(BADINDEX)")
            elif argnum >= len(args):
                self.buf.append("%!" + verb + "(MISSING)")
            else:
                if verb == "v":
                    f.sharp_v = f.sharp
                    f.sharp = False
                    f.plus_v = f.plus
                    f.plus = False
                self.print_arg(args[argnum], verb)
                argnum += 1
        if not self.reordered and argnum < len(args):
            f.clear()
            self.buf.append("%!(EXTRA ")
            for j, a in enumerate(args[argnum:]):
                if j > 0:
                    self.buf.append(", ")
                a = _indirect_interface(a) if a.k == "interface" else a
                if not a.valid():
                    self.buf.append("<nil>")
                else:
                    self.buf.append((a.typ or "") + "=")
                    self.print_arg(a, "v")
            self.buf.append(")")


def _too_large(n: int) -> bool:
    return n > 1_000_000 or n < -1_000_000


def _parsenum(s: str, start: int, end: int) -> tuple[int, bool, int]:
    if start >= end:
        return 0, False, end
    num = 0
    isnum = False
    i = start
    while i < end and "0" <= s[i] <= "9":
        if _too_large(num):
            return 0, False, end
        num = num * 10 + ord(s[i]) - 48
        isnum = True
        i += 1
    return num, isnum, i


def _parse_arg_number(fmt: str) -> tuple[int, int, bool]:
    if len(fmt) < 3:
        return 0, 1, False
    for i in range(1, len(fmt)):
        if fmt[i] == "]":
            width, ok, newi = _parsenum(fmt, 1, i)
            if not ok or newi != i:
                return 0, i + 1, False
            return width - 1, i + 1, True
    return 0, 1, False


def _int_from_arg(args: list[_V], argnum: int) -> tuple[int, bool, int]:
    num, is_int, new = 0, False, argnum
    if argnum < len(args):
        a = _indirect_interface(args[argnum])
        if a.k in ("int", "uint") and a.valid():
            num, is_int = int(a.py), True
        new = argnum + 1
        if _too_large(num):
            num, is_int = 0, False
    return num, is_int, new


def _sprint(args: list[_V]) -> str:
    p = _Printer()
    p.do_print(args)
    return p.out()


def _sprintln(args: list[_V]) -> str:
    p = _Printer()
    p.do_println(args)
    return p.out()


def _sprintf(fmt: str, args: list[_V]) -> str:
    p = _Printer()
    p.do_printf(fmt, args)
    return p.out()


def _print_arg(v: _V, verb: str) -> str:
    p = _Printer()
    p.print_arg(v, verb)
    return p.out()


def go_sprint(value: Any) -> str:
    """fmt.Sprint(value) with Go's formatting (``map[a:1]``, ``[a b]``, ``1e+06``)."""
    return _sprint([_concrete(value)])
