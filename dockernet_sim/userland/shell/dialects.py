"""The words each imitated shell prints, as data: an interactive GNU bash 5.2 at the host's
terminal, ``bash -c`` (the oracle's iproute2 image carries Debian's bash 5.2.15) and busybox
1.35.0's ash behind ``sh -c`` in busybox images. Every template was checked against the real
binary on the oracle machine; tests/unit/test_sh.py runs them side by side.
"""

from __future__ import annotations

from typing import Callable

from ...records import Record
from .nodes import ParseError


class Dialect(Record, frozen=True):
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
    eof_expecting: str            # the text ended inside a compound command expecting {tok}
    bad_for_var: str
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
    # a redirection's file refused for another reason than a missing directory (ash: errmsg())
    create_refused: str = "{rt}{arg}: {why}"
    arith_eof: str = ""           # $(( without its ))
    near_token_in_subst: str = ""  # ash: an unexpected token inside $( … ) says it expected ")"
    subst_syntax_code: int = 2    # the status after that error (bash -c: 127, bash -i: 1)
    case_word: str = ""           # ash: case without its word
    options: str = "c"            # $-: ash -c "c", bash -c "hBc", bash at a terminal "himBHs"
    bad_redirection: str = ""     # ash: a redirection where the grammar has none (a for list)
    ash: bool = False             # also: $? inside a command's words is the last command's, not a $(…)'s


# bash 5.2.15 at a terminal (`bash -i`): `bash: foo: command not found`
BASH_INTERACTIVE = Dialect(
    name="bash", rt="bash: ", syn="bash: ",
    not_found="{rt}{prog}: command not found",
    near_token="{syn}syntax error near unexpected token `{tok}'", near_token_echo=False,
    eof="{syn}syntax error: unexpected end of file", eof_expecting="{syn}syntax error: unexpected end of file",
    bad_for_var="{rt}`{tok}': not a valid identifier",
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
    arith_eof="{syn}unexpected EOF while looking for matching `)'",
    subst_syntax_code=1, options="himBHs",
)

# `bash -c LINE` (the oracle's iproute2 image carries Debian's bash 5.2.15)
BASH_C = Dialect(
    name="bash", rt="bash: line {line}: ", syn="bash: -c: line {line}: ",
    not_found="{rt}{prog}: command not found",
    near_token="{syn}syntax error near unexpected token `{tok}'", near_token_echo=True,
    eof="{syn}syntax error: unexpected end of file", eof_expecting="{syn}syntax error: unexpected end of file",
    bad_for_var="{rt}`{tok}': not a valid identifier",
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
    arith_eof="{syn}unexpected EOF while looking for matching `)'",
    subst_syntax_code=127, options="hBc",
)


def ash(name: str = "sh") -> Dialect:
    """busybox 1.35.0's ash run as ``sh -c`` (or ``ash -c``): ``sh: foo: not found``."""
    return Dialect(
        name=name, rt=name + ": ", syn=name + ": ",
        not_found="{rt}{prog}: not found",
        near_token='{syn}syntax error: unexpected "{tok}"', near_token_echo=False,
        eof="{syn}syntax error: unexpected end of file",
        eof_expecting='{syn}syntax error: unexpected end of file (expecting "{tok}")',
        bad_for_var="{syn}syntax error: bad for loop variable",
        redirect_eof="{syn}syntax error: unexpected end of file",
        quote="{syn}syntax error: unterminated quoted string",
        paren='{syn}syntax error: unexpected end of file (expecting ")")', paren_code=2,
        brace="{syn}syntax error: missing '}}'",
        bad_subst="{syn}syntax error: bad substitution", bad_subst_code=2,
        cd_failed="{rt}cd: line 0: can't cd to {arg}: No such file or directory", cd_code=2,
        exit_illegal="{rt}exit: line 0: Illegal number: {arg}", exit_negative_ok=False, exit_echo=False,
        open_failed="{rt}can't open {arg}: no such file",
        create_failed="{rt}can't create {arg}: nonexistent directory",
        create_refused="{rt}can't create {arg}: {why}",
        export_line="export {k}='{v}'",
        bad_redirection="{syn}syntax error: unexpected redirection",
        arith_eof="{syn}syntax error: missing '))'",
        near_token_in_subst='{syn}syntax error: unexpected "{tok}" (expecting ")")',
        case_word="{syn}syntax error: unexpected {tok} (expecting word)",
        ash=True,
    )


# not the shells' words: a limit of this simulator (bash dies of a stack overflow near 2,000
# nested `$(`, busybox has none); named so that no one takes it for the real shell's
DEPTH_MESSAGE = "dockernet_sim: {name}: command substitutions nested deeper than {limit} levels"
ARITH_DEPTH_MESSAGE = "dockernet_sim: {name}: arithmetic nested deeper than {limit} levels"
# the same for a while/until loop that does not end (bash and busybox would run it for ever)
LOOP_MESSAGE = "dockernet_sim: {name}: a loop ran {limit} times: stopped"


def syntax_message(d: Dialect, e: ParseError, text: str, fill: Callable[..., str]) -> str:
    """What shell ``d`` prints for the syntax error ``e`` in ``text``; ``fill`` fills a template
    with the prefixes of the line in question."""
    if e.kind == "depth":
        return DEPTH_MESSAGE.format(name=d.name, limit=e.token) + "\n"
    echo = ""
    if d.near_token_echo and e.kind in ("token", "redirect"):     # bash -c repeats the line
        lines = text.split("\n")
        echo = fill("{syn}`{text}'", text=lines[min(e.line, len(lines)) - 1])
    if e.kind == "token":
        return fill(d.near_token_in_subst if e.in_subst and d.near_token_in_subst else d.near_token,
                    tok=e.token) + echo
    if e.kind == "redirect":
        return fill(d.redirect_eof) + echo
    if e.kind == "eof":
        return fill(d.eof_expecting if e.token else d.eof, tok=e.token)
    templates = {"paren": d.paren, "caseword": d.case_word, "arith": d.arith_eof, "redirection": d.bad_redirection,
                 "forvar": d.bad_for_var, "brace": d.brace, "subst": d.bad_subst}
    return fill(templates.get(e.kind, d.quote), tok=e.token)
