"""The template parser: items to a tree per template name, with Go's parse error texts.

Mirrors golang/go ``src/text/template/parse/parse.go`` (actions, pipelines, variables,
if/range/with/else chains, define/block/template, break/continue inside range).
"""

from __future__ import annotations

from .lexer import (
    _ASSIGN, _BLOCK, _BOOL, _BREAK, _CHAR, _CHAR_CONSTANT, _COMPLEX, _CONTINUE, _DECLARE, _DEFINE, _DOT,
    _ELSE, _END, _EOF, _ERROR, _FIELD, _IDENTIFIER, _IF, _Item, _LEFT_DELIM, _LEFT_PAREN, _Lexer, _NIL,
    _NUMBER, _PIPE, _RANGE, _RAW_STRING, _RIGHT_DELIM, _RIGHT_PAREN, _SPACE, _STRING, _TEMPLATE, _TEXT,
    _VARIABLE, _WITH,
)
from .nodes import (
    _ActionNode, _BoolNode, _BreakNode, _ChainNode, _CommandNode, _ContinueNode, _DotNode, _ElseNode,
    _EndNode, _FieldNode, _IdentifierNode, _IfNode, _ListNode, _NilNode, _Node, _NumberNode, _PipeNode,
    _RangeNode, _StringNode, _TemplateNode, _TextNode, _VariableNode, _WithNode,
)
from .strconv import _SyntaxError, _unquote, go_quote


class _ParseFail(Exception):
    pass


