"""The one shell (userland.sh) against the real shells it imitates, run here as oracles: GNU bash
at a terminal (``bash -i -c``; the job-control warnings of a terminal-less ``-i`` dropped),
``bash -c`` (the iproute2 image's) and busybox ash (``busybox sh -c``, the busybox images').
Tables of lines and Hypothesis-generated lines of builtins, quotes, expansions and lists must
print the same bytes and exit with the same code. A missing binary skips its comparisons with
the reason; the terminal and ``docker exec … sh -c`` tests need none."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from hypothesis import given, settings, strategies as st

from dockernet_sim.result import Result
from dockernet_sim.terminal import Session
from dockernet_sim.userland.shell import nodes as sh_parse
from dockernet_sim.userland.shell import BASH_C, BASH_INTERACTIVE, Dialect, Files, Invocation, ProgramTable, Shell, \
    ash

BASH = shutil.which("bash")
BUSYBOX = shutil.which("busybox")
ENV = {"HOME": "/root", "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
       "V": "two  words", "E": "", "HISTFILE": "/dev/null", "LC_ALL": "C"}
# what the real shells add to their environment or print on their own, not the line's doing
_NOISE = ("bash: cannot set terminal process group", "bash: no job control in this shell")


def triple(r: Result) -> tuple[str, str, int]:
    return r.stdout, r.stderr, r.exit_code


def _cat(inv: Invocation) -> Result:
    return Result(inv.stdin or "", "", 0)


def ours(dialect: Dialect, line: str, args: tuple[str, ...] = ()) -> Result:
    env = [f"{k}={v}" for k, v in ENV.items()]
    sh = Shell(dialect, ProgramTable({"cat": _cat}), env, cwd="/", files=Files(is_dir=os.path.isdir), args=args)
    return sh.run(line)


def real(dialect: Dialect, line: str, args: tuple[str, ...] = ()) -> Result:
    if dialect is BASH_INTERACTIVE:
        if BASH is None:
            pytest.skip("no bash on this machine to compare with")
        argv = ["bash", "--norc", "--noprofile", "-i", "-c", line]
    elif dialect is BASH_C:
        if BASH is None:
            pytest.skip("no bash on this machine to compare with")
        argv = ["bash", "-c", line]
    else:
        if BUSYBOX is None:
            pytest.skip("no busybox on this machine to compare with")
        argv = ["busybox", "sh", "-c", line]
    argv += list(args)
    p = subprocess.run(argv, executable=BUSYBOX if argv[0] == "busybox" else BASH, capture_output=True, text=True,
                       env=ENV, cwd="/", stdin=subprocess.DEVNULL,
                       timeout=20)
    err = "".join(l for l in p.stderr.splitlines(keepends=True)
                  if not l.startswith(_NOISE) and "tcsetattr: Inappropriate ioctl" not in l)
    return Result(p.stdout, err, p.returncode)


DIALECTS = [pytest.param(BASH_INTERACTIVE, id="bash-i"), pytest.param(BASH_C, id="bash-c"),
            pytest.param(ash(), id="ash")]

LINES = [
    "nosuchdocker network rm x || echo fallback", "true && echo yes", "false; echo $?", "echo a && echo b",
    "false || echo no; true || echo never", "nosuch; echo $?", "nosuch | cat; echo $?", "echo a | nosuch",
    "echo 'single $V' \"double $V\" $V \\$V a\\ b", "echo \"$E\" $E x", "echo ${V} ${#V} ${U:-dflt} ${U-d2} "
    "${V:+set} ${E:-empty}", "X=1; Y=\"$X 2\"; echo $Y", "echo $(echo a   b) \"$(echo a   b)\"",
    "echo `echo back`", "echo $(echo $(echo deep))", "echo a | cat | cat && echo ok", "(exit 4); echo $?",
    "{ echo g1; echo g2; } | cat", "! true; echo $?", "echo a # a comment", "echo a#b", "exit 3", "exit 300",
    "exit abc", "exit -1", "cd /nowhere; echo $?", "cd /tmp && pwd; cd -", "echo a > /dev/null; echo b",
    "nosuch 2>/dev/null; echo $?", "echo x >/nodir/f; echo $?", "cat </nofile; echo $?", "echo -n a; echo b",
    "echo -e 'a\\tb'", "echo 'a\\nb'", "export Z=9; echo $Z", "unset V; echo [$V]", "echo $?$?",
    "echo a &&", "&& echo b", "echo a | | cat", "echo \"open", "echo 'open", "echo ${V", "echo $(echo a",
    "echo a >", "echo a > ;", "echo )", ";", "echo a;;", "{ }", "( )", "echo ${V b}; echo after",
    "echo a\necho b |", "echo one\nnosuch", "x=$(false); echo $?", "echo ~ ~/d", "read r </nofile; echo $?",
    "for i in a b; do echo $i; done; echo $i", "for i in $V; do echo \"<$i>\"; done | cat", "for i in; do :; done",
    "if false; then :; elif true; then echo e; else echo x; fi", "if (exit 3); then :; else echo $?; fi",
    "false; if false; then :; fi; echo $?", "while false; do :; done; echo $?", "until true; do :; done",
    "for i in a b; do for j in 1 2; do break 2; done; echo no; done; echo $i",
    "for i in a b c; do continue; echo no; done; echo $i", "break; echo $?", "break x; echo $?",
    "if", "if true", "if true; then", "if true; then echo y; else", "for", "for i", "for i in a", "while true",
    "while true; do", "if true; then fi", "if; then echo; fi", "for 1 in a; do :; done; echo $?", "done", "fi",
    "{ echo a", "( echo a", "if true; then echo a; fi >/dev/null; echo b", "echo if then fi",
    "[ 1 -lt 2 ]; echo $?", "[ a = a ] && [ a != b ]; echo $?", "[ -z \"\" ] && [ -n x ] && [ x ]; echo $?",
    "[ ]; echo $?", "[ 1 -lt 2; echo $?", "[ a -lt 2 ]; echo $?", "[ a b c ]; echo $?", "[ a b ]; echo $?",
    "test 3 -ge 3; echo $?", "[ ! a = b ]; echo $?", "[ -d /tmp ] && [ ! -e /nope ]; echo $?",
    "[ 1 -eq 1 -a 2 -eq 3 ]; echo $?", "[ 1 -eq 1 -o 2 -eq 3 ]; echo $?", "[ \" 1\" -eq 1 ]; echo $?",
    "test -x; echo $?", "[ a -eq $V ]; echo $?", "[ 1 -eq 1 1 ]; echo $?", "[ a = b c d ]; echo $?",
    "[ a b c d e ]; echo $?", "[ -n a b ]; echo $?", "[ 1 -eq 1 -a ]; echo $?", "[ ! ]; echo $?",
    "[ ! a b ]; echo $?", "[ a = ]; echo $?", "[ a -eq ]; echo $?", "[ -eq a ]; echo $?", "[ ! -eq ]; echo $?",
    "[ a -a ]; echo $?",
    "echo $((1+2*3)) $((7/2)) $((-7/2)) $((7%3)) $((2**10)) $((1<2)) $((1&&0)) $((!0)) $((~0)) $((1?2:3))",
    "echo $((0x10)) $((010)) $((1<<3)) $(( 1 + 2 )) \"$((1+1))\" $((1,2)) $((-2**2))",
    "x=5; echo $((x+1)) $(($x*2)) $((y+1))", "echo $((1/0)); echo after", "echo $((1+)); echo after",
    "echo $((a b))", "x=3; echo $((x+=2)) $x", "x=abc; echo $((x+1))", "x=' 4 '; echo $((x+1))",
    "echo $((9223372036854775807+1))", "echo $((2**-1))", "i=0; i=$((i+1)); echo $i", "echo $((08))",
    "i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done", "x='1+2'; echo $((x*2))", "echo $((1+",
    "echo $(done)", "echo $(fi; echo)", "case abc in *b*) echo -b-;; esac",
    "case abc in a|b) echo 1;; a*) echo 2;; *) echo 3;; esac", "false; case x in y) echo y;; esac; echo $?",
    "case \"a b\" in \"a b\") echo q;; esac", "case a in [!b]) echo neg;; esac", "case a in", "case a in a) echo",
    "x='*'; case abc in $x) echo star;; esac; case abc in \"$x\") echo lit;; esac", "case a in (a) echo p;; esac",
    "case a in a) false;; esac; echo $?", "case a in\n a) echo nl\n ;;\nesac", "case in in in) echo in;; esac",
    "case 2>/dev/null in a) echo;; esac",
    "case ; in a) echo;; esac", "case",
    "echo -e 'a\\nb c' | while read l; do echo \"<$l>\"; done", "echo; echo | for i in a a; do read R; echo $?; done",
    "echo -e 'x y z\\n1 2' | { read a b; echo \"$b|$a\"; cat; }", "read x </nofile; echo $?",
    "echo -e 'l1\\nl2' | while read -r l; do echo $l; done | cat",
    "in", "a& in b", "echo a >>2>&1", "b<1>", "for i=b in a; do :; done",
    "echo $(((1+2)*3))", "echo $((5%0))", "x=x; echo $((x)); echo after", "for i in 2>/dev/null; do echo; done",
    "for i in a >/dev/null; do echo; done",
    "[ a -o b -a '' ]; echo $?", "[ x = y -o ! -z $V ]; echo $?", "x=0; while [ $x != 000 ]; do x=${x}0; echo $x; done",
    "echo \"a\\\"b\\$c\\\\d\\e\"", "echo a\\\nb",
]


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("line", LINES)
def test_as_the_real_shell(dialect: Dialect, line: str) -> None:
    assert ours(dialect, line) == real(dialect, line)


@pytest.mark.parametrize("dialect", [pytest.param(BASH_C, id="bash-c"), pytest.param(ash(), id="ash")])
@pytest.mark.parametrize("args", [(), ("zero",), ("zero", "one", "two three", "")])
@pytest.mark.parametrize("line", ['echo $0 $1 $# "$@"; for a; do echo "<$a>"; done', 'echo "$*" ${#} "x$@y" ${3:-d}',
                                  'for a in "$@"; do echo "[$a]"; done; echo "$@" | cat', 'echo ${10} "$@" $9'])
def test_positional_parameters_as_the_real_shell(dialect: Dialect, args: tuple[str, ...], line: str) -> None:
    assert ours(dialect, line, args) == real(dialect, line, args)


# -- generated lines ------------------------------------------------------------------------------

_WORDS = st.sampled_from(["a", "b2", "'s q'", '"d q"', "$?", "$V", '"$V"', "${V}", "${U:-x}", "$(echo w)",
                          '"$(echo a  b)"', "\\$", "a\\ b", "''", '""', "$E", '"$E"', "-n", "x#y", "$(false)",
                          '"${V:-a b}"', "${#V}", "`echo bq`", "2>/dev/null", ">/dev/null", "~", "'a\\tb'", "$((1+2))",
                          "$(($?*3))", "$((U+1))", "$((7/$?))"])
_SIMPLE = st.one_of(
    st.lists(_WORDS, max_size=3).map(lambda ws: " ".join(["echo", *ws])),
    st.sampled_from(["true", "false", "nosuch", ":", "pwd", "U=u", "V=$?", "X=$(false)", "cd /tmp", "cd /nowhere",
                     "echo -e 'a\\tb'", "U=1 nosuch", "nosuch 2>&1", "exit 3", "exit", "read R", "unset V"]),
)
_TEST = st.one_of(
    st.tuples(_WORDS, st.sampled_from(["=", "!=", "-eq", "-lt"]), _WORDS).map(lambda t: "[ " + " ".join(t) + " ]"),
    _WORDS.map(lambda w: f"[ -n {w} ]"), st.just("[ $? -eq 0 ]"))
_COMMAND = st.one_of(
    _SIMPLE,
    _TEST,
    st.tuples(st.one_of(_SIMPLE, _TEST), _SIMPLE, _SIMPLE).map(lambda t: "if {}; then {}; else {}; fi".format(*t)),
    st.tuples(st.lists(_WORDS, max_size=3), _SIMPLE).map(lambda t: f"for i in {' '.join(t[0])}; do {t[1]}; done"),
    st.tuples(_WORDS, st.sampled_from(["a", "*", "b?", "[ab]*", "'s q'", "$V", "\"$V\"", "*|a"]), _SIMPLE).map(
        lambda t: f"case {t[0]} in {t[1]}) {t[2]};; *) echo other;; esac"),
    _SIMPLE.map(lambda c: f"( {c} )"),
    _SIMPLE.map(lambda c: f"{{ {c}; }}"),
    _SIMPLE.map(lambda c: f"{c} | cat"),
    _SIMPLE.map(lambda c: f"! {c}"),
)


@st.composite
def _lines(draw: st.DrawFn) -> str:
    cmds = draw(st.lists(_COMMAND, min_size=1, max_size=4))
    line = cmds[0]
    for c in cmds[1:]:
        line += draw(st.sampled_from(["; ", " && ", " || ", " | "])) + c
    return line


@pytest.mark.parametrize("dialect", DIALECTS)
@settings(max_examples=80, deadline=None, derandomize=True)
@given(line=_lines())
def test_generated_lines_as_the_real_shell(dialect: Dialect, line: str) -> None:
    got, want = ours(dialect, line), real(dialect, line)
    if "|" in line:    # the stages of a pipeline run at once: busybox even interleaves their messages' bytes
        got.stderr, want.stderr = ("".join(sorted(r.stderr)) for r in (got, want))
    assert triple(got) == triple(want)


# -- nesting ------------------------------------------------------------------------------------------

def _nested(n: int) -> str:
    return "echo " + "$(echo " * n + "x" + ")" * n


@pytest.mark.parametrize("dialect", DIALECTS)
def test_deep_but_allowed_nesting(dialect: Dialect) -> None:
    line = _nested(sh_parse.MAX_NESTING - 1)
    assert ours(dialect, line) == real(dialect, line) == Result("x\n", "", 0)


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("shape", ["$(echo ", "`echo ", "( ", "{ echo a; ", "${U:-"])
def test_nesting_past_the_limit_is_a_clean_error(dialect: Dialect, shape: str) -> None:
    close = {"$(echo ": ")", "`echo ": "`", "( ": ")", "{ echo a; ": "; }", "${U:-": "}"}[shape]
    if shape == "`echo ":
        line = "echo " + "`echo x`" * 3000    # backquotes do not nest unescaped: 3,000 in a row
    elif shape in ("( ", "{ echo a; "):
        line = shape * 3000 + "echo x" + close * 3000
    else:
        line = "echo " + shape * 3000 + "x" + close * 3000
    r = ours(dialect, line)
    if shape == "`echo ":
        assert r == Result("x" * 3000 + "\n", "", 0)
        return
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr == f"dockernet_sim: {dialect.name}: command substitutions nested deeper than " \
                       f"{sh_parse.MAX_NESTING} levels\n"


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("inner", ["(" * 3000 + "1" + ")" * 3000, "- " * 3000 + "1", "!" * 3000 + "1"])
def test_deep_arithmetic_is_a_clean_error(dialect: Dialect, inner: str) -> None:
    r = ours(dialect, "echo $((" + inner + ")); echo after")
    assert triple(r) == ("", f"dockernet_sim: {dialect.name}: arithmetic nested deeper than 32 levels\n", 2)


def test_arithmetic_within_the_limit_as_the_real_shell() -> None:
    line = "echo $((" + "(" * 31 + "1" + ")" * 31 + ")) $((" + "- " * 31 + "1))"
    for dialect in (BASH_C, ash()):
        assert ours(dialect, line) == real(dialect, line)


# -- the terminal and docker exec ----------------------------------------------------------------------

ORDER_LINES = ["nosuchdocker network rm x || echo fallback", "echo a; nosuch; echo b", "nosuch 2>&1 | cat; echo after",
               "{ echo out; nosuch; } 2>&1", "echo x >&2; echo y", "cd /nowhere; echo after",
               "for i in 1 2; do echo $i; nosuch$i; done", "echo $(nosuch) z", "echo a | nosuch; echo b"]


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("line", ORDER_LINES)
def test_both_streams_in_the_order_written_as_the_real_shell(dialect: Dialect, line: str) -> None:
    """A terminal shows standard output and standard error as they were written: the real shell
    with its errors sent into its output gives the order."""
    argv = (["bash", "--norc", "--noprofile", "-i", "-c"] if dialect is BASH_INTERACTIVE else
            ["bash", "-c"] if dialect is BASH_C else ["busybox", "sh", "-c"])
    exe = BUSYBOX if argv[0] == "busybox" else BASH
    if exe is None:
        pytest.skip("no real shell on this machine to compare with")
    p = subprocess.run([*argv, line], executable=exe, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       env=ENV, cwd="/", stdin=subprocess.DEVNULL, timeout=20)
    want = "".join(l for l in p.stdout.splitlines(keepends=True)
                   if not l.startswith(_NOISE) and "tcsetattr: Inappropriate ioctl" not in l)
    assert "".join(t for _, t in ours(dialect, line).streams()) == want


@pytest.fixture
def session() -> Session:
    s = Session(engine="28", seed=1)
    s.directive("image centos:latest CMD /bin/bash TOOLS iproute2")
    assert s.run_line("docker run -itd --name cc busybox").exit_code == 0
    assert s.run_line("docker run -itd --name i2 centos").exit_code == 0
    return s


def test_host_line_lists(session: Session) -> None:
    rm = session.run_line("docker network rm x")
    assert rm.exit_code == 1 and rm.stderr
    r = session.run_line("docker network rm x || echo fallback")
    assert (r.stdout, r.stderr, r.exit_code) == ("fallback\n", rm.stderr, 0)
    for line in ("true && echo yes", "false; echo $?", "echo a && echo b", "echo 'a  b' \"$HOME\" c\\ d"):
        r, want = session.run_line(line), real(BASH_INTERACTIVE, line)
        assert (r.stdout, r.stderr, r.exit_code) == (want.stdout, want.stderr, want.exit_code)


def test_a_terminal_shows_the_error_before_the_fallback(session: Session) -> None:
    """The issue's own line: the error comes first, then `fallback`, at the prompt, in a
    container's shell, in a Result's text and in its notebook view."""
    r = session.run_line("docker network rm x || echo fallback")
    assert r.streams() == ((2, "Error response from daemon: network x not found\nexit status 1\n"), (1, "fallback\n"))
    assert repr(r).splitlines()[1:] == ["Error response from daemon: network x not found", "exit status 1", "fallback"]
    html = r._repr_html_()
    assert html.index("network x not found") < html.rindex("fallback")
    inner = session.run_line("docker exec cc sh -c 'nosuch || echo fallback'")
    assert inner.streams() == ((2, "sh: nosuch: not found\n"), (1, "fallback\n"))
    import io
    from dockernet_sim.__main__ import run_text
    script = io.StringIO()
    run_text("docker network rm x || echo fallback\n", "28", 0, False, script)
    assert script.getvalue().splitlines()[1:] == repr(r).splitlines()[1:]


def test_the_prompt_writes_both_streams_in_order(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io
    import sys
    from dockernet_sim.__main__ import show_streams
    screen = io.StringIO()
    monkeypatch.setattr(sys, "stdout", screen)
    monkeypatch.setattr(sys, "stderr", screen)
    show_streams(Result("fallback\n", "error\n", 0, chunks=((2, "error\n"), (1, "fallback\n"))))
    show_streams(Result("out\n", "err\n", 1))              # one program: its output, then its errors
    assert screen.getvalue() == "error\nfallback\nout\nerr\n"


def test_host_pipes_with_lists(session: Session) -> None:
    ls = session.run_line("docker network ls")
    r = session.run_line("docker network ls | grep bridge && echo found")
    assert r.stdout == "".join(l + "\n" for l in ls.stdout.splitlines() if "bridge" in l) + "found\n"
    r = session.run_line("docker network ls | grep nosuchnet || echo none")
    assert (r.stdout, r.exit_code) == ("none\n", 0)
    r = session.run_line("docker inspect -f '{{.Name}}' cc | cat; echo $?")
    assert r.stdout == "/cc\n0\n"


def test_host_bash_c(session: Session) -> None:
    for line in ("nosuch || echo $?", "true && echo yes", "echo a && && b", "echo $-"):
        r, want = session.run_line(f"bash -c '{line}'"), real(BASH_C, line)
        assert triple(r) == triple(want)
    assert session.run_line("bash -c 'docker inspect -f {{.Name}} cc'").stdout == "/cc\n"


def test_host_while_read_loop(session: Session) -> None:
    names = session.run_line("docker ps --format '{{.Names}}'").stdout.split()
    r = session.run_line("docker ps --format '{{.Names}}' | while read n; do echo \"name: $n\"; done")
    assert triple(r) == ("".join(f"name: {n}\n" for n in names), "", 0)


def test_host_state_lasts_from_line_to_line(session: Session) -> None:
    session.run_line("nosuch")
    assert session.run_line("echo $?").stdout == "127\n"
    session.run_line("N=cc")
    assert session.run_line("docker inspect -f '{{.Name}}' $N").stdout == "/cc\n"


def test_host_errors(session: Session) -> None:
    assert triple(session.run_line("nosuch x")) == ("", "bash: nosuch: command not found\n", 127)
    assert triple(session.run_line("echo a &&")) == ("", "bash: syntax error: unexpected end of file\n", 2)
    assert session.run_line("docker ps && && x").stderr == "bash: syntax error near unexpected token `&&'\n"
    nested = session.run_line(_nested(3000))
    assert nested.exit_code == 2 and "internal error" not in nested.stderr


@pytest.mark.parametrize("line", ["docker network rm x || echo fallback", "true && echo yes", "false; echo $?",
                                  "echo 'a  b' \"$HOSTNAME\" | cat && echo ok", "nosuch; echo $?",
                                  "echo a && && b", "cd /nowhere", "exit 7"])
def test_exec_sh_c_as_busybox(session: Session, line: str) -> None:
    quoted = "'" + line.replace("'", "'\\''") + "'"
    r = session.run_line(f"docker exec cc sh -c {quoted}")
    hostname = session.run_line("docker exec cc hostname").stdout.strip()
    want = real(ash(), line.replace("$HOSTNAME", hostname).replace("docker", "nosuchdocker"))
    assert (r.stdout, r.stderr.replace("docker", "nosuchdocker"), r.exit_code) == \
        (want.stdout, want.stderr, want.exit_code)


@pytest.mark.parametrize("line", ["true && echo yes", "false; echo $?", "nosuch || echo $?", "echo a && && b"])
def test_exec_bash_c_as_bash(session: Session, line: str) -> None:
    r = session.run_line(f"docker exec i2 bash -c '{line}'")
    want = real(BASH_C, line)
    assert (r.stdout, r.stderr, r.exit_code) == (want.stdout, want.stderr, want.exit_code)


@pytest.mark.parametrize("line", ["false || echo fallback; nosuch", "true && echo yes; exit 3"])
def test_run_sh_c_as_busybox(session: Session, line: str) -> None:
    r = session.run_line(f"docker run --rm busybox sh -c '{line}'")
    assert triple(r) == triple(real(ash(), line))


def test_exec_sh_c_arguments(session: Session) -> None:
    line = 'echo $0 $# "$2"'
    r = session.run_line(f"docker exec cc sh -c '{line}' name 'a b' c")
    assert triple(r) == triple(real(ash(), line, ("name", "a b", "c")))


def test_exec_pipes_find_the_image_programs(session: Session) -> None:
    assert session.run_line("docker exec cc sh -c 'echo a | grep a | wc -l'").stdout == "1\n"
    # jq is no busybox applet: the image's shell does not find it
    assert triple(session.run_line("docker exec cc sh -c 'echo {} | jq .'")) == ("", "sh: jq: not found\n", 127)
    nested = session.run_line("docker exec cc sh -c '" + _nested(3000) + "'")
    assert nested.exit_code == 2 and nested.stderr.startswith("dockernet_sim: sh: ")


def test_module_examples() -> None:
    import doctest

    from dockernet_sim.userland import shell
    from dockernet_sim.userland.shell import parser
    for module in (shell, parser):
        assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize("dialect", DIALECTS)
@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=st.lists(st.sampled_from(list("ab1 \t\n;&|()<>{}[]!$`'\"\\#=~*?:+-%/,") +
                                     ["if ", "then ", "fi", "for ", " in ", "do ", "done", "$((", "${", "$(",
                                      "2>&1", "echo ", "[ ", " ]", "x=", "while ", "break", "exit "]),
                     max_size=30).map("".join))
def test_any_text_gives_a_result_never_an_exception(dialect: Dialect, text: str) -> None:
    r = ours(dialect, text)
    assert isinstance(r.stdout, str) and isinstance(r.stderr, str) and 0 <= r.exit_code <= 255
    assert "dockernet_sim:" not in r.stderr or "nested deeper" in r.stderr or "loop ran" in r.stderr


def test_printf_as_busybox_ash_and_bash_print_it() -> None:
    """printf's conversions and its reuse of the format, checked against busybox 1.35's ash and
    bash 5.2 run by hand (the words of a bad number and of a missing format differ)."""
    from dockernet_sim.terminal import Session
    s = Session(engine="28", seed=1)
    r = s.run_line("docker run --rm busybox sh -c 'printf \"%5s|%-4s|%03d|%x|%.2f|%%|%c\\n\" ab cd 7 255 3.14159 xyz'")
    assert (r.stdout, r.exit_code) == ("   ab|cd  |007|ff|3.14|%|x\n", 0)
    r = s.run_line("docker run --rm busybox sh -c 'printf \"%s=%d\\n\" a 1 b'")
    assert (r.stdout, r.stderr, r.exit_code) == ("a=1\nb=0\n", "sh: invalid number ''\n", 1)
    r = s.run_line("docker run --rm busybox sh -c 'printf \"%d\\n\" abc'")
    assert (r.stdout, r.stderr, r.exit_code) == ("0\n", "sh: invalid number 'abc'\n", 1)
    r = s.run_line("printf '%s\\n' one two")
    assert (r.stdout, r.exit_code) == ("one\ntwo\n", 0)
    r = s.run_line("printf '%d\\n' abc")
    assert (r.stdout, r.stderr, r.exit_code) == ("0\n", "bash: printf: abc: invalid number\n", 1)
