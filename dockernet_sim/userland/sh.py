"""One POSIX shell for every command line: the host's terminal (an interactive GNU bash 5.2),
``bash -c`` in the oracle's iproute2 image and ``sh -c`` in busybox images (busybox ash 1.35).

The grammar is ``sh_parse``'s; this module runs its AST: ``;``/``&&``/``||`` lists, pipelines
(each stage's output is the next one's input, every stage of a longer pipeline in a subshell),
``( … )`` and ``{ …; }``, word expansion (parameters, ``$?``, command substitution, field
splitting of unquoted results, no globbing), redirections onto a file table where files are
read through the caller (``<``) and written to nowhere (``>``), and the builtins ``echo``,
``true``, ``false``, ``:``, ``exit``, ``cd``, ``pwd``, ``export``, ``unset``, ``read``.
Programs are found through the ``Programs`` table the caller passes in — the terminal's has
``docker`` and the host tools, a container's its image's applets — so the shell knows nothing
of Docker. The three dialects differ only in the words of their messages (``Dialect``), each
checked against the real shell on the oracle machine (tests/unit/test_sh.py runs them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Protocol, Sequence

from ..result import Result
from .sh_builtins import BUILTINS as _BUILTINS, Output as _Out, ShellExit as _Exit
from .sh_parse import MAX_NESTING, AndOr, Command, Group, Lit, Param, ParseError, Parser, Pipeline, Redir, Script, Simple, Subst, \
    Word


@dataclass(frozen=True)
class Invocation:
    """What a program is started with."""
    argv: tuple[str, ...]
    stdin: Optional[str]          # None: nothing redirected or piped in
    cwd: str
    env: tuple[str, ...]


Program = Callable[[Invocation], Result]


class Programs(Protocol):
    def find(self, name: str) -> Optional[Program]:
        """The program ``name`` (as typed: ``ip`` or ``/sbin/ip``) runs, or None: not found."""


@dataclass(frozen=True)
class ProgramTable:
    """Programs by name; ``/usr/bin/x`` finds ``x``."""
    entries: Mapping[str, Program]

    def find(self, name: str) -> Optional[Program]:
        return self.entries.get(name.rsplit("/", 1)[-1] if name.startswith("/") else name)


@dataclass(frozen=True)
class Files:
    """What the shell asks of the file system: a file's content (None: no such file) and
    whether a directory exists (for ``cd`` and ``>`` targets)."""
    read: Callable[[str], Optional[str]] = lambda path: None
    is_dir: Callable[[str], bool] = lambda path: path == "/"


@dataclass(frozen=True)
class Dialect:
    """The words one shell prints. ``{rt}`` is the prefix of a runtime error, ``{syn}`` of a
    syntax error (both with ``{line}``); templates verified with bash 5.2.15 (``bash -i`` and
    ``bash -c``) and busybox 1.35.0 (``busybox sh -c``)."""
    name: str                     # $0 and the messages' first word
    rt: str
    syn: str
    not_found: str
    near_token: str
    near_token_echo: bool         # bash -c repeats the line after "near unexpected token"
    eof: str
    redirect_eof: str             # a redirection's word missing at the end of the text
    quote: str
    paren: str
    paren_code: int
    brace: str
    bad_subst: str
    bad_subst_code: int
    cd_failed: str
    cd_code: int
    exit_illegal: str
    exit_negative_ok: bool        # bash: `exit -1` is 255; ash: an illegal number
    exit_echo: bool               # an interactive bash prints "exit" when it leaves
    open_failed: str
    create_failed: str
    export_line: str
    ash: bool = False             # also: $? inside a command's words is the last command's, not a $(…)'s


# bash 5.2.15 at a terminal (`bash -i`): `bash: foo: command not found`
BASH_INTERACTIVE = Dialect(
    name="bash", rt="bash: ", syn="bash: ",
    not_found="{rt}{prog}: command not found",
    near_token="{syn}syntax error near unexpected token `{tok}'", near_token_echo=False,
    eof="{syn}syntax error: unexpected end of file",
    redirect_eof="{syn}syntax error near unexpected token `newline'",
    quote="{syn}unexpected EOF while looking for matching `{tok}'",
    paren="{syn}unexpected EOF while looking for matching `)'", paren_code=1,
    brace="{syn}unexpected EOF while looking for matching `}}'",
    bad_subst="{rt}{tok}: bad substitution", bad_subst_code=1,
    cd_failed="{rt}cd: {arg}: No such file or directory", cd_code=1,
    exit_illegal="{rt}exit: {arg}: numeric argument required", exit_negative_ok=True, exit_echo=True,
    open_failed="{rt}{arg}: No such file or directory",
    create_failed="{rt}{arg}: No such file or directory",
    export_line='declare -x {k}="{v}"',
)

# `bash -c LINE` (the oracle's iproute2 image carries Debian's bash 5.2.15)
BASH_C = Dialect(
    name="bash", rt="bash: line {line}: ", syn="bash: -c: line {line}: ",
    not_found="{rt}{prog}: command not found",
    near_token="{syn}syntax error near unexpected token `{tok}'", near_token_echo=True,
    eof="{syn}syntax error: unexpected end of file",
    redirect_eof="{syn}syntax error near unexpected token `newline'",
    quote="{syn}unexpected EOF while looking for matching `{tok}'",
    paren="{syn}unexpected EOF while looking for matching `)'", paren_code=2,
    brace="{syn}unexpected EOF while looking for matching `}}'",
    bad_subst="{rt}{tok}: bad substitution", bad_subst_code=1,
    cd_failed="{rt}cd: {arg}: No such file or directory", cd_code=1,
    exit_illegal="{rt}exit: {arg}: numeric argument required", exit_negative_ok=True, exit_echo=False,
    open_failed="{rt}{arg}: No such file or directory",
    create_failed="{rt}{arg}: No such file or directory",
    export_line='declare -x {k}="{v}"',
)


def ash(name: str = "sh") -> Dialect:
    """busybox 1.35.0's ash run as ``sh -c`` (or ``ash -c``): ``sh: foo: not found``."""
    return Dialect(
        name=name, rt=name + ": ", syn=name + ": ",
        not_found="{rt}{prog}: not found",
        near_token='{syn}syntax error: unexpected "{tok}"', near_token_echo=False,
        eof="{syn}syntax error: unexpected end of file",
        redirect_eof="{syn}syntax error: unexpected end of file",
        quote="{syn}syntax error: unterminated quoted string",
        paren='{syn}syntax error: unexpected end of file (expecting ")")', paren_code=2,
        brace="{syn}syntax error: missing '}}'",
        bad_subst="{syn}syntax error: bad substitution", bad_subst_code=2,
        cd_failed="{rt}cd: line 0: can't cd to {arg}: No such file or directory", cd_code=2,
        exit_illegal="{rt}exit: line 0: Illegal number: {arg}", exit_negative_ok=False, exit_echo=False,
        open_failed="{rt}can't open {arg}: no such file",
        create_failed="{rt}can't create {arg}: nonexistent directory",
        export_line="export {k}='{v}'",
        ash=True,
    )