class _Parser:
    def __init__(self, text: str, funcs: set[str], go_new: bool) -> None:
        self.text = text
        self.funcs = funcs
        self.go_new = go_new
        self.items = _Lexer(text, go_new).run()
        self.ipos = 0
        self.token: list[_Item] = [self.items[0]] * 3
        self.peek_count = 0
        self.vars: list[str] = ["$"]
        self.action_line = 0
        self.range_depth = 0
        self.tree_set: dict[str, _ListNode] = {}

    # token stream
    def _lex_next(self) -> _Item:
        if self.ipos < len(self.items):
            it = self.items[self.ipos]
            self.ipos += 1
            return it
        return self.items[-1]

    def next(self) -> _Item:
        if self.peek_count > 0:
            self.peek_count -= 1
        else:
            self.token[0] = self._lex_next()
        return self.token[self.peek_count]

    def backup(self) -> None:
        self.peek_count += 1

    def backup2(self, t1: _Item) -> None:
        self.token[1] = t1
        self.peek_count = 2

    def backup3(self, t2: _Item, t1: _Item) -> None:
        self.token[1] = t1
        self.token[2] = t2
        self.peek_count = 3

    def peek(self) -> _Item:
        if self.peek_count > 0:
            return self.token[self.peek_count - 1]
        self.peek_count = 1
        self.token[0] = self._lex_next()
        return self.token[0]

    def next_non_space(self) -> _Item:
        while True:
            token = self.next()
            if token.typ != _SPACE:
                return token

    def peek_non_space(self) -> _Item:
        token = self.next_non_space()
        self.backup()
        return token

    # errors
    def errorf(self, msg: str) -> None:
        raise _ParseFail("template: :%d: %s" % (self.token[0].line, msg))

    def expect(self, expected: int, context: str) -> _Item:
        token = self.next_non_space()
        if token.typ != expected:
            self.unexpected(token, context)
        return token

    def expect_one_of(self, e1: int, e2: int, context: str) -> _Item:
        token = self.next_non_space()
        if token.typ != e1 and token.typ != e2:
            self.unexpected(token, context)
        return token

    def unexpected(self, token: _Item, context: str) -> None:
        if token.typ == _ERROR:
            extra = ""
            if self.action_line != 0 and self.action_line != token.line:
                extra = " in action started at :%d" % self.action_line
                if token.val.endswith(" action"):
                    extra = extra[len(" in action") :]
            self.errorf(str(token) + extra)
        self.errorf("unexpected %s in %s" % (token, context))

    # grammar
    def parse(self) -> dict[str, _ListNode]:
        root = _ListNode(self.peek().pos)
        while self.peek().typ != _EOF:
            if self.peek().typ == _LEFT_DELIM:
                delim = self.next()
                if self.next_non_space().typ == _DEFINE:
                    self.parse_definition()
                    continue
                self.backup2(delim)
            n = self.text_or_action()
            if n.kind in ("end", "else"):
                self.errorf("unexpected %s" % n)
            else:
                root.nodes.append(n)
        self.add("", root)
        return self.tree_set

    def add(self, name: str, root: _ListNode) -> None:
        existing = self.tree_set.get(name)
        if existing is None or _is_empty_tree(existing):
            self.tree_set[name] = root
            return
        if not _is_empty_tree(root):
            self.errorf("template: multiple definition of template %s" % go_quote(name))

    def parse_definition(self) -> None:
        context = "define clause"
        name_tok = self.expect_one_of(_STRING, _RAW_STRING, context)
        try:
            name = _unquote(name_tok.val)
        except _SyntaxError:
            self.errorf("invalid syntax")
        self.expect(_RIGHT_DELIM, context)
        saved_vars = self.vars
        self.vars = ["$"]
        root, end = self.item_list()
        if end.kind != "end":
            self.errorf("unexpected %s in %s" % (end, context))
        self.vars = saved_vars
        self.add(name, root)

    def item_list(self) -> tuple[_ListNode, _Node]:
        lst = _ListNode(self.peek_non_space().pos)
        while self.peek_non_space().typ != _EOF:
            n = self.text_or_action()
            if n.kind in ("end", "else"):
                return lst, n
            lst.nodes.append(n)
        self.errorf("unexpected EOF")
        raise AssertionError  # pragma: no cover

    def text_or_action(self) -> _Node:
        token = self.next_non_space()
        if token.typ == _TEXT:
            return _TextNode(token.pos, token.val)
        if token.typ == _LEFT_DELIM:
            self.action_line = token.line
            try:
                return self.action()
            finally:
                self.action_line = 0
        self.unexpected(token, "input")
        raise AssertionError  # pragma: no cover

    def action(self) -> _Node:
        token = self.next_non_space()
        t = token.typ
        if t == _BLOCK:
            return self.block_control()
        if t == _BREAK:
            return self.break_control(token.pos, token.line)
        if t == _CONTINUE:
            return self.continue_control(token.pos, token.line)
        if t == _ELSE:
            return self.else_control()
        if t == _END:
            return self.end_control()
        if t == _IF:
            return self.if_control()
        if t == _RANGE:
            return self.range_control()
        if t == _TEMPLATE:
            return self.template_control()
        if t == _WITH:
            return self.with_control()
        self.backup()
        token = self.peek()
        return _ActionNode(token.pos, token.line, self.pipeline("command", _RIGHT_DELIM))

    def break_control(self, pos: int, line: int) -> _Node:
        token = self.next_non_space()
        if token.typ != _RIGHT_DELIM:
            self.unexpected(token, "{{break}}")
        if self.range_depth == 0:
            self.errorf("{{break}} outside {{range}}")
        return _BreakNode(pos, line)

    def continue_control(self, pos: int, line: int) -> _Node:
        token = self.next_non_space()
        if token.typ != _RIGHT_DELIM:
            self.unexpected(token, "{{continue}}")
        if self.range_depth == 0:
            self.errorf("{{continue}} outside {{range}}")
        return _ContinueNode(pos, line)

    def pipeline(self, context: str, end: int) -> _PipeNode:
        token = self.peek_non_space()
        pipe = _PipeNode(token.pos, token.line, self.go_new)
        while True:  # decls
            v = self.peek_non_space()
            if v.typ != _VARIABLE:
                break
            self.next()
            token_after = self.peek()
            nxt = self.peek_non_space()
            if nxt.typ in (_ASSIGN, _DECLARE):
                pipe.is_assign = nxt.typ == _ASSIGN
                self.next_non_space()
                pipe.decl.append(_VariableNode(v.pos, v.val))
                self.vars.append(v.val)
            elif nxt.typ == _CHAR and nxt.val == ",":
                self.next_non_space()
                pipe.decl.append(_VariableNode(v.pos, v.val))
                self.vars.append(v.val)
                if context == "range" and len(pipe.decl) < 2:
                    if self.peek_non_space().typ in (_VARIABLE, _RIGHT_DELIM, _RIGHT_PAREN):
                        continue
                    self.errorf("range can only initialize variables")
                self.errorf("too many declarations in %s" % context)
            elif token_after.typ == _SPACE:
                self.backup3(v, token_after)
            else:
                self.backup2(v)
            break
        while True:
            token = self.next_non_space()
            if token.typ == end:
                self.check_pipeline(pipe, context)
                return pipe
            if token.typ in (_BOOL, _CHAR_CONSTANT, _COMPLEX, _DOT, _FIELD, _IDENTIFIER, _NUMBER, _NIL,
                             _RAW_STRING, _STRING, _VARIABLE, _LEFT_PAREN):
                self.backup()
                pipe.cmds.append(self.command())
            else:
                self.unexpected(token, context)

    def check_pipeline(self, pipe: _PipeNode, context: str) -> None:
        if not pipe.cmds:
            self.errorf("missing value for %s" % context)
        for i, c in enumerate(pipe.cmds[1:]):
            if c.args[0].kind in ("bool", "dot", "nil", "number", "string"):
                self.errorf("non executable command in pipeline stage %d" % (i + 2))

    def parse_control(self, allow_else_if: bool, context: str) -> tuple:
        mark = len(self.vars)
        try:
            pipe = self.pipeline(context, _RIGHT_DELIM)
            if context == "range":
                self.range_depth += 1
            lst, nxt = self.item_list()
            if context == "range":
                self.range_depth -= 1
            else_list = None
            if nxt.kind == "else":
                if self.go_new:
                    if context == "if" and self.peek().typ == _IF:
                        self.next()
                        else_list = _ListNode(nxt.pos)
                        else_list.nodes.append(self.if_control())
                        return pipe.pos, pipe.line, pipe, lst, else_list
                    if context == "with" and self.peek().typ == _WITH:
                        self.next()
                        else_list = _ListNode(nxt.pos)
                        else_list.nodes.append(self.with_control())
                        return pipe.pos, pipe.line, pipe, lst, else_list
                elif allow_else_if and self.peek().typ == _IF:
                    self.next()
                    else_list = _ListNode(nxt.pos)
                    else_list.nodes.append(self.if_control())
                    return pipe.pos, pipe.line, pipe, lst, else_list
                else_list, nxt = self.item_list()
                if nxt.kind != "end":
                    self.errorf("expected end; found %s" % nxt)
            return pipe.pos, pipe.line, pipe, lst, else_list
        finally:
            del self.vars[mark:]

    def if_control(self) -> _Node:
        return _IfNode(*self.parse_control(True, "if"))

    def range_control(self) -> _Node:
        return _RangeNode(*self.parse_control(False, "range"))

    def with_control(self) -> _Node:
        return _WithNode(*self.parse_control(False, "with"))

    def end_control(self) -> _Node:
        return _EndNode(self.expect(_RIGHT_DELIM, "end").pos)

    def else_control(self) -> _Node:
        peek = self.peek_non_space()
        if peek.typ == _IF or (self.go_new and peek.typ == _WITH):
            return _ElseNode(peek.pos, peek.line)
        token = self.expect(_RIGHT_DELIM, "else")
        return _ElseNode(token.pos, token.line)

    def block_control(self) -> _Node:
        context = "block clause"
        token = self.next_non_space()
        name = self.parse_template_name(token, context)
        pipe = self.pipeline(context, _RIGHT_DELIM)
        saved = self.vars, self.range_depth, self.action_line
        self.vars, self.range_depth, self.action_line = ["$"], 0, 0
        root, end = self.item_list()
        if end.kind != "end":
            self.errorf("unexpected %s in %s" % (end, context))
        self.vars, self.range_depth, self.action_line = saved
        self.add(name, root)
        return _TemplateNode(token.pos, token.line, name, pipe)

    def template_control(self) -> _Node:
        context = "template clause"
        token = self.next_non_space()
        name = self.parse_template_name(token, context)
        pipe = None
        if self.next_non_space().typ != _RIGHT_DELIM:
            self.backup()
            pipe = self.pipeline(context, _RIGHT_DELIM)
        return _TemplateNode(token.pos, token.line, name, pipe)

    def parse_template_name(self, token: _Item, context: str) -> str:
        if token.typ in (_STRING, _RAW_STRING):
            try:
                return _unquote(token.val)
            except _SyntaxError:
                self.errorf("invalid syntax")
        self.unexpected(token, context)
        raise AssertionError  # pragma: no cover

    def command(self) -> _CommandNode:
        cmd = _CommandNode(self.peek_non_space().pos)
        while True:
            self.peek_non_space()
            operand = self.operand()
            if operand is not None:
                cmd.args.append(operand)
            token = self.next()
            if token.typ == _SPACE:
                continue
            if token.typ in (_RIGHT_DELIM, _RIGHT_PAREN):
                self.backup()
            elif token.typ == _PIPE:
                pass
            else:
                self.unexpected(token, "operand")
            break
        if not cmd.args:
            self.errorf("empty command")
        return cmd

    def operand(self) -> _Node | None:
        node = self.term()
        if node is None:
            return None
        if self.peek().typ == _FIELD:
            chain = _ChainNode(self.peek().pos, node)
            while self.peek().typ == _FIELD:
                chain.add(self.next().val)
            if node.kind == "field":
                node = _FieldNode(chain.pos, str(chain))
            elif node.kind == "variable":
                node = _VariableNode(chain.pos, str(chain))
            elif node.kind in ("bool", "string", "number", "nil", "dot"):
                self.errorf("unexpected . after term %s" % go_quote(str(node)))
            else:
                node = chain
        return node

    def term(self) -> _Node | None:
        token = self.next_non_space()
        t = token.typ
        if t == _IDENTIFIER:
            if token.val not in self.funcs:
                self.errorf("function %s not defined" % go_quote(token.val))
            return _IdentifierNode(token.pos, token.val)
        if t == _DOT:
            return _DotNode(token.pos)
        if t == _NIL:
            return _NilNode(token.pos)
        if t == _VARIABLE:
            return self.use_var(token.pos, token.val)
        if t == _FIELD:
            return _FieldNode(token.pos, token.val)
        if t == _BOOL:
            return _BoolNode(token.pos, token.val == "true")
        if t in (_CHAR_CONSTANT, _COMPLEX, _NUMBER):
            try:
                return _NumberNode(token.pos, token.val, t)
            except _SyntaxError as e:
                self.errorf(str(e) or "invalid syntax")
        if t == _LEFT_PAREN:
            return self.pipeline("parenthesized pipeline", _RIGHT_PAREN)
        if t in (_STRING, _RAW_STRING):
            try:
                s = _unquote(token.val)
            except _SyntaxError:
                self.errorf("invalid syntax")
            return _StringNode(token.pos, token.val, s)
        self.backup()
        return None

    def use_var(self, pos: int, name: str) -> _Node:
        v = _VariableNode(pos, name)
        if v.ident[0] in self.vars:
            return v
        self.errorf("undefined variable %s" % go_quote(v.ident[0]))
        raise AssertionError  # pragma: no cover


def _is_empty_tree(n: _Node) -> bool:
    if isinstance(n, _ListNode):
        return all(_is_empty_tree(x) for x in n.nodes)
    if isinstance(n, _TextNode):
        return n.text.strip(" \t\n\v\f\r\x85\xa0") == ""
    return False
