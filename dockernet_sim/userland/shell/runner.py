"""The shell's runner: one shell process (variables, ``$?``, its directory) running the parser's
AST — ``;``/``&&``/``||`` lists, pipelines (each stage's output is the next one's input, every
stage of a longer pipeline in a subshell), ``( … )`` and ``{ …; }``, word expansion
(parameters, ``$?``, command substitution, field splitting of unquoted results, no globbing),
redirections onto a table of where fds 1 and 2 go (files are read through ``Files``, and written
through it where the system keeps them), builtins, and programs found in the caller's ``Programs`` table.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence, Union

from .builtin import BUILTINS, Input, LoopControl, Output, ShellExit, norm
from .dialects import ARITH_DEPTH_MESSAGE, DEPTH_MESSAGE, LOOP_MESSAGE, Dialect, syntax_message
from .lexer import identifier
from .nodes import (MAX_NESTING, AndOr, Arith, Case, Command, For, Group, If, Lit, Loop, Part,
                    Param, ParseError, Pipeline, Redir, Script, Simple, Subst, Word)
from .parser import Parser
from .system import Files, FileSink, Invocation, Programs, Sink
from ...result import Result

Target = Union[str, FileSink]    # where fd 1 or 2 goes: "out", "err", "null", or a file

LOOP_LIMIT = 10_000      # iterations of one while/until loop before the simulator stops it


class Shell:
    """One shell process: its variables (``env`` exported, in order), ``$?`` and directory."""

    def __init__(self, dialect: Dialect, programs: Programs, env: Sequence[str] = (), cwd: str = "/",
                 files: Files = Files(), pid: int = 1, args: Sequence[str] = ()) -> None:
        self.dialect = dialect
        # `sh -c LINE NAME ARG…`: $0 is NAME (the shell's name without it), $1… the ARGs
        self.arg0 = args[0] if args else dialect.name
        self.params = list(args[1:])
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
        self.exited = False                      # `exit` ran: an interactive shell ends here
        self.loops = 0                           # how many loops the running command is in
        self._subst_status: Optional[int] = None  # of the last $( … ) in the running command's words
        self.sinks: dict[str, Sink] = {}            # kept files redirections opened, by path

    def fork(self) -> "Shell":
        """A subshell: a copy of the variables, ``$?`` and directory."""
        sub = Shell(self.dialect, self.programs, (), self.cwd, self.files, self.pid)
        sub.arg0, sub.params = self.arg0, list(self.params)
        sub.vars = dict(self.vars)
        sub.exported = dict(self.exported)
        sub.status = self.status
        sub._line = self._line
        sub.subshell = True
        return sub

    def environ(self) -> tuple[str, ...]:
        return tuple(f"{k}={self.vars[k]}" for k in self.exported if k in self.vars)

    def message(self, template: str, **kw: str) -> str:
        """A dialect template filled in, with the prefixes and line of the running command."""
        d = self.dialect
        line = str(self._line)
        return template.format(rt=d.rt.format(line=line), syn=d.syn.format(line=line), **kw) + "\n"

    # -- running text
    def run(self, text: str, stdin: Optional[str] = None) -> Result:
        """Run ``text`` (``sh -c TEXT``, or a line typed at the terminal) with ``stdin`` as its
        standard input (None: nothing to read)."""
        o = Output()
        data = Input(stdin) if stdin is not None else None
        parser = Parser(text, ash=self.dialect.ash)
        try:
            while True:
                try:
                    script = parser.next_command()
                except ParseError as e:
                    o.write(2, self._syntax(e, text))
                    self.status = self.dialect.paren_code if e.kind == "paren" else (
                        self.dialect.bad_subst_code if e.kind == "subst" else
                        self.dialect.subst_syntax_code if e.kind == "token" and e.in_subst else 2)
                    break
                if script is None:
                    break
                self._script(script, data, o)
        except ShellExit as e:
            self.status = e.code
            self.exited = True
        except RecursionError:   # nested `sh -c` lines, each within the limit, can still add up
            o.write(2, DEPTH_MESSAGE.format(name=self.dialect.name, limit=str(MAX_NESTING)) + "\n")
            self.status = 2
        return Result("".join(o.out), "".join(o.err), self.status, chunks=tuple(o.order))

    def _syntax(self, e: ParseError, text: str) -> str:
        # bash -c names the line after the last one when the text ends too soon
        self._line = text.count("\n") + 2 if e.kind in ("eof", "paren") else e.line
        return syntax_message(self.dialect, e, text, self.message)

    def _script(self, script: Script, stdin: Optional[Input], o: Output) -> None:
        for item in script.items:
            self._and_or(item, stdin, o)

    def _and_or(self, item: AndOr, stdin: Optional[Input], o: Output) -> None:
        self._pipeline(item.first, stdin, o)
        for op, p in item.rest:
            if (op == "&&") == (self.status == 0):
                self._pipeline(p, stdin, o)

    def _pipeline(self, p: Pipeline, stdin: Optional[Input], o: Output) -> None:
        if len(p.commands) == 1:
            self._command(p.commands[0], stdin, o)
        else:
            data = stdin
            text = ""
            status = self.status
            for cmd in p.commands:      # the stages start together: each sees $? of before
                stage = Output()
                sub = self.fork()
                try:
                    sub._command(cmd, data, stage)
                except ShellExit as e:
                    sub.status = e.code
                o.take(stage, 2)
                text = "".join(stage.out)
                data = Input(text)
                status = sub.status
            self.status = status
            o.write(1, text)
        if p.negate:
            self.status = 0 if self.status else 1

    def _command(self, cmd: Command, stdin: Optional[Input], o: Output) -> None:
        if isinstance(cmd, Simple):
            self._line = cmd.line
            self._simple(cmd, stdin, o)
            return
        inner = Output()
        sinks, stdin, failed = self._redirect(cmd.redirs, stdin, inner)
        if failed:
            o.take(inner, 2)
            return
        try:
            if isinstance(cmd, Group) and cmd.subshell:
                sub = self.fork()
                try:
                    sub._script(cmd.body, stdin, inner)
                except ShellExit as e:
                    sub.status = e.code
                self.status = sub.status
            elif isinstance(cmd, Group):
                self._script(cmd.body, stdin, inner)
            elif isinstance(cmd, If):
                self._if(cmd, stdin, inner)
            elif isinstance(cmd, Loop):
                self._loop(cmd, stdin, inner)
            elif isinstance(cmd, Case):
                self._case(cmd, stdin, inner)
            else:
                self._for(cmd, stdin, inner)
        except (ShellExit, LoopControl):
            self._kept(_route(inner, sinks, o), "", False, o)
            raise
        self._kept(_route(inner, sinks, o), "", False, o)

    def _kept(self, written: dict[str, str], name: str, builtin: bool, o: Output) -> None:
        """Hand what went to files to them: a container's layer appends it (the redirection made
        or emptied the file already); a kept file of the host (/proc/sys) takes it, and a write it
        refuses is the writer's ``write error`` (bash's ``echo``: ``bash: echo: write error: …``,
        without the line number ``bash -c`` gives other errors: measured), status 1."""
        for path, text in written.items():
            sink = self.sinks.get(path)
            if sink is None:
                if self.files.write is not None:
                    self.files.write(path, text, True)
                continue
            if not text:
                continue
            why = sink.write(text)
            if why:
                who = f"{self.dialect.name}: {name}" if builtin else name or self.dialect.name
                o.write(2, f"{who}: write error: {why}\n")
                self.status = 1

    # -- compound commands
    def _if(self, cmd: If, stdin: Optional[Input], o: Output) -> None:
        for cond, body in cmd.branches:
            self._script(cond, stdin, o)
            if self.status == 0:
                self._script(body, stdin, o)
                return
        if cmd.orelse is not None:
            self._script(cmd.orelse, stdin, o)
        else:
            self.status = 0

    def _case(self, cmd: Case, stdin: Optional[Input], o: Output) -> None:
        value = self._string(cmd.word, o)
        for patterns, body in cmd.items:
            if any(re.fullmatch(self._pattern(p, o), value, re.DOTALL) for p in patterns):
                self._script(body, stdin, o)
                return
        self.status = 0

    def _pattern(self, w: Word, exp: Output) -> str:
        """A case pattern as a regular expression: quoted text and quoted expansions match
        themselves, the rest is a glob (``*``, ``?``, ``[…]``)."""
        from .fields import glob_regex          # (the first case statement's: issue 15)
        out = ""
        for part in w.parts:
            if isinstance(part, Lit):
                out += re.escape(part.text) if part.quoted else glob_regex(part.text)
            else:
                text = self._string(Word((part,)), exp)
                out += re.escape(text) if part.quoted else glob_regex(text)
        return out

    def _loop(self, cmd: Loop, stdin: Optional[Input], o: Output) -> None:
        status = 0
        for _ in range(LOOP_LIMIT):
            self._script(cmd.cond, stdin, o)
            if (self.status == 0) == cmd.until:
                self.status = status
                return
            stop, status = self._iteration(cmd.body, stdin, o)
            if stop:
                return
        o.write(2, LOOP_MESSAGE.format(name=self.dialect.name, limit=LOOP_LIMIT) + "\n")
        raise ShellExit(2)

    def _for(self, cmd: For, stdin: Optional[Input], o: Output) -> None:
        if not identifier(cmd.name):      # bash: at run time (ash refused the line)
            self._line = cmd.line
            o.write(2, self.message(self.dialect.bad_for_var, tok=cmd.name))
            self.status = 1
            return
        values = [f for w in cmd.words for f in self._fields(w, o)] if cmd.words is not None else list(self.params)
        if not values:
            self.status = 0
        for v in values:            # the body sees $? of before the loop
            self.vars[cmd.name] = v
            stop, self.status = self._iteration(cmd.body, stdin, o)
            if stop:
                return

    def _iteration(self, body: Script, stdin: Optional[Input], o: Output) -> tuple[bool, int]:
        """Run a loop's body once: (whether the loop ends, the body's status)."""
        self.loops += 1
        try:
            self._script(body, stdin, o)
            return False, self.status
        except LoopControl as c:
            if c.levels > 1:
                raise LoopControl(c.kind, c.levels - 1)
            return c.kind == "break", self.status
        finally:
            self.loops -= 1

    # -- simple commands
    def _simple(self, cmd: Simple, stdin: Optional[Input], o: Output) -> None:
        self._subst_status = None
        # expansions come before redirections: their messages are not redirected
        argv = [f for w in cmd.words for f in self._fields(w, o)]
        assigns = [(k, self._string(w, o)) for k, w in cmd.assigns]
        res = Output()
        sinks, stdin, failed = self._redirect(cmd.redirs, stdin, res)
        if failed:
            o.take(res, 2)
            return
        if not argv:
            for k, v in assigns:
                self.vars[k] = v
            self.status = self._subst_status if self._subst_status is not None else 0
            self._kept(_route(res, sinks, o), "", False, o)
            return
        builtin = BUILTINS.get(argv[0])
        if builtin is not None:
            try:
                self.status = builtin(self, argv[1:], stdin, res)
            except ShellExit:
                self._kept(_route(res, sinks, o), argv[0], True, o)
                raise
        else:
            prog = self.programs.find(argv[0])
            if prog is None:
                res.write(2, self.message(self.dialect.not_found, prog=argv[0]))
                self.status = 127
            else:
                env = self.environ()
                if assigns:
                    env = _override(env, assigns)
                # a program reads its input to the end (the next command finds none left)
                r = prog(Invocation(tuple(argv), stdin.read_all() if stdin is not None else None, self.cwd, env))
                for fd, text in r.streams():
                    res.write(fd, text)
                self.status = r.exit_code
        self._kept(_route(res, sinks, o), argv[0], builtin is not None, o)

    def _redirect(self, redirs: tuple[Redir, ...], stdin: Optional[Input],
                  o: Output) -> tuple[dict[int, Target], Optional[Input], bool]:
        """Apply redirections in order: where fds 1 and 2 go ("out", "err" or "null") and the
        standard input; True when one failed (its message is in ``o``, ``$?`` is 1)."""
        sinks: dict[int, Target] = {1: "out", 2: "err"}
        for r in redirs:
            target = self._string(r.target, o)
            if r.op in ("<", "<>") and r.fd == 0:
                content = self.files.read(norm(self.cwd, target))
                if content is None:
                    o.write(2, self.message(self.dialect.open_failed, arg=target))
                    self.status = 1
                    return sinks, stdin, True
                stdin = Input(content)
            elif r.op == "<<":
                stdin = Input("")
            elif r.op in (">&", "<&"):
                if target in ("1", "2") and r.fd in (1, 2):
                    sinks[r.fd] = sinks[int(target)]
                elif target == "-" and r.fd in (1, 2):
                    sinks[r.fd] = "null"
            else:
                path = norm(self.cwd, target)
                if path != "/dev/null" and not self.files.is_dir(path.rsplit("/", 1)[0] or "/"):
                    o.write(2, self.message(self.dialect.create_failed, arg=target))
                    self.status = 1
                    return sinks, stdin, True
                dest: Target = "null"
                kept = self.files.sink(path) if path != "/dev/null" else None
                if kept is not None and kept.error:
                    o.write(2, self.message("{rt}{arg}: {why}", arg=target, why=kept.error))
                    self.status = 1
                    return sinks, stdin, True
                if kept is not None:            # a file the system keeps (the host's /proc/sys)
                    self.sinks[path] = kept
                    dest = FileSink(path)
                elif path != "/dev/null":
                    note = self.files.unkept(path)
                    if note is not None:
                        o.write(2, note)
                    elif self.files.write is not None:
                        # the redirection opens the file before the command runs: made, or emptied
                        why = self.files.write(path, "", r.op == ">>")
                        if why is not None:
                            # ash names ENOENT and ENOTDIR alike: "nonexistent directory"
                            gone = why == "No such file or directory" or (self.dialect.ash and why == "Not a directory")
                            o.write(2, self.message(self.dialect.create_failed, arg=target) if gone else
                                    self.message(self.dialect.create_refused, arg=target, why=why))
                            self.status = 1
                            return sinks, stdin, True
                        dest = FileSink(path)
                if r.op == "&>":
                    sinks[1] = sinks[2] = dest
                elif r.fd in (1, 2):
                    sinks[r.fd] = dest
        return sinks, stdin, False

    # -- expansion
    def _param(self, p: Param, exp: Output) -> Optional[str]:
        if p.bad:      # bash: an expansion error ends the line (the shell, with -c)
            exp.write(2, self.message(self.dialect.bad_subst, tok=p.bad))
            raise ShellExit(self.dialect.bad_subst_code)
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
            exp.write(2, self.message("{rt}{name}: {word}", name=p.name,
                                     word=word or "parameter null or not set"))
            raise ShellExit(1 if not self.dialect.ash else 2)
        return value

    def _value(self, name: str) -> Optional[str]:
        if name == "?":
            return str(self.status)
        if name == "$":
            return str(self.pid)
        if name == "0":
            return self.arg0
        if name == "#":
            return str(len(self.params))
        if name == "-":
            return self.dialect.options
        if name in ("@", "*"):
            return " ".join(self.params)
        if name.isdigit():
            n = int(name)
            return self.params[n - 1] if n <= len(self.params) else None
        if name == "!":
            return ""
        return self.vars.get(name)

    def _subst(self, s: Subst, exp: Output) -> str:
        sub = self.fork()
        o = Output()
        try:
            sub._script(s.body, None, o)
        except ShellExit as e:
            sub.status = e.code
        exp.take(o, 2)
        self._subst_status = sub.status
        if not self.dialect.ash:     # bash: `echo $(false) $?` prints 1
            self.status = sub.status
        return "".join(o.out).rstrip("\n")

    def _fields(self, w: Word, exp: Output) -> list[str]:
        """The fields a word expands to: unquoted expansions split at blanks and newlines."""
        fields: list[str] = []
        cur: Optional[list[str]] = None    # the field being built, in pieces; None: none started
        all_params = False                 # a "$@" that gave no fields
        for part in w.parts:
            if isinstance(part, Param) and part.name == "@" and part.quoted and not part.op:
                # "$@": one field per parameter, the first and last joined to the text around
                if not self.params:
                    all_params = True
                    continue
                cur = [] if cur is None else cur
                cur.append(self.params[0])
                for param in self.params[1:]:
                    fields.append("".join(cur))
                    cur = [param]
                continue
            value = part.text if isinstance(part, Lit) else self._expand(part, exp)
            if isinstance(part, Lit) or part.quoted:
                cur = [] if cur is None else cur
                cur.append(value)
                continue
            ifs = self.vars.get("IFS", " \t\n")
            from .fields import split_fields        # (the first unquoted expansion's: issue 15)
            pieces = split_fields(value, ifs)
            if not pieces:
                continue
            if value[:1] in ifs and value[:1] and cur is not None:
                fields.append("".join(cur))
                cur = None
            for k, piece in enumerate(pieces):
                if k == 0:
                    cur = [] if cur is None else cur
                    cur.append(piece)
                else:
                    assert cur is not None
                    fields.append("".join(cur))
                    cur = [piece]
            if value[-1:] in ifs and value[-1:]:
                assert cur is not None
                fields.append("".join(cur))
                cur = None
        if cur is not None and not (all_params and not fields and not "".join(cur)):
            fields.append("".join(cur))
        return fields

    def _expand(self, part: Part, exp: Output) -> str:
        """The text one expansion gives."""
        if isinstance(part, Param):
            return self._param(part, exp) or ""
        if isinstance(part, Arith):
            return self._arith(part, exp)
        assert isinstance(part, Subst)
        return self._subst(part, exp)

    def _string(self, w: Word, exp: Output) -> str:
        """A word expanded without field splitting (assignments, redirection targets)."""
        return "".join(part.text if isinstance(part, Lit) else self._expand(part, exp) for part in w.parts)

    def _arith(self, a: Arith, exp: Output) -> str:
        from .arith import MESSAGES, ArithError, evaluate      # $((…)) is rare: loaded when met (issue 15)
        text = self._string(a.expr, exp)

        def put(name: str, value: str) -> None:
            self.vars[name] = value
        try:
            return str(evaluate(text, self.vars.get, put))
        except ArithError as e:     # an expansion error: it ends the line (the shell, with -c)
            if e.kind == "depth":
                exp.write(2, ARITH_DEPTH_MESSAGE.format(name=self.dialect.name, limit=e.token) + "\n")
                raise ShellExit(2)
            what = MESSAGES[e.kind][self.dialect.ash]
            if self.dialect.ash:
                exp.write(2, self.message("{rt}{what}", what=what))
                raise ShellExit(2)
            exp.write(2, self.message('{rt}{text}: {what} (error token is "{tok}")', text=text.strip(), what=what,
                                     tok=e.token))
            raise ShellExit(1)


def _route(res: Output, sinks: dict[int, Target], o: Output) -> dict[str, str]:
    """Send a command's output where its redirections point; what went to files, by path (a
    file's share appended to it)."""
    kept: dict[str, str] = {}
    for fd, text in res.order:
        sink = sinks[fd]
        if isinstance(sink, FileSink):
            kept[sink.path] = kept.get(sink.path, "") + text
        elif sink != "null":
            o.write(1 if sink == "out" else 2, text)
    return kept


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