# not the shells' words: a limit of this simulator (bash dies of a stack overflow near 2,000
# nested `$(`, busybox has none); named so that no one takes it for the real shell's
DEPTH_MESSAGE = "dockernet_sim: {name}: command substitutions nested deeper than {limit} levels"


class Shell:
    """One shell process: its variables (``env`` exported, in order), ``$?`` and directory."""

    def __init__(self, dialect: Dialect, programs: Programs, env: Sequence[str] = (), cwd: str = "/",
                 files: Files = Files(), pid: int = 1) -> None:
        self.dialect = dialect
        self.programs = programs
        self.files = files
        self.cwd = cwd
        self.pid = pid
        self.status = 0
        self.vars: dict[str, str] = {}
        self.exported: dict[str, None] = {}      # names, in the order they were exported
        for e in env:
            k, _, v = e.partition("=")
            self.vars[k] = v
            self.exported[k] = None
        self._line = 1
        self.subshell = False

    def fork(self) -> "Shell":
        """A subshell: a copy of the variables, ``$?`` and directory."""
        sub = Shell(self.dialect, self.programs, (), self.cwd, self.files, self.pid)
        sub.vars = dict(self.vars)
        sub.exported = dict(self.exported)
        sub.status = self.status
        sub._line = self._line
        sub.subshell = True
        return sub

    def environ(self) -> tuple[str, ...]:
        return tuple(f"{k}={self.vars[k]}" for k in self.exported if k in self.vars)

    def _msg(self, template: str, **kw: str) -> str:
        d = self.dialect
        line = str(self._line)
        return template.format(rt=d.rt.format(line=line), syn=d.syn.format(line=line), **kw) + "\n"

    # -- running text
    def run(self, text: str, stdin: Optional[str] = None) -> Result:
        """Run ``text`` (``sh -c TEXT``, or a line typed at the terminal)."""
        o = _Out()
        parser = Parser(text, ash=self.dialect.ash)
        try:
            while True:
                try:
                    script = parser.next_command()
                except ParseError as e:
                    o.err.append(self._syntax(e, text))
                    self.status = self.dialect.paren_code if e.kind == "paren" else (
                        self.dialect.bad_subst_code if e.kind == "subst" else 2)
                    break
                if script is None:
                    break
                self._script(script, stdin, o)
        except _Exit as e:
            self.status = e.code
        except RecursionError:   # nested `sh -c` lines, each within the limit, can still add up
            o.err.append(DEPTH_MESSAGE.format(name=self.dialect.name, limit=str(MAX_NESTING)) + "\n")
            self.status = 2
        return Result("".join(o.out), "".join(o.err), self.status)

    def _syntax(self, e: ParseError, text: str) -> str:
        d = self.dialect
        self._line = e.line
        if e.kind == "depth":
            return DEPTH_MESSAGE.format(name=d.name, limit=e.token) + "\n"
        if e.kind == "token":
            msg = self._msg(d.near_token, tok=e.token)
            if d.near_token_echo:
                lines = text.split("\n")
                msg += self._msg("{syn}`{text}'", text=lines[min(e.line, len(lines)) - 1])
            return msg
        if e.kind in ("eof", "paren"):
            self._line = text.count("\n") + 2      # bash -c: the line after the last one
            return self._msg(d.eof if e.kind == "eof" else d.paren)
        if e.kind == "redirect":
            msg = self._msg(d.redirect_eof)
            if d.near_token_echo:
                msg += self._msg("{syn}`{text}'", text=text.split("\n")[e.line - 1])
            return msg
        if e.kind == "brace":
            return self._msg(d.brace)
        if e.kind == "subst":
            return self._msg(d.bad_subst, tok=e.token)
        return self._msg(d.quote, tok=e.token)

    def _script(self, script: Script, stdin: Optional[str], o: _Out) -> None:
        for item in script.items:
            self._and_or(item, stdin, o)

    def _and_or(self, item: AndOr, stdin: Optional[str], o: _Out) -> None:
        self._pipeline(item.first, stdin, o)
        for op, p in item.rest:
            if (op == "&&") == (self.status == 0):
                self._pipeline(p, stdin, o)

    def _pipeline(self, p: Pipeline, stdin: Optional[str], o: _Out) -> None:
        if len(p.commands) == 1:
            self._command(p.commands[0], stdin, o)
        else:
            data = stdin
            status = self.status
            for cmd in p.commands:      # the stages start together: each sees $? of before
                stage = _Out()
                sub = self.fork()
                try:
                    sub._command(cmd, data, stage)
                except _Exit as e:
                    sub.status = e.code
                o.err.extend(stage.err)
                data = "".join(stage.out)
                status = sub.status
            self.status = status
            o.out.append(data or "")
        if p.negate:
            self.status = 0 if self.status else 1

    def _command(self, cmd: Command, stdin: Optional[str], o: _Out) -> None:
        if isinstance(cmd, Simple):
            self._line = cmd.line
            self._simple(cmd, stdin, o)
            return
        inner = _Out()
        sinks, stdin, failed = self._redirect(cmd.redirs, stdin, inner)
        if failed:
            o.err.extend(inner.err)
            return
        if cmd.subshell:
            sub = self.fork()
            try:
                sub._script(cmd.body, stdin, inner)
            except _Exit as e:
                sub.status = e.code
            self.status = sub.status
        else:
            try:
                self._script(cmd.body, stdin, inner)
            except _Exit:
                _route(inner, sinks, o)
                raise
        _route(inner, sinks, o)

    # -- simple commands
    def _simple(self, cmd: Simple, stdin: Optional[str], o: _Out) -> None:
        exp = _Out()
        self._subst_status: Optional[int] = None
        try:
            argv = [f for w in cmd.words for f in self._fields(w, exp)]
            assigns = [(k, self._string(w, exp)) for k, w in cmd.assigns]
        except _BadSubst as e:      # bash: an expansion error ends the line (the shell, with -c)
            o.err.extend(exp.err)
            o.err.append(self._msg(self.dialect.bad_subst, tok=e.text))
            raise _Exit(self.dialect.bad_subst_code)
        o.err.extend(exp.err)
        res = _Out()
        sinks, stdin, failed = self._redirect(cmd.redirs, stdin, res)
        if failed:
            o.err.extend(res.err)
            return
        if not argv:
            for k, v in assigns:
                self.vars[k] = v
            self.status = self._subst_status if self._subst_status is not None else 0
            _route(res, sinks, o)
            return
        builtin = _BUILTINS.get(argv[0])
        if builtin is not None:
            try:
                self.status = builtin(self, argv[1:], stdin, res)
            except _Exit:
                _route(res, sinks, o)
                raise
        else:
            prog = self.programs.find(argv[0])
            if prog is None:
                res.err.append(self._msg(self.dialect.not_found, prog=argv[0]))
                self.status = 127
            else:
                env = self.environ()
                if assigns:
                    env = _override(env, assigns)
                r = prog(Invocation(tuple(argv), stdin, self.cwd, env))
                res.out.append(r.stdout)
                res.err.append(r.stderr)
                self.status = r.exit_code
        _route(res, sinks, o)

    def _redirect(self, redirs: tuple[Redir, ...], stdin: Optional[str],
                  o: _Out) -> tuple[dict[int, str], Optional[str], bool]:
        """Apply redirections in order: where fds 1 and 2 go ("out", "err" or "null") and the
        standard input; True when one failed (its message is in ``o``, ``$?`` is 1)."""
        sinks = {1: "out", 2: "err"}
        for r in redirs:
            target = self._string(r.target, o)
            if r.op in ("<", "<>") and r.fd == 0:
                content = self.files.read(_norm(self.cwd, target))
                if content is None:
                    o.err.append(self._msg(self.dialect.open_failed, arg=target))
                    self.status = 1
                    return sinks, stdin, True
                stdin = content
            elif r.op == "<<":
                stdin = ""
            elif r.op in (">&", "<&"):
                if target in ("1", "2") and r.fd in (1, 2):
                    sinks[r.fd] = sinks[int(target)]
                elif target == "-" and r.fd in (1, 2):
                    sinks[r.fd] = "null"
            else:
                path = _norm(self.cwd, target)
                if path != "/dev/null" and not self.files.is_dir(path.rsplit("/", 1)[0] or "/"):
                    o.err.append(self._msg(self.dialect.create_failed, arg=target))
                    self.status = 1
                    return sinks, stdin, True
                if r.op == "&>":
                    sinks[1] = sinks[2] = "null"
                elif r.fd in (1, 2):
                    sinks[r.fd] = "null"
        return sinks, stdin, False

    # -- expansion
    def _param(self, p: Param, exp: _Out) -> Optional[str]:
        if p.bad:
            raise _BadSubst(p.bad)
        value = self._value(p.name)
        if p.op == "#":
            return str(len(value or ""))
        if not p.op:
            return value
        unset = value is None or (p.op.startswith(":") and value == "")
        kind = p.op[-1]
        assert p.arg is not None
        if kind == "-":
            return self._string(p.arg, exp) if unset else value
        if kind == "=":
            if unset:
                self.vars[p.name] = self._string(p.arg, exp)
            return self.vars.get(p.name, value)
        if kind == "+":
            return "" if unset else self._string(p.arg, exp)
        if unset:   # "?"
            word = self._string(p.arg, exp)
            exp.err.append(self._msg("{rt}{name}: {word}", name=p.name,
                                     word=word or "parameter null or not set"))
            raise _Exit(1 if not self.dialect.ash else 2)
        return value

    def _value(self, name: str) -> Optional[str]:
        if name == "?":
            return str(self.status)
        if name == "$":
            return str(self.pid)
        if name == "0":
            return self.dialect.name
        if name == "#":
            return "0"
        if name in ("@", "*", "!", "-") or name.isdigit():
            return ""
        return self.vars.get(name)

    def _subst(self, s: Subst, exp: _Out) -> str:
        sub = self.fork()
        o = _Out()
        try:
            sub._script(s.body, None, o)
        except _Exit as e:
            sub.status = e.code
        exp.err.extend(o.err)
        self._subst_status = sub.status
        if not self.dialect.ash:     # bash: `echo $(false) $?` prints 1
            self.status = sub.status
        return "".join(o.out).rstrip("\n")

    def _fields(self, w: Word, exp: _Out) -> list[str]:
        """The fields a word expands to: unquoted expansions split at blanks and newlines."""
        fields: list[str] = []
        cur: Optional[str] = None          # None: no field started
        for part in w.parts:
            if isinstance(part, Lit):
                cur = (cur or "") + part.text
                continue
            value = self._param(part, exp) if isinstance(part, Param) else self._subst(part, exp)
            value = value or ""
            if part.quoted:
                cur = (cur or "") + value
                continue
            ifs = self.vars.get("IFS", " \t\n")
            pieces = _split(value, ifs)
            if not pieces:
                continue
            if value[:1] in ifs and value[:1] and cur is not None:
                fields.append(cur)
                cur = None
            for k, piece in enumerate(pieces):
                if k == 0:
                    cur = (cur or "") + piece
                else:
                    assert cur is not None
                    fields.append(cur)
                    cur = piece
            if value[-1:] in ifs and value[-1:]:
                assert cur is not None
                fields.append(cur)
                cur = None
        if cur is not None:
            fields.append(cur)
        return fields

    def _string(self, w: Word, exp: _Out) -> str:
        """A word expanded without field splitting (assignments, redirection targets)."""
        out = ""
        for part in w.parts:
            if isinstance(part, Lit):
                out += part.text
            elif isinstance(part, Param):
                out += self._param(part, exp) or ""
            else:
                out += self._subst(part, exp)
        return out


class _BadSubst(Exception):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def _split(value: str, ifs: str) -> list[str]:
    out: list[str] = []
    cur = ""
    for ch in value:
        if ch in ifs:
            if cur:
                out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


def _route(res: _Out, sinks: dict[int, str], o: _Out) -> None:
    """Send a command's output where its redirections point."""
    for fd, chunks in ((1, res.out), (2, res.err)):
        sink = sinks[fd]
        if sink == "out":
            o.out.extend(chunks)
        elif sink == "err":
            o.err.extend(chunks)


def _override(env: tuple[str, ...], assigns: list[tuple[str, str]]) -> tuple[str, ...]:
    """``NAME=value cmd``: the environment with those replaced in place or appended."""
    out = list(env)
    index = {e.split("=", 1)[0]: i for i, e in enumerate(out)}
    for k, v in assigns:
        if k in index:
            out[index[k]] = f"{k}={v}"
        else:
            index[k] = len(out)
            out.append(f"{k}={v}")
    return tuple(out)


def _norm(cwd: str, path: str) -> str:
    parts: list[str] = []
    for p in (path if path.startswith("/") else cwd.rstrip("/") + "/" + path).split("/"):
        if p in ("", "."):
            continue
        if p == "..":
            if parts:
                parts.pop()
            continue
        parts.append(p)
    return "/" + "/".join(parts)

