"""Go text/template as docker runs it: tables of template -> exact output or error.

The large tables at the bottom were produced by running the same templates
through Go 1.19's text/template with docker/cli 20.10's function map (the
client that printed the 20.10 transcripts); the transcript cases at the top
come from the recorded engines in shared/oracle.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dockernet_sim.engines import get_profile
from dockernet_sim.golang.template import (
    DOCKER_ERROR_PREFIX,
    GoFunc,
    JsonNumber,
    Map,
    Nil,
    Slice,
    Struct,
    TemplateError,
    go_json,
    go_sprint,
    parse,
)
from dockernet_sim.golang.tabwriter import header_context


def dialect(engine: str) -> dict:
    """The Go version and json behaviour of an engine's client, as parse() takes them."""
    p = get_profile(engine)
    return {"go": p.go, "json_errors": not p.json_errors_ignored}


def run(tmpl: str, data, engine: str = "20.10", missingkey: str = "default"):
    """(output, error text, kind) of parsing and executing ``tmpl``."""
    try:
        t = parse(tmpl, **dialect(engine))
    except TemplateError as e:
        return "", str(e), e.kind
    try:
        return t.execute(data, missingkey=missingkey), "", ""
    except TemplateError as e:
        return e.partial, str(e), e.kind


def raw(doc):
    """A JSON document as docker inspect's fallback decodes it (json.Number numbers)."""
    return json.loads(json.dumps(doc), parse_int=JsonNumber, parse_float=JsonNumber)


SUB_FIELDS = ["Subnet", "Gateway", "Aux"]


def _sub(d, ptr=False):
    if d is None:
        return Nil("*main.Sub", fields=SUB_FIELDS)
    return Struct("*main.Sub" if ptr else "main.Sub",
                  [("Subnet", d.get("Subnet", "")), ("Gateway", d.get("Gateway", "")),
                   ("Aux", d["Aux"] if d.get("Aux") is not None else Nil("map[string]string"))],
                  field_types={"Aux": "map[string]string"}, omitempty={"Gateway"})


def typed(d):
    """The Go test struct (*main.Doc) the TYPED_CASES were recorded against."""
    g = d.get
    labels = g("Map") or {}
    floaty = lambda x: json.loads(json.dumps(x), parse_int=float)  # noqa: E731 - interface{} numbers are float64
    return Struct("*main.Doc", [
        ("Name", g("Name", "")), ("Count", g("Count", 0)), ("Ratio", float(g("Ratio", 0))), ("Flag", g("Flag", False)),
        ("List", g("List")), ("NilList", g("NilList")), ("Map", g("Map")), ("NilMap", g("NilMap")),
        ("Ptr", _sub(g("Ptr"), True)), ("NilPtr", _sub(g("NilPtr"), True)), ("Sub", _sub(g("Sub") or {})),
        ("Iface", floaty(g("Iface"))), ("NilIf", floaty(g("NilIf"))),
        ("Subs", None if g("Subs") is None else Slice([_sub(x) for x in g("Subs")], "[]main.Sub")),
        ("PtrMap", None if g("PtrMap") is None else Map({k: _sub(v, True) for k, v in g("PtrMap").items()},
                                                         "map[string]*main.Sub")),
        ("Nums", None if g("Nums") is None else Slice(g("Nums"), "[]int")),
    ], field_types={"List": "[]string", "NilList": "[]string", "Map": "map[string]string",
                    "NilMap": "map[string]string", "Ptr": "*main.Sub", "NilPtr": "*main.Sub",
                    "Iface": "interface {}", "NilIf": "interface {}", "Subs": "[]main.Sub",
                    "PtrMap": "map[string]*main.Sub", "Nums": "[]int"},
        methods={"Label": GoFunc(lambda k: labels.get(k, ""), ("string",), None, "string", "Label"),
                 "Shout": GoFunc(lambda: g("Name", "").upper(), (), None, "string", "Shout")})


# --------------------------------------------------------------------------
# Tables recorded from Go 1.19 text/template with docker 20.10's functions (see module docstring)

RAW_CASES = [
    ('{{.NetworkSettings.IPAddress}}', '172.17.0.2', '', False, ''),
    ('{{.NetworkSettings.Networks.bridge.IPAddress}}', '172.17.0.2', '', False, ''),
    ('{{json .NetworkSettings.Networks}}', '{"alpha":{"Aliases":["x","y"],"IPAMConfig":{"IPv4Address":"10.0.0.9"},"IPAddress":"10.0.0.2"},"bridge":{"Aliases":null,"IPAMConfig":null,"IPAddress":"172.17.0.2","MacAddress":"02:42:ac:11:00:02"}}', '', False, ''),
    ('{{range .IPAM.Config}}{{.Subnet}}{{end}}', '172.17.0.0/16', '', False, ''),
    ('{{.Nope}}', '<no value>', '', False, ''),
    ('{{.NetworkSettings.Nope}}', '<no value>', '', False, ''),
    ('{{.NetworkSettings.Networks.nope.IPAddress}}', '<no value>', '', False, ''),
    ('{{.NetworkSettings.Networks.bridge.IPAMConfig.IPv4Address}}', '', 'template: :1:18: executing "" at <.NetworkSettings.Networks.bridge.IPAMConfig.IPv4Address>: nil pointer evaluating interface {}.IPv4Address', False, ''),
    ('{{.Name.Foo}}', '', 'template: :1:7: executing "" at <.Name.Foo>: can\'t evaluate field Foo in type interface {}', False, ''),
    ('{{.}}', 'map[Big:123456789012 Config:map[Cmd:[sh -c sleep 1] Env:<nil> Labels:map[a:1 b:2]] Empty:[] EmptyMap:map[] IPAM:map[Config:[map[Gateway:172.17.0.1 Subnet:172.17.0.0/16]]] Name:/web Neg:-5 NetworkSettings:map[IPAddress:172.17.0.2 Networks:map[alpha:map[Aliases:[x y] IPAMConfig:map[IPv4Address:10.0.0.9] IPAddress:10.0.0.2] bridge:map[Aliases:<nil> IPAMConfig:<nil> IPAddress:172.17.0.2 MacAddress:02:42:ac:11:00:02]] Ports:map[]] State:map[F:2.5 Pid:123 Ratio:1000000.0 Running:true Small:1e-07] Str:he said "hi" <b>&\u2028\x01\x08\x0c\t Zero:0]', '', False, ''),
    ('{{$}}', 'map[Big:123456789012 Config:map[Cmd:[sh -c sleep 1] Env:<nil> Labels:map[a:1 b:2]] Empty:[] EmptyMap:map[] IPAM:map[Config:[map[Gateway:172.17.0.1 Subnet:172.17.0.0/16]]] Name:/web Neg:-5 NetworkSettings:map[IPAddress:172.17.0.2 Networks:map[alpha:map[Aliases:[x y] IPAMConfig:map[IPv4Address:10.0.0.9] IPAddress:10.0.0.2] bridge:map[Aliases:<nil> IPAMConfig:<nil> IPAddress:172.17.0.2 MacAddress:02:42:ac:11:00:02]] Ports:map[]] State:map[F:2.5 Pid:123 Ratio:1000000.0 Running:true Small:1e-07] Str:he said "hi" <b>&\u2028\x01\x08\x0c\t Zero:0]', '', False, ''),
    ('{{.Config}}', 'map[Cmd:[sh -c sleep 1] Env:<nil> Labels:map[a:1 b:2]]', '', False, ''),
    ('{{.Config.Cmd}}', '[sh -c sleep 1]', '', False, ''),
    ('{{.State}}', 'map[F:2.5 Pid:123 Ratio:1000000.0 Running:true Small:1e-07]', '', False, ''),
    ('{{.State.Pid}}', '123', '', False, ''),
    ('{{.State.Ratio}}', '1000000.0', '', False, ''),
    ('{{.State.Small}}', '1e-07', '', False, ''),
    ('{{.State.F}}', '2.5', '', False, ''),
    ('{{json .State}}', '{"F":2.5,"Pid":123,"Ratio":1000000.0,"Running":true,"Small":1e-07}', '', False, ''),
    ('{{json .Str}}', '"he said \\"hi\\" <b>&\\u2028\\u0001\\u0008\\u000c\\t"', '', False, ''),
    ('{{.Str}}', 'he said "hi" <b>&\u2028\x01\x08\x0c\t', '', False, ''),
    ('{{printf "%q" .Str}}', '"he said \\"hi\\" <b>&\\u2028\\x01\\b\\f\\t"', '', False, ''),
    ('{{printf "%v|%s|%d" .Name .Name .Name}}', '/web|/web|%!d(string=/web)', '', False, ''),
    ('{{printf "%d" .State.Pid}}', '%!d(json.Number=123)', '', False, ''),
    ('{{printf "%5.2f|%-8s|%08.3f" 3.14159 "ab" -2.5}}', ' 3.14|ab      |-002.500', '', False, ''),
    ('{{printf "%x %X %o %b %c %U %q" 255 255 8 5 65 65 66}}', "ff FF 10 101 A U+0041 'B'", '', False, ''),
    ('{{printf "%v" nil}}', '<nil>', '', False, ''),
    ('{{printf "%s" nil}}', '%!s(<nil>)', '', False, ''),
    ('{{printf "%d"}}', '%!d(MISSING)', '', False, ''),
    ('{{printf "%d %d" 1 2 3}}', '1 2%!(EXTRA int=3)', '', False, ''),
    ('{{printf "%v" .Config.Labels}}', 'map[a:1 b:2]', '', False, ''),
    ('{{printf "%+v" .IPAM}}', 'map[Config:[map[Gateway:172.17.0.1 Subnet:172.17.0.0/16]]]', '', False, ''),
    ('{{printf "%T" .Name}}', 'string', '', False, ''),
    ('{{printf "%T %T %T" 1 1.5 true}}', 'int float64 bool', '', False, ''),
    ('{{printf "%6.2v|%g|%e|%G|%E" 3.14159 1e21 123456.789 1e-7 2.5}}', '   3.1|1e+21|1.234568e+05|1E-07|2.500000E+00', '', False, ''),
    ('{{printf "%v %v %v %v %v" 1e6 123456.0 1234567.0 0.0001 0.00001}}', '1e+06 123456 1.234567e+06 0.0001 1e-05', '', False, ''),
    ('{{printf "%.3g %.3g %.10g %g" 1000.0 1.0 0.1 100000.0}}', '1e+03 1 0.1 100000', '', False, ''),
    ('{{len .Config.Cmd}}', '3', '', False, ''),
    ('{{len .Str}}', '24', '', False, ''),
    ('{{len .Nope}}', '', 'template: :1:2: executing "" at <len .Nope>: error calling len: reflect: call of reflect.Value.Type on zero Value', False, ''),
    ('{{len 3}}', '', 'template: :1:2: executing "" at <len 3>: error calling len: len of type int', False, ''),
    ('{{index .Config.Cmd 1}}', '-c', '', False, ''),
    ('{{index .Config.Cmd 5}}', '', 'template: :1:2: executing "" at <index .Config.Cmd 5>: error calling index: index out of range: 5', False, ''),
    ('{{index .Config.Labels "a"}}', '1', '', False, ''),
    ('{{index .Config.Labels "zz"}}', '<no value>', '', False, ''),
    ('{{index .Config.Cmd "x"}}', '', 'template: :1:2: executing "" at <index .Config.Cmd "x">: error calling index: cannot index slice/array with type string', False, ''),
    ('{{index .Name 0}}', '47', '', False, ''),
    ('{{index . "Name"}}', '/web', '', False, ''),
    ('{{index nil 1}}', '', 'template: :1:2: executing "" at <index nil 1>: error calling index: index of untyped nil', False, ''),
    ('{{slice .Config.Cmd 1}}', '[-c sleep 1]', '', False, ''),
    ('{{slice .Name 1 3}}', 'we', '', False, ''),
    ('{{slice .Config.Cmd 2 1}}', '', 'template: :1:2: executing "" at <slice .Config.Cmd 2 1>: error calling slice: invalid slice index: 2 > 1', False, ''),
    ('{{if .State.Running}}up{{else}}down{{end}}', 'up', '', False, ''),
    ('{{if .Zero}}y{{else if .Neg}}neg{{else}}n{{end}}', 'y', '', False, ''),
    ('{{with .Config.Env}}has{{else}}none{{end}}', 'none', '', False, ''),
    ('{{with .Config}}{{.Cmd}}{{end}}', '[sh -c sleep 1]', '', False, ''),
    ('{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}', 'a=1;b=2;', '', False, ''),
    ('{{range $i, $c := .Config.Cmd}}{{$i}}:{{$c}} {{end}}', '0:sh 1:-c 2:sleep 1 ', '', False, ''),
    ('{{range .Empty}}x{{else}}empty{{end}}', 'empty', '', False, ''),
    ('{{range .Nope}}x{{else}}nil{{end}}', 'nil', '', False, ''),
    ('{{range .Name}}x{{end}}', '', 'template: :1:8: executing "" at <.Name>: range can\'t iterate over /web', False, ''),
    ('{{range 3}}x{{end}}', '', 'template: :1:8: executing "" at <3>: range can\'t iterate over 3', False, ''),
    ('{{range .State.Pid}}x{{end}}', '', 'template: :1:14: executing "" at <.State.Pid>: range can\'t iterate over 123', False, ''),
    ('{{range $x := .Config.Cmd}}{{if eq $x "-c"}}{{break}}{{end}}{{$x}}{{end}}', 'sh', '', False, ''),
    ('{{range .Config.Cmd}}{{if eq . "-c"}}{{continue}}{{end}}{{.}}{{end}}', 'shsleep 1', '', False, ''),
    ('{{eq .Name "/web"}}', 'true', '', False, ''),
    ('{{eq .State.Pid 123}}', '', 'template: :1:2: executing "" at <eq .State.Pid 123>: error calling eq: incompatible types for comparison', False, ''),
    ('{{eq .Zero 0}}', '', 'template: :1:2: executing "" at <eq .Zero 0>: error calling eq: incompatible types for comparison', False, ''),
    ('{{eq .Name 1}}', '', 'template: :1:2: executing "" at <eq .Name 1>: error calling eq: incompatible types for comparison', False, ''),
    ('{{ne .Name "x"}}', 'true', '', False, ''),
    ('{{lt 1 2}}', 'true', '', False, ''),
    ('{{lt 1.5 2}}', '', 'template: :1:2: executing "" at <lt 1.5 2>: error calling lt: incompatible types for comparison', False, ''),
    ('{{gt "b" "a"}}', 'true', '', False, ''),
    ('{{le 2 2}}', 'true', '', False, ''),
    ('{{ge 1 2}}', 'false', '', False, ''),
    ('{{lt true false}}', '', 'template: :1:2: executing "" at <lt true false>: error calling lt: invalid type for comparison', False, ''),
    ('{{eq .Config.Cmd .Config.Cmd}}', '', 'template: :1:2: executing "" at <eq .Config.Cmd .Config.Cmd>: error calling eq: non-comparable type [sh -c sleep 1]: []interface {}', False, ''),
    ('{{eq .Nope nil}}', 'true', '', False, ''),
    ('{{eq}}', '', 'template: :1:2: executing "" at <eq>: wrong number of args for eq: want at least 1 got 0', False, ''),
    ('{{and 1 0 2}}', '0', '', False, ''),
    ('{{or 0 "" "x"}}', 'x', '', False, ''),
    ('{{and .Nope.X 1}}', '<no value>', '', False, ''),
    ('{{or .Name .Nope}}', '/web', '', False, ''),
    ('{{not .Zero}}', 'false', '', False, ''),
    ('{{not}}', '', 'template: :1:2: executing "" at <not>: wrong number of args for not: want 1 got 0', False, ''),
    ('{{and}}', '', 'template: :1:2: executing "" at <and>: wrong number of args for and: want at least 1 got 0', False, ''),
    ('{{.Name | printf "%s!"}}', '/web!', '', False, ''),
    ('{{.Name | len}}', '4', '', False, ''),
    ('{{.Config.Cmd | join}}', '', 'template: :1:16: executing "" at <join>: wrong number of args for join: want 2 got 1', False, ''),
    ('{{join .Config.Cmd ","}}', '', 'template: :1:14: executing "" at <.Config.Cmd>: wrong type for value; expected []string; got []interface {}', False, ''),
    ('{{split .Name "w"}}', '[/ eb]', '', False, ''),
    ('{{split "a,b,,c" ","}}', '[a b  c]', '', False, ''),
    ('{{upper .Name}}', '/WEB', '', False, ''),
    ('{{lower "ABC"}}', 'abc', '', False, ''),
    ('{{title "hello world-foo bar_baz"}}', 'Hello World-Foo Bar_baz', '', False, ''),
    ('{{pad .Name 2 3}}|', '  /web   |', '', False, ''),
    ('{{pad "" 2 3}}|', '|', '', False, ''),
    ('{{truncate .Name 2}}', '/w', '', False, ''),
    ('{{truncate .Name 20}}', '/web', '', False, ''),
    ('{{pad .Name -1 0}}', '', 'template: :1:2: executing "" at <pad .Name -1 0>: error calling pad: strings: negative Repeat count', False, ''),
    ('{{truncate .Name -1}}', '', 'template: :1:2: executing "" at <truncate .Name -1>: error calling truncate: runtime error: slice bounds out of range [:-1]', False, ''),
    ('{{json .Config.Cmd}}', '["sh","-c","sleep 1"]', '', False, ''),
    ('{{json .Empty}}', '[]', '', False, ''),
    ('{{json .EmptyMap}}', '{}', '', False, ''),
    ('{{json .Config.Env}}', 'null', '', False, ''),
    ('{{json nil}}', 'null', '', False, ''),
    ('{{json 1.5}}', '1.5', '', False, ''),
    ('{{json .State.Small}}', '1e-07', '', False, ''),
    ('{{json .Big}}', '123456789012', '', False, ''),
    ('{{$x := .Name}}{{$x}}', '/web', '', False, ''),
    ('{{$x := 1}}{{$x = 2}}{{$x}}', '2', '', False, ''),
    ('{{$y}}', '', 'template: :1: undefined variable "$y"', True, ''),
    ('{{$x := .Config}}{{$x.Cmd}}', '[sh -c sleep 1]', '', False, ''),
    ('{{$x := .Name}}{{$x.Foo}}', '', 'template: :1:19: executing "" at <$x.Foo>: can\'t evaluate field Foo in type string', False, ''),
    ('{{(.Config).Cmd}}', '[sh -c sleep 1]', '', False, ''),
    ('{{(index .Config.Cmd 0)}}', 'sh', '', False, ''),
    ('{{print 1 2 "a" "b" 3}}', '1 2ab3', '', False, ''),
    ('{{println 1 "a"}}', '1 a\n', '', False, ''),
    ('{{print nil}}', '<nil>', '', False, ''),
    ('{{print .Nope}}', '<nil>', '', False, ''),
    ('{{html "<a&b>"}}', '&lt;a&amp;b&gt;', '', False, ''),
    ('{{js "it\'s <x>="}}', "it\\'s \\u003Cx\\u003E\\u003D", '', False, ''),
    ('{{urlquery "a b&c"}}', 'a+b%26c', '', False, ''),
    ('{{- .Name -}} x {{- .Name}}', '/webx/web', '', False, ''),
    ('a  {{- /* c */ -}}  b', 'ab', '', False, ''),
    ('{{/* comment */}}ok', 'ok', '', False, ''),
    ('{{`raw\\n`}}', 'raw\\n', '', False, ''),
    ('{{"esc\\n\\t\\x41\\u00e9"}}', 'esc\n\tAé', '', False, ''),
    ("{{'a'}}", '97', '', False, ''),
    ('{{1.5}} {{0x10}} {{1e3}} {{-3}} {{+3}} {{07}} {{0b101}} {{1_000}}', '1.5 16 1000 -3 3 7 5 1000', '', False, ''),
    ('{{true}} {{false}} {{nil}}', 'true false ', 'template: :1:21: executing "" at <nil>: nil is not a command', False, ''),
    ('{{.Name .Name}}', '', 'template: :1:2: executing "" at <.Name>: Name is not a method but has arguments', False, ''),
    ('{{3 | printf "%d"}}', '3', '', False, ''),
    ('{{.Name | 3}}', '', 'template: :1: non executable command in pipeline stage 2', True, ''),
    ('{{printf}}', '', 'template: :1:2: executing "" at <printf>: wrong number of args for printf: want at least 1 got 0', False, ''),
    ('{{printf 3}}', '', 'template: :1:9: executing "" at <3>: expected string; found 3', False, ''),
    ('{{upper 3}}', '', 'template: :1:8: executing "" at <3>: expected string; found 3', False, ''),
    ('{{upper .State.Pid}}', '', 'template: :1:14: executing "" at <.State.Pid>: wrong type for value; expected string; got json.Number', False, ''),
    ('{{upper nil}}', '', 'template: :1:8: executing "" at <nil>: cannot assign nil to string', False, ''),
    ('{{join .Name ","}}', '', 'template: :1:7: executing "" at <.Name>: wrong type for value; expected []string; got string', False, ''),
    ('{{join .Config.Cmd 1}}', '', 'template: :1:14: executing "" at <.Config.Cmd>: wrong type for value; expected []string; got []interface {}', False, ''),
    ('{{template "x"}}', '', 'template: :1:11: executing "" at <{{template "x"}}>: template "x" not defined', False, ''),
    ('{{define "x"}}X{{.}}{{end}}{{template "x" .Name}}', 'X/web', '', False, ''),
    ('{{block "b" .Name}}B{{.}}{{end}}', 'B/web', '', False, ''),
    ('{{', '', 'template: :1: unclosed action', True, ''),
    ('}}', '}}', '', False, ''),
    ('{{.Name', '', 'template: :1: unclosed action', True, ''),
    ('{{.Name}', '', "template: :1: bad character U+007D '}'", True, ''),
    ('{{ .Name }}', '/web', '', False, ''),
    ('{{if}}', '', 'template: :1: missing value for if', True, ''),
    ('{{if .Name}}', '', 'template: :1: unexpected EOF', True, ''),
    ('{{end}}', '', 'template: :1: unexpected {{end}}', True, ''),
    ('{{else}}', '', 'template: :1: unexpected {{else}}', True, ''),
    ('{{if .Name}}{{else}}{{else}}{{end}}', '', 'template: :1: expected end; found {{else}}', True, ''),
    ('{{range}}{{end}}', '', 'template: :1: missing value for range', True, ''),
    ('{{with $x := 1}}{{$x}}{{end}}{{$x}}', '', 'template: :1: undefined variable "$x"', True, ''),
    ('{{.Name.}}', '', 'template: :1: unexpected <.> in operand', True, ''),
    ('{{.Name-x}}', '', "template: :1: bad character U+002D '-'", True, ''),
    ('{{"unterminated}}', '', 'template: :1: unterminated quoted string', True, ''),
    ('{{`unterminated}}', '', 'template: :1: unterminated raw quoted string', True, ''),
    ("{{'ab'}}", '', "template: :1: malformed character constant: 'ab'", True, ''),
    ('{{1x}}', '', 'template: :1: bad number syntax: "1x"', True, ''),
    ('{{089}}', '', 'template: :1: integer overflow: "089"', True, ''),
    ('{{99999999999999999999}}', '', 'template: :1: integer overflow: "99999999999999999999"', True, ''),
    ('{{(.Name}}', '', 'template: :1: unclosed left paren', True, ''),
    ('{{.Name)}}', '', 'template: :1: unexpected ")" in command', True, ''),
    ('{{)}}', '', 'template: :1: unexpected ")" in command', True, ''),
    ('{{#}}', '', 'template: :1: unexpected "#" in command', True, ''),
    ('{{é}}', '', 'template: :1: function "é" not defined', True, ''),
    ('{{.Fïeld}}', '<no value>', '', False, ''),
    ('{{$x, $y := .Name}}', '', 'template: :1: too many declarations in command', True, ''),
    ('{{range $a, $b, $c := .X}}{{end}}', '', 'template: :1: too many declarations in range', True, ''),
    ('{{range $a, 1 := .X}}{{end}}', '', 'template: :1: range can only initialize variables', True, ''),
    ('{{break}}', '', 'template: :1: {{break}} outside {{range}}', True, ''),
    ('{{range .X}}{{break 1}}{{end}}', '', 'template: :1: unexpected "1" in {{break}}', True, ''),
    ('{{/* x */ .Name}}', '', 'template: :1: comment ends before closing delimiter', True, ''),
    ('{{/* unclosed', '', 'template: :1: unclosed comment', True, ''),
    ('{{ /* x */}}', '', 'template: :1: unexpected "/" in command', True, ''),
    ('line1\n{{.Nope.X}}', 'line1\n<no value>', '', False, ''),
    ('line1\n  {{if .Name}}\n{{.Nope.X}}{{end}}', 'line1\n  \n<no value>', '', False, ''),
    ('a\n{{.Name\n}}', 'a\n/web', '', False, ''),
    ('{{\n.Name\n}}', '/web', '', False, ''),
    ('x{{else}}', '', 'template: :1: unexpected {{else}}', True, ''),
    ('{{if 1}}x{{end}}{{end}}', '', 'template: :1: unexpected {{end}}', True, ''),
    ('{{nil.Foo}}', '', 'template: :1: unexpected . after term "nil"', True, ''),
    ('{{1.Foo}}', '', 'template: :1: bad number syntax: "1.F"', True, ''),
    ('{{"s".Foo}}', '', 'template: :1: unexpected . after term "\\"s\\""', True, ''),
    ('{{(1).Foo}}', '', 'template: :1:3: executing "" at <1>: can\'t evaluate field Foo in type int', False, ''),
    ('{{(nil).Foo}}', '', 'template: :1:3: executing "" at <nil>: nil is not a command', False, ''),
    ('{{.Config.Labels.a}}', '1', '', False, ''),
    ('{{.Config.Labels.a 1}}', '', 'template: :1:9: executing "" at <.Config.Labels.a>: a is not a method but has arguments', False, ''),
    ('{{.Str | printf "%x"}}', '686520736169642022686922203c623e26e280a801080c09', '', False, ''),
    ('{{printf "% x" "hi"}}', '68 69', '', False, ''),
    ('{{printf "%#x %#o %+d % d" 255 8 5 5}}', '0xff 010 +5  5', '', False, ''),
    ('{{printf "%*d|%-*d|%.*f" 5 1 4 2 2 3.14159}}', '    1|2   |3.14', '', False, ''),
    ('{{printf "%!"}}', '%!!(MISSING)', '', False, ''),
    ('{{printf "%"}}', '%!(NOVERB)', '', False, ''),
    ('{{printf "%z" 1}}', '%!z(int=1)', '', False, ''),
    ('{{printf "%[2]d %[1]d" 1 2}}', '2 1', '', False, ''),
    ('{{printf "%t %t" true 1}}', 'true %!t(int=1)', '', False, ''),
    ('{{printf "%s" .Config.Cmd}}', '[sh -c sleep 1]', '', False, ''),
    ('{{printf "%d" .Config.Cmd}}', '[%!d(string=sh) %!d(string=-c) %!d(string=sleep 1)]', '', False, ''),
    ('{{printf "%q" .Config.Cmd}}', '["sh" "-c" "sleep 1"]', '', False, ''),
    ('{{printf "%v" .Empty}}', '[]', '', False, ''),
    ('{{printf "%5s|%-5s|%.1s|%05d|%-05d|%+.2e" "ab" "ab" "xyz" 42 42 12345.678}}', '   ab|ab   |x|00042|42   |+1.23e+04', '', False, ''),
    ('{{printf "%c%c" 0x4e16 0x754c}}', '世界', '', False, ''),
    ('{{printf "%v" .NetworkSettings}}', 'map[IPAddress:172.17.0.2 Networks:map[alpha:map[Aliases:[x y] IPAMConfig:map[IPv4Address:10.0.0.9] IPAddress:10.0.0.2] bridge:map[Aliases:<nil> IPAMConfig:<nil> IPAddress:172.17.0.2 MacAddress:02:42:ac:11:00:02]] Ports:map[]]', '', False, ''),
    ('{{.NetworkSettings}}', 'map[IPAddress:172.17.0.2 Networks:map[alpha:map[Aliases:[x y] IPAMConfig:map[IPv4Address:10.0.0.9] IPAddress:10.0.0.2] bridge:map[Aliases:<nil> IPAMConfig:<nil> IPAddress:172.17.0.2 MacAddress:02:42:ac:11:00:02]] Ports:map[]]', '', False, ''),
    ('{{index .Config.Labels 1}}', '', 'template: :1:2: executing "" at <index .Config.Labels 1>: error calling index: value has type int; should be string', False, ''),
    ('{{index .Config.Cmd -1}}', '', 'template: :1:2: executing "" at <index .Config.Cmd -1>: error calling index: index out of range: -1', False, ''),
    ('{{index .Config.Cmd nil}}', '', 'template: :1:2: executing "" at <index .Config.Cmd nil>: error calling index: cannot index slice/array with nil', False, ''),
    ('{{slice .Config.Cmd 1 2 3}}', '[-c]', '', False, ''),
    ('{{slice .Name 1 2 3}}', '', 'template: :1:2: executing "" at <slice .Name 1 2 3>: error calling slice: cannot 3-index slice a string', False, ''),
    ('{{slice 3}}', '', 'template: :1:2: executing "" at <slice 3>: error calling slice: can\'t slice item of type int', False, ''),
    ('{{len nil}}', '', 'template: :1:2: executing "" at <len nil>: error calling len: reflect: call of reflect.Value.Type on zero Value', False, ''),
    ('{{call .Name}}', '', 'template: :1:2: executing "" at <call .Name>: error calling call: non-function of type string', False, ''),
    ('{{call nil}}', '', 'template: :1:2: executing "" at <call nil>: error calling call: call of nil', False, ''),
]

TYPED_CASES = [
    ('{{.Name}}', 'web', '', False, ''),
    ('{{.Nope}}', '', 'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *main.Doc', False, ''),
    ('{{.Sub.Nope}}', '', 'template: :1:6: executing "" at <.Sub.Nope>: can\'t evaluate field Nope in type main.Sub', False, ''),
    ('{{.Ptr.Nope}}', '', 'template: :1:6: executing "" at <.Ptr.Nope>: can\'t evaluate field Nope in type *main.Sub', False, ''),
    ('{{.NilPtr.Subnet}}', '', 'template: :1:9: executing "" at <.NilPtr.Subnet>: nil pointer evaluating *main.Sub.Subnet', False, ''),
    ('{{.NilPtr.Nope}}', '', 'template: :1:9: executing "" at <.NilPtr.Nope>: can\'t evaluate field Nope in type *main.Sub', False, ''),
    ('{{.NilIf.X}}', '', 'template: :1:8: executing "" at <.NilIf.X>: nil pointer evaluating interface {}.X', False, ''),
    ('{{.Iface.z}}', '1', '', False, ''),
    ('{{.Iface.q}}', '<no value>', '', False, ''),
    ('{{.Iface.a}}', '[1 2.5 s <nil> true]', '', False, ''),
    ('{{.List}}', '[a b]', '', False, ''),
    ('{{.NilList}}', '[]', '', False, ''),
    ('{{.Map}}', 'map[team:red x:1]', '', False, ''),
    ('{{.NilMap}}', 'map[]', '', False, ''),
    ('{{.Ptr}}', '{10.0.0.0/24 10.0.0.1 map[k:v]}', '', False, ''),
    ('{{.NilPtr}}', '<nil>', '', False, ''),
    ('{{.Sub}}', '{172.17.0.0/16  map[]}', '', False, ''),
    ('{{.Iface}}', 'map[a:[1 2.5 s <nil> true] z:1]', '', False, ''),
    ('{{.NilIf}}', '<no value>', '', False, ''),
    ('{{.Subs}}', '[{s1 g1 map[]} {s2  map[]}]', '', False, ''),
    ('{{.Nums}}', '[3 1 2]', '', False, ''),
    ('{{printf "%v" .Ptr}}', '&{10.0.0.0/24 10.0.0.1 map[k:v]}', '', False, ''),
    ('{{printf "%+v" .Sub}}', '{Subnet:172.17.0.0/16 Gateway: Aux:map[]}', '', False, ''),
    ('{{printf "%v" .NilPtr}}', '<nil>', '', False, ''),
    ('{{printf "%v" .NilList}}', '[]', '', False, ''),
    ('{{printf "%v" .NilMap}}', 'map[]', '', False, ''),
    ('{{printf "%v" .NilIf}}', '<nil>', '', False, ''),
    ('{{printf "%s" .NilIf}}', '%!s(<nil>)', '', False, ''),
    ('{{printf "%d" .Nums}}', '[3 1 2]', '', False, ''),
    ('{{printf "%v" .Ratio}}', '0.5', '', False, ''),
    ('{{.Ratio}}', '0.5', '', False, ''),
    ('{{json .}}', '{"Name":"web","Count":3,"Ratio":0.5,"Flag":true,"List":["a","b"],"NilList":null,"Map":{"team":"red","x":"1"},"NilMap":null,"Ptr":{"Subnet":"10.0.0.0/24","Gateway":"10.0.0.1","Aux":{"k":"v"}},"NilPtr":null,"Sub":{"Subnet":"172.17.0.0/16","Aux":null},"Iface":{"a":[1,2.5,"s",null,true],"z":1},"NilIf":null,"Subs":[{"Subnet":"s1","Gateway":"g1","Aux":null},{"Subnet":"s2","Aux":null}],"PtrMap":{"a":null,"b":{"Subnet":"pb","Aux":null}},"Nums":[3,1,2]}', '', False, ''),
    ('{{json .Sub}}', '{"Subnet":"172.17.0.0/16","Aux":null}', '', False, ''),
    ('{{json .Ptr}}', '{"Subnet":"10.0.0.0/24","Gateway":"10.0.0.1","Aux":{"k":"v"}}', '', False, ''),
    ('{{json .NilPtr}}', 'null', '', False, ''),
    ('{{json .NilList}}', 'null', '', False, ''),
    ('{{json .NilMap}}', 'null', '', False, ''),
    ('{{json .PtrMap}}', '{"a":null,"b":{"Subnet":"pb","Aux":null}}', '', False, ''),
    ('{{json .Subs}}', '[{"Subnet":"s1","Gateway":"g1","Aux":null},{"Subnet":"s2","Aux":null}]', '', False, ''),
    ('{{json .Iface}}', '{"a":[1,2.5,"s",null,true],"z":1}', '', False, ''),
    ('{{json .Ratio}}', '0.5', '', False, ''),
    ('{{.Label "team"}}', 'red', '', False, ''),
    ('{{.Label}}', '', 'template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0', False, ''),
    ('{{.Label 1}}', '', 'template: :1:9: executing "" at <1>: expected string; found 1', False, ''),
    ('{{.Label .Name}}', '', '', False, ''),
    ('{{.Shout}}', 'WEB', '', False, ''),
    ('{{.Shout 1}}', '', 'template: :1:2: executing "" at <.Shout>: wrong number of args for Shout: want 0 got 1', False, ''),
    ('{{"team" | .Label}}', 'red', '', False, ''),
    ('{{.Name | .Label}}', '', '', False, ''),
    ('{{.Name.Label}}', '', 'template: :1:7: executing "" at <.Name.Label>: can\'t evaluate field Label in type string', False, ''),
    ('{{.Map.team}}', 'red', '', False, ''),
    ('{{.Map.nope}}', '<no value>', '', False, ''),
    ('{{.NilMap.x}}', '<no value>', '', False, ''),
    ('{{.PtrMap.a.Subnet}}', '', 'template: :1:9: executing "" at <.PtrMap.a.Subnet>: nil pointer evaluating *main.Sub.Subnet', False, ''),
    ('{{.PtrMap.b.Subnet}}', 'pb', '', False, ''),
    ('{{.PtrMap.zz.Subnet}}', '<no value>', '', False, ''),
    ('{{.List.X}}', '', 'template: :1:7: executing "" at <.List.X>: can\'t evaluate field X in type []string', False, ''),
    ('{{.Count.X}}', '', 'template: :1:8: executing "" at <.Count.X>: can\'t evaluate field X in type int', False, ''),
    ('{{index .List 0}}', 'a', '', False, ''),
    ('{{index .Map "team"}}', 'red', '', False, ''),
    ('{{index .Map "zz"}}|', '|', '', False, ''),
    ('{{index .PtrMap "zz"}}', '<nil>', '', False, ''),
    ('{{index .NilList 0}}', '', 'template: :1:2: executing "" at <index .NilList 0>: error calling index: reflect: slice index out of range', False, ''),
    ('{{index .Nums 0}}', '3', '', False, ''),
    ('{{join .List ","}}', 'a,b', '', False, ''),
    ('{{join .NilList ","}}', '', '', False, ''),
    ('{{join .Nums ","}}', '', 'template: :1:7: executing "" at <.Nums>: wrong type for value; expected []string; got []int', False, ''),
    ('{{len .NilMap}}', '0', '', False, ''),
    ('{{len .NilPtr}}', '', 'template: :1:2: executing "" at <len .NilPtr>: error calling len: len of nil pointer', False, ''),
    ('{{len .Ptr}}', '', 'template: :1:2: executing "" at <len .Ptr>: error calling len: len of type main.Sub', False, ''),
    ('{{len .NilIf}}', '', 'template: :1:2: executing "" at <len .NilIf>: error calling len: len of nil pointer', False, ''),
    ('{{len .Subs}}', '2', '', False, ''),
    ('{{if .NilPtr}}y{{else}}n{{end}}', 'n', '', False, ''),
    ('{{if .Ptr}}y{{else}}n{{end}}', 'y', '', False, ''),
    ('{{if .Sub}}y{{end}}', 'y', '', False, ''),
    ('{{if .NilList}}y{{else}}n{{end}}', 'n', '', False, ''),
    ('{{with .Ptr}}{{.Subnet}}{{end}}', '10.0.0.0/24', '', False, ''),
    ('{{range .Subs}}{{.Subnet}},{{end}}', 's1,s2,', '', False, ''),
    ('{{range $k, $v := .PtrMap}}{{$k}}={{$v}};{{end}}', 'a=<nil>;b={pb  map[]};', '', False, ''),
    ('{{range .Nums}}{{.}}{{end}}', '312', '', False, ''),
    ('{{range .NilList}}x{{else}}none{{end}}', 'none', '', False, ''),
    ('{{range .Sub}}x{{end}}', '', 'template: :1:8: executing "" at <.Sub>: range can\'t iterate over {172.17.0.0/16  map[]}', False, ''),
    ('{{range .Ptr}}x{{end}}', '', 'template: :1:8: executing "" at <.Ptr>: range can\'t iterate over {10.0.0.0/24 10.0.0.1 map[k:v]}', False, ''),
    ('{{eq .Count 3}}', 'true', '', False, ''),
    ('{{eq .Ratio 0.5}}', 'true', '', False, ''),
    ('{{lt .Count 5}}', 'true', '', False, ''),
    ('{{eq .NilPtr nil}}', 'true', '', False, ''),
    ('{{eq .Ptr .Ptr}}', 'true', '', False, ''),
    ('{{eq .Sub .Sub}}', '', 'template: :1:2: executing "" at <eq .Sub .Sub>: error calling eq: non-comparable type {172.17.0.0/16  map[]}: main.Sub', False, ''),
    ('{{eq .NilList nil}}', 'true', '', False, ''),
    ('{{eq .Name .Count}}', '', 'template: :1:2: executing "" at <eq .Name .Count>: error calling eq: incompatible types for comparison', False, ''),
    ('{{eq .Iface.z 1}}', '', 'template: :1:2: executing "" at <eq .Iface.z 1>: error calling eq: incompatible types for comparison', False, ''),
    ('{{ne .Count 2}}', 'true', '', False, ''),
    ('{{upper .NilIf}}', '', 'template: :1:8: executing "" at <.NilIf>: wrong type for value; expected string; got interface {}', False, ''),
    ('{{.NilIf | upper}}', '', 'template: :1:11: executing "" at <upper>: invalid value; expected string', False, ''),
    ('{{upper .Count}}', '', 'template: :1:8: executing "" at <.Count>: wrong type for value; expected string; got int', False, ''),
    ('{{pad .Name 1 1}}', ' web ', '', False, ''),
    ('{{printf "%s" .Sub}}', '{172.17.0.0/16  map[]}', '', False, ''),
    ('{{printf "%d" .Sub}}', '{%!d(string=172.17.0.0/16) %!d(string=) map[]}', '', False, ''),
    ('{{print .Sub .Ptr}}', '{172.17.0.0/16  map[]} &{10.0.0.0/24 10.0.0.1 map[k:v]}', '', False, ''),
    ('{{print .Count .Count}}', '3 3', '', False, ''),
    ('{{print .Name .Count}}', 'web3', '', False, ''),
    ('{{.Sub.Aux}}', 'map[]', '', False, ''),
    ('{{json .Sub.Aux}}', 'null', '', False, ''),
    ('{{.Sub.Aux.x}}', '<no value>', '', False, ''),
    ('{{.Sub.Gateway}}|', '|', '', False, ''),
    ('{{.Iface.a.x}}', '', 'template: :1:8: executing "" at <.Iface.a.x>: can\'t evaluate field x in type interface {}', False, ''),
    ('{{index .Iface.a 3}}', '<no value>', '', False, ''),
    ('{{index .Iface.a 1}}', '2.5', '', False, ''),
    ('{{len .Iface.a}}', '5', '', False, ''),
    ('{{slice .List 1}}', '[b]', '', False, ''),
    ('{{slice .Nums 0 1}}', '[3]', '', False, ''),
    ('{{index .Map 1}}', '', 'template: :1:2: executing "" at <index .Map 1>: error calling index: value has type int; should be string', False, ''),
    ('{{.NilPtr}}', '<nil>', '', False, ''),
    ('{{.Flag}}', 'true', '', False, ''),
    ('{{not .Flag}}', 'false', '', False, ''),
    ('{{and .Flag .Count}}', '3', '', False, ''),
    ('{{or .NilList .List}}', '[a b]', '', False, ''),
]

MISSINGKEY_CASES = [
    ('{{.Nope}}', '', 'template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"', False, 'error'),
    ('{{.Sub.Nope}}', '', 'template: :1:6: executing "" at <.Sub.Nope>: map has no entry for key "Nope"', False, 'error'),
    ('{{.Nope.X}}', '', 'template: :1:7: executing "" at <.Nope.X>: map has no entry for key "Nope"', False, 'error'),
    ('{{.Iface.nope}}', '', 'template: :1:8: executing "" at <.Iface.nope>: map has no entry for key "nope"', False, 'error'),
    ('{{.Iface.a.x}}', '', 'template: :1:8: executing "" at <.Iface.a.x>: can\'t evaluate field x in type interface {}', False, 'error'),
    ('{{index . "nope"}}', '<no value>', '', False, 'error'),
    ('{{.PtrMap.a.Subnet}}', '', 'template: :1:9: executing "" at <.PtrMap.a.Subnet>: nil pointer evaluating interface {}.Subnet', False, 'error'),
    ('{{.Nope}}', '<no value>', '', False, 'zero'),
    ('{{.Sub.Nope}}', '<no value>', '', False, 'zero'),
]

HEADER_CASES = [
    ('{{.Name}}\t{{.Driver}}', 'NAME\tDRIVER', '', False, ''),
    ('{{json .Name}}', 'NAME', '', False, ''),
    ('{{upper .Name}}', 'NAME', '', False, ''),
    ('{{pad .Name 1 1}}', ' NAME ', '', False, ''),
    ('{{.Nope}}', '<no value>', '', False, ''),
    ('{{truncate .ID 3}}', 'NETWORK ID', '', False, ''),
    ('{{json .}}', '', 'template: :1:7: executing "" at <.>: wrong type for value; expected string; got map[string]string', False, ''),
    ('A{{.ID}}B{{json .}}C', 'ANETWORK IDB', 'template: :1:16: executing "" at <.>: wrong type for value; expected string; got map[string]string', False, ''),
    ('{{join .Labels ","}}', 'LABELS', '', False, ''),
    ('{{split .Name ","}}', 'NAME', '', False, ''),
    ('{{printf "%-20s" .Name}}|', 'NAME                |', '', False, ''),
]

RAW_DATA = {'NetworkSettings': {'IPAddress': '172.17.0.2', 'Networks': {'bridge': {'IPAddress': '172.17.0.2', 'IPAMConfig': None, 'Aliases': None, 'MacAddress': '02:42:ac:11:00:02'}, 'alpha': {'IPAddress': '10.0.0.2', 'IPAMConfig': {'IPv4Address': '10.0.0.9'}, 'Aliases': ['x', 'y']}}, 'Ports': {}}, 'Name': '/web', 'Config': {'Cmd': ['sh', '-c', 'sleep 1'], 'Labels': {'b': '2', 'a': '1'}, 'Env': None}, 'State': {'Pid': 123, 'Running': True, 'Ratio': 1000000.0, 'Small': 1e-07, 'F': 2.5}, 'IPAM': {'Config': [{'Subnet': '172.17.0.0/16', 'Gateway': '172.17.0.1'}]}, 'Empty': [], 'EmptyMap': {}, 'Str': 'he said "hi" <b>&\u2028\x01\x08\x0c\t', 'Zero': 0, 'Neg': -5, 'Big': 123456789012}

TYPED_DATA = {'Name': 'web', 'Count': 3, 'Ratio': 0.5, 'Flag': True, 'List': ['a', 'b'], 'Map': {'team': 'red', 'x': '1'}, 'Ptr': {'Subnet': '10.0.0.0/24', 'Gateway': '10.0.0.1', 'Aux': {'k': 'v'}}, 'Sub': {'Subnet': '172.17.0.0/16'}, 'Iface': {'z': 1, 'a': [1, 2.5, 's', None, True]}, 'Subs': [{'Subnet': 's1', 'Gateway': 'g1'}, {'Subnet': 's2'}], 'PtrMap': {'b': {'Subnet': 'pb'}, 'a': None}, 'Nums': [3, 1, 2]}


FUZZ_R = {'NetworkSettings': {'IPAddress': '172.17.0.2', 'Networks': {'bridge': {'IPAddress': '172.17.0.2', 'IPAMConfig': None, 'Aliases': None}}}, 'Name': '/web', 'Config': {'Cmd': ['sh', '-c'], 'Labels': {'b': '2', 'a': '1'}, 'Env': None}, 'N': 5, 'F': 2.5, 'T': True, 'E': [], 'S': 'x y'}
FUZZ_R2 = {'S': 'héllo "w"\n', 'N': 5, 'L': ['a', 1, 2.5, None, True, {'k': 'v'}], 'M': {'b': 1, 'a': [1, 2]}, 'E': '', 'Z': None}
FUZZ_CASES = [
    ('{{ .NetworkSettings.IPAddress | truncate | slice .N -}}', 'R', '', '', 'template: :1:32: executing "" at <truncate>: wrong number of args for truncate: want 2 got 1'),
    ('{{- urlquery | or | ne .Nope}}', 'R', 'error', '', 'template: :1:23: executing "" at <.Nope>: map has no entry for key "Nope"'),
    ('{{ js -}}{{$ .Ratio}}{{ and | .N | -1 }}\n', 'R', '', '', 'template: :1: non executable command in pipeline stage 3'),
    ('aa{{range true | title | ($x := .Ratio)}}{{ $x := .Map.team }}{{else}}{{- slice .Label $y }}{{ true | and slice -1 $ | "%d %s" }}{{range $v := $x := . | slice | json .NilPtr}})$x{{-{{continue}}{{end}}{{end}}', 'R', '', '', 'template: :1: undefined variable "$y"'),
    ('x y{{ .NetworkSettings.IPAddress -}}{{with eq .Iface.z slice}}{{html .NilIf "%q" .NilMap}}{{else}}}}{{ lower false | .Nums | `r` 3}}{{- html | 1e3 | .Map.team}}{{ lower 0 | split $x (upper | (-1 | len printf .NetworkSettings.Networks.bridge.IPAMConfig) | (slice $x.Name)) -1}}{{end}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 3'),
    ("){{index | not .NilIf | json 'x' .NetworkSettings.Networks -}}", 'R', '', ')', 'template: :1:3: executing "" at <index>: wrong number of args for index: want at least 1 got 0'),
    ('.{{ne .NetworkSettings.Networks.bridge.IPAMConfig "a" }}{{ pad $ | "a" | .Shout -}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('x y', 'R', '', 'x y', ''),
    ('\t{{{{.PtrMap.b -}}*/', 'R', 'error', '', 'template: :1: unexpected "{" in command'),
    (' {{ len | 0x1F "%q" }}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ("-{{with html .Config.Labels | .PtrMap.b | .List nil}}{{truncate | join 3 | pad .Flag .NilPtr }}('x y{{end}}", 'R', '', '-', 'template: :1:42: executing "" at <.List>: List is not a method but has arguments'),
    ('\t{{ join "%v" (or .N ($x.Name | $.Name) .NilMap) "%q"}}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('\t{{lower | (.Shout) | lower}} {{ ne}}', 'R', 'error', '\t', 'template: :1:3: executing "" at <lower>: wrong number of args for lower: want 1 got 0'),
    ('\n{{if upper ((.NilMap)) "%v" .Flag}}{{range .NetworkSettings.Networks | pad (.Label) len}}a{{else}}{{- gt 1e3 0 | "a" -}} {{end}}\'{{range (title "%v")}}}}{{break}}{{else}}`{{end}}{{else if 0x1F}}{{range $v := join (lt ($) nil .Nums | pad) .Iface.z}}/*{{break}}{{end}}{{range $v := pad}} {{- ne .NilMap }}`{{break}}{{end}}{{end}} {{- or not .NetworkSettings.Networks 1e3 | slice (not .NilPtr slice (pad .Iface)) }}', 'R', 'error', '', 'template: :2: non executable command in pipeline stage 2'),
    ('{{ js .NetworkSettings.Networks ge | pad . | .Sub.Aux -}}{{range $x := join}}{{if $x := json}}-}}{{($x := ($x := upper) | le $) }}{{else if 2 | slice .NilList $x | 1e3}}{{end}}{{end}}{{ .Config.Env }}{{range $i, $v := println $x}}{{.Ptr}}{{- truncate ((.Name) | join .Count ",") .S .Map | -1 (ne | gt 1e3 .Ratio 1.5 | -1) | join .NetworkSettings.Networks.bridge.IPAMConfig .Map .T }}{{continue}}{{end}}x y{{end}}{{range $i, $v := lower ge}}({{range $v := ne .List false .NilIf | le nil .Iface.z .Ptr.Subnet}}\n{{else}}{{{{or -}}{{- truncate .NetworkSettings.Networks | 3 | and println true $x -}}{{end}}{{end}}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 3'),
    ('  ', 'R', '', '  ', ''),
    ('{{range json true .Sub.Aux .Config.Labels}}\n{{with .S .Config.Labels | eq "%d %s"}}\n{{-{{- join }}\'{{end}}{{-{{end}}{{ .NilIf }}{{ js .N 0x1F nil}}{{ le $.Name .Iface | .S -}}', 'R', '', '', 'template: :3: illegal number syntax: "-"'),
    ('{{urlquery | pad join .Iface | .Sub.Aux }}{{with .PtrMap.a.Subnet}}{{with $x}}{{eq truncate | le}}-{{end}}{{- json $ -}}{{with 1.5 | .Ratio | pad}},{{end}}{{else}}{{range $.Name | le}}`{{false -}}\t {{else}}.{{end}}{{with ge .NilPtr .NetworkSettings.IPAddress .NilList}}{{- join | .Count}}{{end}}{{end}}\n', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('(', 'R', 'error', '(', ''),
    ('\n', 'R', 'error', '\n', ''),
    ('{{range $i, $v := js false .NetworkSettings.IPAddress}}{{`r` }}, \t{{continue}}{{end}}\n', 'R', '', '', 'template: :1:43: executing "" at <.NetworkSettings.IPAddress>: range can\'t iterate over false172.17.0.2'),
    ('{{with $x | .NilMap index | printf urlquery 1 .T}}{{ $x := pad 0 .PtrMap | ge gt .Ptr.Subnet}}-{{end}}a', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('{{ ge .Ptr.Subnet .Config.Cmd -1 | len -}}{{- split | .F}}{{- 3 | .NetworkSettings.Networks.bridge.IPAMConfig -}}', 'R', 'error', '', 'template: :1:3: executing "" at <ge>: wrong number of args for ge: want 2 got 3'),
    ('{{ println truncate json .Sub -}}{{index .Label | html ge "%q"}}{{ eq 3 $x.Name | lower }}{{json .Flag truncate ne}}', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('{{.NilList | 0x1F}}{{- $.Name | ne 0 | .NetworkSettings.Networks -}}}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('é{{- html \'x\' .Config.Env }}{{range $i, $v := .NetworkSettings.Networks}}{{- call nil "%5.1f" println | call $.Name | .Name }} {{if .Map.team}}}}{{end}} {{break}}{{end}}#', 'R', 'error', 'é120&lt;no value&gt;', 'template: :1:78: executing "" at <call nil "%5.1f" println>: error calling call: call of nil'),
    ('\n{{if .Nope}}{{ge }}\n{{- 1e3 ("%d %s" | urlquery | and) | .Ptr.Subnet}}{{end}}', 'R', '', '\n', ''),
    ('{{- $x := 1 lt -}}{{ title upper .NetworkSettings.Networks.bridge.IPAMConfig len}}.{{- slice }}', 'R', 'error', '', 'template: :1:10: executing "" at <1>: can\'t give argument to non-function 1'),
    ('x y{{ ($x := html .F) }}', 'R', '', 'x y2.5', ''),
    ('\nx y{{ $x := not -1 index true | printf }}{{- split | not $x .PtrMap $ }}', 'R', '', '\nx y', 'template: :2:12: executing "" at <not>: wrong number of args for not: want 1 got 3'),
    ('{{- $x := "," | "%5.1f" | .Ptr.Subnet .Nope -}}{{.T }}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{- .N | urlquery -1}}', 'R', 'error', '-15', ''),
    ('{{ index .Name (not) .Iface }}{{. | call $y | len .N -1 -}}{{range $i, $v := ($ | $x.Name | .Shout)}}#{{else}}= {{end}}{{ len .Sub .NilList 1.5 }}', 'R', 'error', '', 'template: :1: undefined variable "$y"'),
    ('a{{$x := title "%q" .T ","}}:=\n', 'R', 'error', 'a', 'template: :1:9: executing "" at <title>: wrong number of args for title: want 1 got 3'),
    ('{{range .List | and .PtrMap.a.Subnet}} x y{{continue}}{{end}}', 'R', 'error', '', 'template: :1:8: executing "" at <.List>: map has no entry for key "List"'),
    ('{{lt $ urlquery }}\t .', 'R', '', '', 'template: :1:2: executing "" at <lt $ urlquery>: error calling lt: invalid type for comparison'),
    ('{{range le}}{{ .NilPtr.Subnet }}{{ ne }}{{break}}{{else}}{{range $i, $v := slice}}{{ (truncate .Ptr | .Subs) -}}"{{end}}{{- .Config.Labels | lower .Flag }}{{end}}{{ .Config.Cmd}}*/', 'R', '', '', 'template: :1:8: executing "" at <le>: wrong number of args for le: want 2 got 0'),
    ('{{ join (le) .NilPtr -}}', 'R', '', '', 'template: :1:9: executing "" at <le>: wrong number of args for le: want 2 got 0'),
    ("\t{{eq .Map.team .Map.team `r` | upper 0x1F 'x' slice}}x y", 'R', '', '\t', 'template: :1:32: executing "" at <upper>: wrong number of args for upper: want 1 got 4'),
    (' \nx y{{range eq $}}{{ $.Name}}{{end}}', 'R', 'error', ' \nx y', 'template: :2:11: executing "" at <eq $>: error calling eq: missing argument for comparison'),
    ('{{slice | index .Shout (2 | json | gt)}}{{range index}}\n{{ true }}){{else}} {{end}}{{- println | slice $x.Name "%d %s" $.Name | ge . lt -}}{{if .Config.Cmd \'x\' | lower len}}{{$ }}{{and .Map.team }}{{range $i, $v := truncate le .Count | json 0x1F false .Config.Cmd}}\t{{- .Config.Labels | len | ge}} {{end}}{{else}}{{.E }} {{end}}', 'R', '', '', 'template: :2: undefined variable "$x"'),
    ('{{range slice upper | split | ge}}\t\t{{- urlquery 0 .Config.Labels "%5.1f" -}}{{end}}{{- le -1 .Ptr.Subnet }}', 'R', 'error', '', 'template: :1:14: executing "" at <upper>: wrong number of args for upper: want 1 got 0'),
    ('{{else}}{{range $i, $v := slice | .Count | lt .NilPtr .E}}{{- println (html | title .NetworkSettings.IPAddress join .Count | pad or .) | upper println $ $y | .Ptr }}x y{{end}}{{ and slice -}}', 'R', 'error', '', 'template: :1: unexpected {{else}}'),
    ('{{- printf $x 1e3 (slice) }}{{lower 3 .Sub.Aux | split .F 0 .PtrMap.a.Subnet}}{{- html 1e3 .Map.team $x.Name | upper .Flag .Iface.a | len -}}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('|', 'R', '', '|', ''),
    (':=-', 'R', '', ':=-', ''),
    ('\t', 'R', 'error', '\t', ''),
    ('{{range $v := eq}}{{range $v := $x := gt ne .NetworkSettings.Networks}}{{ $x | truncate and .Nums | .Count}}{{continue}}{{end}}\t{{range $i, $v := .Shout | call .List 1.5 | split ne}}\n\t{{$x := html}}#{{continue}}{{else}} {{- .Map}} {{ slice .List gt .Flag }}{{end}}{{range $v := $x := nil | le}}(-{{end}}{{else}}:= {{end}}{{with (print | (ge | print println $x printf) nil) | or not}}{{range $i, $v := .PtrMap.b | len `r` | not ($x := not .Label .Sub.Aux "," | .Subs | lower)}}{{ 1 }}\n{{end}}{{nil }}{{.Count | split | false .Sub -}}x y{{else}}{{range $x := (0)}} {{ $x := call .S (join slice) }}{{end}}{{ $x := not -}}{{$x := json | .Name .Iface.a}}{{truncate .Subs .Ptr.Subnet pad | .Iface.z }}{{end}}', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('{{- and }}{{range $i, $v := printf title | .E}}\'{{- .Nums | urlquery | not .N .NilMap -}}a{{range $i, $v := .Count}}a{{end}}{{continue}}{{end}}{{range $v := .E}},{{.Label -}}{{"%q" | eq | .F -1 }}{{end}}\n', 'R', '', '', 'template: :1:4: executing "" at <and>: wrong number of args for and: want at least 1 got 0'),
    ('{{. | .Ratio .NilIf }}{{ $x := call }}', 'R', 'error', '', 'template: :1:6: executing "" at <.Ratio>: Ratio is not a method but has arguments'),
    ('\t\n{{range $v := println $y | .Iface.a}}a{{ pad $y | split | println -}}{{range $i, $v := 2 | ne "," .Sub .Sub | (0x1F)}}{{ (slice js (nil) .NetworkSettings.IPAddress) }}{{end}}{{.Iface .NilMap | urlquery .Iface }}{{else}}{{- js .Iface.a }}{{range $i, $v := index ge}}\' {{ urlquery $x .PtrMap.b | (js $y | .E | .Count) -}}{{end}}{{if upper}}{{-{{end}}{{end}}\n', 'R', 'error', '', 'template: :2: undefined variable "$y"'),
    ('{{json .NilPtr.Subnet (gt) $x -}}{{ print}}{{range $v := lt}}$x{{- urlquery }}{{- .NilIf}}{{continue}}{{else}}{{ 1 }}{{range join}}{{ js $x "a" -}}{{- $ | (.Config.Env | `r`) }}\n\t{{end}}{{- (not | ($x := lower join)) | .Subs | (join .Flag) -}}{{.Name }}{{end}}', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('\t*/', 'R', 'error', '\t*/', ''),
    ('{{$x := not .Config.Cmd | .Subs -}}a{{ and 2 -}}x y', 'R', 'error', '', 'template: :1:26: executing "" at <.Subs>: Subs is not a method but has arguments'),
    ('{{1e3 }}', 'R', '', '1000', ''),
    ('x y{{- split .NilList $.Name print}}{{ printf .NetworkSettings.Networks 0 -}}', 'R', 'error', 'x y', 'template: :1:7: executing "" at <split>: wrong number of args for split: want 2 got 3'),
    ('{{lower }}{{range $v := $x := slice}}{{ len $.Name | .Config.Labels | index ","}}{{end}}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('*/{{- println $ -}}{{ $x := urlquery 1e3 | not `r` -1 .NetworkSettings.Networks | lower .Map $x.Name -}}{{range $i, $v := 2 | html .Iface false $y | $}}{{call .Map.team | lower gt (upper) | $ -}}{{end}}', 'R', '', '', 'template: :1: undefined variable "$y"'),
    ('{{range $i, $v := lt}}{{ ge .NilPtr.Subnet $.Name | upper .Map.team split -}}{{range $i, $v := call}}{{else}} */{{end}}{{- .S | call .Flag}}{{continue}}{{end}}x y{{range $x := ($ .PtrMap.a.Subnet) | html .NetworkSettings.Networks.bridge.IPAMConfig}}{{with slice or $.Name}}\t{{- json -}}{{ nil }}{{end}}\t{{end}}\t', 'R', '', '', 'template: :1:18: executing "" at <lt>: wrong number of args for lt: want 2 got 0'),
    ("|{{with println split | json .Sub.Aux .Iface.a ('x') | eq .Sub.Aux lower lt}}-}}{{- upper false .Ratio | call }}{{with json $ nil}}{{- (index $y) | 1e3 ($x := .Name) | printf .Config.Cmd .Ptr.Subnet .Name }}{{- $x := .Shout .Config.Env -}}{{- lower (not) gt lower}}'{{end}}{{end}}", 'R', '', '', 'template: :1: undefined variable "$y"'),
    ('{{-{{ and 0 .Sub.Aux .NilIf | js "%5.1f" $y | ge (print "a" | not)}}{{range $v := $x := and}}`{{continue}}{{end}}', 'R', 'error', '', 'template: :1: illegal number syntax: "-"'),
    ('a{{$x := js eq .Ptr.Subnet | lower .N $x | "%5.1f" -}}{{- "%d %s"}}{{json .Sub.Aux .Flag}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 3'),
    ('x y', 'R', '', 'x y', ''),
    ('{{- and 0 $y -}}{{ $x := `r` | slice ($x := printf .Map nil) $ lt -}}', 'R', '', '', 'template: :1: undefined variable "$y"'),
    ('{{-1 nil | or ($x := pad | pad pad .Label | join $x 2 "%q") .NetworkSettings.IPAddress .NetworkSettings.IPAddress | html "%q" }}x y{{else}}{{if $x := join .Iface}}{{ 0 | index | title .Map.team false $.Name }}{{if 1e3}}$x{{ index .E lt .Config.Cmd | println -}}\t{{else}} .{{end}}{{- lt }}{{- gt `r` .Ptr.Subnet | call pad | print }}{{else if $x := .}}{{ (slice 2) }}{{with lower ($x := (and .Config.Labels $y $x) | js json 2) .PtrMap.a.Subnet}}x y{{end}}{{end}}', 'R', 'error', '', 'template: :1: unexpected {{else}}'),
    ('{{ pad -}}{{with len}}{{$x}}{{else}}{{$x := json true .NilIf | pad ("%v") }}{{end}}{{.NetworkSettings.Networks | title -}}{{ js .Ptr | slice | truncate 2 }}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('{{with $x := html .Subs (.Sub.Aux | upper | ge .Config.Labels (ne $ | lt $.Name) .Ratio) | "," | .}}{{gt | and lt .List . -}}{{end}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{with .NetworkSettings.IPAddress}}{{.NilList | .PtrMap.a.Subnet | split .Count .Map .Config.Env}} {{- $x := .Shout | js .Shout (true | .Subs) ge }}{{if -1}}{{call "%5.1f" .T .NilMap -}}{{x y{{else}}\t{{end}}{{else}}.{{ .NilPtr .Name -}}a{{range $i, $v := not | js title false .Count | print ($x := not .F not 3 | js (.Shout .PtrMap.a.Subnet) printf | urlquery) 0x1F .Nums}}.#-\t{{break}}{{end}}{{end}}{{with \'x\'}}a{{- $x := printf .NilPtr call .Shout}}{{with eq .NetworkSettings.Networks.bridge.IPAMConfig}}*/}}{{- ge .NetworkSettings.Networks.bridge.IPAMConfig }}a{{end}}{{range $v := $x | split $y (lt .Config.Env 0) len | eq $x.Name (.Sub.Aux) 1e3}}{{ print .T .NilIf -}}{{printf $y json 3 | lower "%v" .Iface.z | js ((.) | printf | urlquery) .NilPtr.Subnet .Config.Cmd }}{{end}}{{else}}$x{{(ne | .Config.Cmd | .Flag) | 3 -}}{{or $.Name -}}{{range split | .NilList}} {{ .Ptr.Subnet }}{{end}}{{end}}', 'R', '', '', 'template: :1: function "x" not defined'),
    ('{{- 1.5}}{{$.Name }}{{- $x := .NilPtr.Subnet le -}}', 'R', 'error', '1.5/web', 'template: :1:37: executing "" at <.NilPtr.Subnet>: map has no entry for key "NilPtr"'),
    ('{{- split -}}*/', 'R', '', '', 'template: :1:4: executing "" at <split>: wrong number of args for split: want 2 got 0'),
    ('{{$x := len}}', 'R', 'error', '', 'template: :1:8: executing "" at <len>: wrong number of args for len: want 1 got 0'),
    (' {{ ne -}} ', 'R', '', ' ', 'template: :1:4: executing "" at <ne>: wrong number of args for ne: want 2 got 0'),
    ('{{ .Flag | .Config.Labels }}{{ eq (2 .Sub) -}}', 'R', 'error', '', 'template: :1:3: executing "" at <.Flag>: map has no entry for key "Flag"'),
    ('x y{{range .Config.Env | nil}}{{range le .NilPtr | index 1 (.NetworkSettings.Networks.bridge.IPAMConfig)}}{{ len .Ptr 3 | urlquery print "%5.1f" .List}}){{ge }}\t{{break}}{{end}}{{$x := gt | index }}{{- "%v" | html }}{{- truncate (nil) .Sub.Aux true -}}{{else}}\n{{end}}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{- (js .NilList | .Iface.z) | eq | (print) -}}{{- len $x.Name html | $x.Name }}{{range .NetworkSettings.Networks.bridge.IPAMConfig}}{{ println}} {{index and .List | printf -}}x y{{continue}}{{end}}{{- "," }}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('{{range $v := and .Config.Cmd}}{{range true}}{{ $x := index .S true | (.Iface.a) | .NilMap -}}#*/{{break}}{{end}}{{\'x\' }}{{print .Sub.Aux}}{{range \'x\' | "%q" | js}}{{("%5.1f" | printf index .Iface.a ($x := call true) | html) -}}#x y{{else}}{{ title index slice | $x.Name}}a{{end}}{{else}}\n{{range $i, $v := println}}{{end}}{{break}}{{else}}{{json .Subs | $y -}}a{{urlquery .Sub .F 1 -}}{{end}}{{ truncate -}}{{else}}{{end}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{range $x := lt}}{{0x1F | ne .Nope split}}{{if print}}{{- json -1 $x.Name | ne .Ratio | urlquery not 0 false}}{{end}}{{end}}', 'R', '', '', 'template: :1:14: executing "" at <lt>: wrong number of args for lt: want 2 got 0'),
    ('{{range 1e3}}{{range (.NilList) .List}}{{else}}{{ .Ratio | println title 2 }} \t{{continue}}{{else}}{{$x := json | ne -}}{{end}}{{if .NetworkSettings.IPAddress}}{{call $y .Iface.a .Sub }} {{end}}#{{else if lt .NilList}}#,=-{{end}}{{ 1 | .Shout | nil}}{{end}}', 'R', 'error', '', 'template: :1: expected end; found {{else}}'),
    ('{{if .Map.team}}{{ slice .Iface.z | len $.Name}}{{if .Count}}-}}{{.NetworkSettings.Networks.bridge.IPAMConfig | .Iface.a | ge .NilPtr "%q" }}{{else if $x := .NilIf}}\t"*/{{- $x := .Sub -}}{{end}}{{end}}{{.List | .N | urlquery 1}}-', 'R', '', '', 'template: :1:211: executing "" at <.N>: N is not a method but has arguments'),
    ('{{- $x := .Iface.a -}}{{range gt | println urlquery | $.Name}} {{ lower | .Shout eq | lower \'x\' -}}a{{- $x := pad .NilIf .Iface.a }}{{end}}{{range gt nil . (join upper .Nums $y)}}{{ split -}}{{ le -}}{{continue}}{{else}}{{else}}{{- index $y}}{{ $x := join printf (.Shout "a" | $) }}{{end}}', 'R', 'error', '', 'template: :1: undefined variable "$y"'),
    ('{{ .NetworkSettings.Networks.bridge.IPAMConfig -}}a', 'R', 'error', '<no value>a', ''),
    ('x yx yx y', 'R', '', 'x yx yx y', ''),
    ('{{if and $x $y | gt .S (ne | le .Name .PtrMap.b 0x1F) | json}}{{ html | 0x1F -}}é{{end}}', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('{{if $x := .NilMap}}\n{{end}}{{- js }}{{range ($x := (false | split $x.Name $x | index .F split))}}\t{{- $x := index | .NetworkSettings.Networks lt -}}\n\t{{end}}\n', 'R', 'error', '', 'template: :1:11: executing "" at <.NilMap>: map has no entry for key "NilMap"'),
    ('{{range $i, $v := $ | println .T}}{{ $x := json }}{{range $v := println | upper | split .Sub .Iface.a}}#-{{break}}{{else}}{{- $x := $x.Name }}{{end}}{{- index $ .Map.team | .Label}}{{range $v := len 0x1F $.Name .N | false | println .Nums .NilPtr}}`x y{{ pad .Ptr.Subnet index | `r` | slice "%d %s" nil -}}){{end}}{{end}}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{- $ -}}{{if `r`}}{{range $v := nil}}{{urlquery true lower }}{{println}}\'"{{end}}{{call .}}ax y{{else if `r`}}{{if $.Name}}-}}{{ title -}}"{{else}}{{ .NilIf -}}={{ $}}{{end}}{{.Config.Labels | le .Flag (lower len ($x := .NilPtr.Subnet) js)}}{{end}}', 'R', '', 'map[Config:map[Cmd:[sh -c] Env:<nil> Labels:map[a:1 b:2]] E:[] F:2.5 N:5 Name:/web NetworkSettings:map[IPAddress:172.17.0.2 Networks:map[bridge:map[Aliases:<nil> IPAMConfig:<nil> IPAddress:172.17.0.2]]] S:x y T:true]', 'template: :1:33: executing "" at <nil>: nil is not a command'),
    ('{{.Sub.Aux}}{{with split 1 $.Name}}{{. -}}{{ printf .Sub.Aux 0}}{{$x := json | slice urlquery .F | (.Config.Labels) -}}{{- printf}}{{end}}', 'R', 'error', '', 'template: :1:6: executing "" at <.Sub.Aux>: map has no entry for key "Sub"'),
    ('{{ "a" -}}', 'R', 'error', 'a', ''),
    ('{{range $i, $v := $x := urlquery | title}}{{range $i, $v := .PtrMap.a.Subnet | ne | not "%5.1f"}}{{ .F -}} -}}{{continue}}{{end}}{{end}}a{{println \'x\' "%q" $}}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('{{json false slice | $.Name .E | gt gt -}}{{ pad .Nums truncate .T | call "%d %s" | urlquery}}{{- html .NilPtr.Subnet}}é', 'R', '', '', 'template: :1:2: executing "" at <json>: wrong number of args for json: want 1 got 2'),
    ("{{else}}\n{{ .Ratio -}}{{if .Ptr | le 3 | .Nums}}{{with slice .PtrMap | .T .Config.Env}},{{ $x := title .PtrMap split call -}}{{.Config.Cmd}}\n{{else}}'\nx y{{end}}{{if $x := (.NetworkSettings.Networks) | le .Config.Labels}}{{- $x.Name | urlquery $}}{{truncate .Nope $x 3 }}{{else if false}}.{{end}}{{end}}", 'R', 'error', '', 'template: :1: unexpected {{else}}'),
    ('a{{- $x := $x.Name}}{{ $x := lower $y lower "%5.1f" -}}{{- println .Config.Labels }}', 'R', 'error', '', 'template: :1: undefined variable "$y"'),
    ('{{with lower}}{{with .PtrMap | $x.Name}}{{.F | split len .Config.Cmd }}{{end}}{{range $v := or 3 | title "%5.1f" .NilIf .Iface.a | le .Label}}#{{- html -}}{{ (slice pad $y html) $ }}a{{continue}}{{else}}|:={{ true | lower .Config.Labels $x.Name | js \'x\' ((.Nope | $y slice | le $ .N) | lower call | html) }}{{end}}{{end}}x y', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('{{- .Iface }}{{range $i, $v := le | .N | ge 1.5}}{{- eq | urlquery -}}{{range $i, $v := .F "%5.1f" | \'x\' | .Nums}}{{- $x := upper}}{{end}}{{else}}{{end}}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{', 'R', 'error', '', 'template: :1: unclosed action'),
    ('{{- html | not | .PtrMap.a.Subnet}}{{and}}', 'R', '', '<no value>', 'template: :1:37: executing "" at <and>: wrong number of args for and: want at least 1 got 0'),
    ('{{- $x := \'x\' }}{{(true | (ne) | html (and "%v") .Label) -}}{{- .NilIf}}{{range $i, $v := lower nil (println) | truncate $ le | ge "%d %s"}}{{ $ | .Map | .Config.Env (upper)}}{{else}}:= {{{{range $v := ((le "%5.1f"))}}{{ ge .Nope .PtrMap .NilMap | .NetworkSettings.IPAddress | .Shout }}{{continue}}{{end}}{{end}}', 'R', 'error', '', 'template: :1: unexpected "{" in command'),
    ('{{title $x.Name .Sub.Aux or | le}}{{with ne (println) ","}}{{range $i, $v := json}}\né{{ split nil}}{{json -}}{{break}}{{else}}{{ urlquery .Name}},{{-{{ $ | not -}}{{end}}{{if gt}}{{.N (le (1 | .F) .Map.team .NilPtr.Subnet | 1 | ($x := .Subs 0x1F | $.Name .NilPtr.Subnet | $y))}}|{{.Map.team | lt "a" -}}={{end}}{{end}}\n', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('{{"%q" | lower | js .Iface.a -}}$x{{not $ .Subs "a" }}', 'R', 'error', '', 'template: :1:26: executing "" at <.Iface.a>: map has no entry for key "Iface"'),
    ('{{ printf -}}{{- .F -}} ', 'R', 'error', '', 'template: :1:3: executing "" at <printf>: wrong number of args for printf: want at least 1 got 0'),
    ('$x', 'R', 'error', '$x', ''),
    ('-}}', 'R', 'error', '-}}', ''),
    ('a{{- .Sub.Aux}}{{- title "%5.1f" println 0x1F | .Name -}}', 'R', 'error', 'a', 'template: :1:9: executing "" at <.Sub.Aux>: map has no entry for key "Sub"'),
    ('{{ "," }} ', 'R', '', ', ', ''),
    ('{{- "%q" | eq 1 .Label | .PtrMap.b -}}{{"%d %s" -}}', 'R', 'error', '', 'template: :1:16: executing "" at <.Label>: map has no entry for key "Label"'),
    ('{{if (call | .Label)}}{{.Config.Env -}}{{else}}a{{if .Iface.z}}{{"a" }}{{- .NetworkSettings.IPAddress | .Config.Labels | index}}{{"%d %s"}}{{else}}{{- gt pad `r` | le | (lower) eq }}{{else}}{{- split "a" `r` }}$x{{end}}{{else}}{{end}}{{- lt -}}a{{- json .Config.Env }}', 'R', 'error', '', 'template: :1: expected end; found {{else}}'),
    ('a x y:=', 'R', '', 'a x y:=', ''),
    ('{{- js 0 -}}{{- len .F println | js | and .NilPtr.Subnet -}}{{if printf .Config.Env .N .NilPtr.Subnet}}{{.E }}x y{{range $i, $v := .Sub.Aux}}{{not title $y}}{{ .NetworkSettings.Networks.bridge.IPAMConfig | urlquery 0x1F}}\n {{else}}{{js .Count (.Subs) nil | .PtrMap.b | title -}}{{end}}{{ not | urlquery $.Name | .NetworkSettings.Networks -}}{{end}}{{.NetworkSettings.Networks .NilPtr.Subnet | .NetworkSettings.Networks.bridge.IPAMConfig | js .PtrMap.b}}', 'R', 'error', '', 'template: :1: undefined variable "$y"'),
    ('\t', 'R', '', '\t', ''),
    ('{{ .NilPtr.Subnet}}{{- $x := ge }}{{- (eq .Shout .N false) -}}{{- .Subs | .Iface}}', 'R', '', '<no value>', 'template: :1:29: executing "" at <ge>: wrong number of args for ge: want 2 got 0'),
    ('{{ len .Map.team }}', 'R', 'error', '', 'template: :1:11: executing "" at <.Map.team>: map has no entry for key "Map"'),
    ('é{{.Sub.Aux}}', 'R', 'error', 'é', 'template: :1:8: executing "" at <.Sub.Aux>: map has no entry for key "Sub"'),
    ('x y{{- true or -}}{{- (le 2) }}{{ $x := .Name}}', 'R', 'error', 'x y', 'template: :1:7: executing "" at <true>: can\'t give argument to non-function true'),
    ('{{not .Ptr eq .Sub}}{{ "%5.1f" -}}{{gt | .F -}}', 'R', '', '', 'template: :1:2: executing "" at <not>: wrong number of args for not: want 1 got 3'),
    ('{{le }}{{$x := and true .Name .Iface.z | printf | or .NilMap }}', 'R', '', '', 'template: :1:2: executing "" at <le>: wrong number of args for le: want 2 got 0'),
    ('{{eq | .NilPtr}}{{.T | printf -}}\t{{println join .Nope .PtrMap.b -}}', 'R', 'error', '', 'template: :1:2: executing "" at <eq>: wrong number of args for eq: want at least 1 got 0'),
    ('{{- ge -}}`$x{{- .Nope }}', 'R', '', '', 'template: :1:4: executing "" at <ge>: wrong number of args for ge: want 2 got 0'),
    ('{{ json $ 2 }}{{ gt}}{{ print | .Name }}{{range $i, $v := $x := .PtrMap}}{{ $x := `r` | gt "%d %s"}}{{continue}}{{end}}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('{{ .Sub.Aux }}{{ .Sub 0 | `r` urlquery | split 1 .List }}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ('a{{ not .Map.team .NetworkSettings.IPAddress | index | le len (and slice print and) .Ptr -}}{{- $x := .Map .Ptr | html | true}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 3'),
    ('{{ lower $x .Shout | .Iface.z}}{{range $i, $v := -1}}{{range $i, $v := .NetworkSettings.Networks}}{{slice | $x.Name ge | len}}\n{{ge ($x := (ge .Iface.z .))}}{{end}} {{ 1.5 | .Sub | .List}}{{end}}{{- $x := lower .Label -}}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('\tx y', 'R', '', '\tx y', ''),
    ('x y{{if gt $x.Name}}{{range $i, $v := (print 2 .NilPtr.Subnet | printf) | lower}}{{- len .Count (.Nums .E) .Iface}}{{{{end}}a{{ .}}{{end}}{{if $x := le .N 1e3 .Iface.z}}{{ html .PtrMap.b le -}}/*{{else if ge}}{{ . -}}{{pad .NetworkSettings.Networks false "%5.1f" -}}\n={{end}}{{- js .NilMap }}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ("{{ (.Nope) }} {{ $x := .Name .T | and 'x' }}{{ $.Name | le .Nums 1.5 (($x := len not $.Name | urlquery) .NilList | $x | $.Name) -}}", 'R', 'error', '', 'template: :1:4: executing "" at <.Nope>: map has no entry for key "Nope"'),
    ('{{ urlquery 2 false .T -}}\n{{- lt .Config.Cmd $x.Name }}{{ .NilPtr.Subnet }}', 'R', 'error', '', 'template: :2: undefined variable "$x"'),
    ('`{{le printf .Name .E }}', 'R', '', '`', 'template: :1:3: executing "" at <le>: wrong number of args for le: want 2 got 3'),
    ('{{- title .E | urlquery }}', 'R', 'error', '', 'template: :1:10: executing "" at <.E>: wrong type for value; expected string; got []interface {}'),
    ('{{- split "%5.1f" ($x := and -1 | print) 1.5}}', 'R', 'error', '', 'template: :1:4: executing "" at <split>: wrong number of args for split: want 2 got 3'),
    ('{{- not split ($x := .Iface.z) }}{{range false | .Label | 0}}{{if .Ptr $}}\n{{end}}{{else}}{{- index lt -}}{{.Label | .Iface.z }}{{with ne ne | .Nope | pad "%q"}}{{-{{end}}{{end}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 3'),
    ('{{if upper}}{{if $}}{{"%d %s" }}{{end}}{{- json .PtrMap .List }}{{if .Shout}}{{- printf }}}}#{{end}} {{end}}{{ (call 1.5 .Flag) | gt .Name -}}', 'R', '', '', 'template: :1:5: executing "" at <upper>: wrong number of args for upper: want 1 got 0'),
    ('{{- truncate nil | eq .F | 1.5 }}{{range or | ","}}é{{end}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 3'),
    ('{{ and (html .T .Subs) }}', 'R', '', 'true&lt;no value&gt;', ''),
    ('{{nil | 1e3}}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ("{{- $x := or .NilPtr | print -}}{{range $v := eq 'x' | .PtrMap.b}}{{range $i, $v := .Sub.Aux}}-}}{{'x' | eq | .Map -}}{{- ge not (2 .E) }}{{- .PtrMap.a.Subnet | ne .NilPtr.Subnet json -}}{{break}}{{end}}\n{{if 2}}{{.Ratio | print | js .Sub.Aux }}\n{{end}}{{break}}{{end}} ", 'R', 'error', '', 'template: :1:13: executing "" at <.NilPtr>: map has no entry for key "NilPtr"'),
    ('#', 'R', '', '#', ''),
    ('\n-`', 'R', '', '\n-`', ''),
    ('{{index (println .E .PtrMap .Name) .S (join .N 1 . | print) }}{{ $x}}', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('{{ .NilMap | .T -}}a-}}', 'R', '', '', 'template: :1:13: executing "" at <.T>: T is not a method but has arguments'),
    ('{{$x := and ("%v") $x.Name gt -}}{{split .E | (title 3 2) | index .Ptr.Subnet .Subs . -}}', 'R', '', '', 'template: :1:21: executing "" at <$x.Name>: undefined variable: $x'),
    ('{{- html -}}{{- false }}{{(printf $.Name | .Subs) }}{{range $v := or and 1e3}}{{.Config.Cmd}}\t{{with $x := lower .Config.Labels $.Name}}{{ .Iface -}}{{- le "%5.1f"}}{{slice false -}}}}{{end}}{{continue}}{{end}}', 'R', 'error', 'false', 'template: :1:43: executing "" at <.Subs>: Subs is not a method but has arguments'),
    ('{{le 1.5 ge}}', 'R', 'error', '', 'template: :1:9: executing "" at <ge>: wrong number of args for ge: want 2 got 0'),
    ('){{ truncate .Config.Labels .S | .Map.team | ge}}', 'R', 'error', ')', 'template: :1:20: executing "" at <.Config.Labels>: wrong type for value; expected string; got map[string]interface {}'),
    ('{{$x := .T ge | `r` }}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{if lt | urlquery | (title 1)}}{{(truncate "%v" and | html (js 1 ne) urlquery .F) | title | call }}{{$x := false -}} {{end}}{{$x := le (urlquery .Name .Flag html | .Nums) index 0x1F | html }}{{- .PtrMap.a.Subnet | println | .Config.Labels -}}', 'R', 'error', '', 'template: :1:5: executing "" at <lt>: wrong number of args for lt: want 2 got 0'),
    ('a{{ $x := 1e3 -}}x y', 'R', '', 'ax y', ''),
    ('{{if $x := join json $x gt}}{{- truncate `r` | pad .Label urlquery | index .NilMap `r` gt}}{{if not .Count .Ptr .Nope}}-}}{{ split le | .NetworkSettings.Networks.bridge.IPAMConfig | gt (and \'x\' | json | .Iface.z) }}{{else if title | print | print "%q" .Nums -1}} {{pad or lt | title .Subs | eq .Sub.Aux lt}}{{end}}{{end}} a', 'R', '', '', 'template: :1:11: executing "" at <join>: wrong number of args for join: want 2 got 3'),
    ('-}}{{split | $ (2 | html) | print "%q" 0x1F .NetworkSettings.Networks.bridge.IPAMConfig -}}{{ .S}}{{- .Subs -}}', 'R', '', '-}}', 'template: :1:5: executing "" at <split>: wrong number of args for split: want 2 got 0'),
    ('{{- $x := (true | 2) | js .PtrMap .NetworkSettings.IPAddress .Map.team | 1e3}})\n', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{range $i, $v := $ | index 3 .List}}{{$.Name}}{{and slice}}{{end}}{{- 0 | not .NilIf gt | .Iface.z -}}{{ $x := .PtrMap.b}}{{range split .N (join .Label .F | "%5.1f" | and .Sub.Aux .NetworkSettings.IPAddress) 2 | len | .Config.Labels}}{{ js .NilIf .NilPtr lower }}{{index | lower .E .List}}:={{range gt .Flag | join | $.Name}}\n{{end}}{{continue}}{{end}}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ('"', 'R', '', '"', ''),
    ('=\n', 'R', 'error', '=\n', ''),
    ('\t{{or .Config.Cmd $.Name }}', 'R', 'error', '\t[sh -c]', ''),
    ('\t', 'R', 'error', '\t', ''),
    ('{{ne | lt .T .Config.Env .NetworkSettings.Networks.bridge.IPAMConfig | "%v" }}{{- $x := $ -}} ', 'R', '', '', 'template: :1: non executable command in pipeline stage 3'),
    ('\n {{- .Nope }}{{ not $ | $x.Name }}', 'R', '', '', 'template: :2: undefined variable "$x"'),
    ('{{- .NetworkSettings.Networks | $.Name -}}{{- lt lt .NetworkSettings.Networks $ }}--}}', 'R', 'error', '', 'template: :1:33: executing "" at <$.Name>: Name is not a method but has arguments'),
    ('{{- $x .Sub.Aux }}{{range $v := . | .Label}}{{ .Config.Env | 2 -}}{{else}}x y {{ 3 | .Config.Labels | 1.5}}{{upper $.Name .PtrMap.a.Subnet | .NilPtr | not }}{{end}}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('{{range $i, $v := $x := urlquery (join | (js $.Name nil $y))}}{{ $x := js html $x}}{{- nil}}{{- truncate | .Label }}{{range $v := "a" truncate}}\n{{- html $.Name not}}{{end}}{{else}}{{ .Config.Env}}x y{{end}}\n\t{{- println .PtrMap.b }}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('{{"%v" }}{{end}}\t{{- .NilList .F -}}', 'R', '', '', 'template: :1: unexpected {{end}}'),
    ('{{range printf (1e3) | call $ len not | 2}}a{{- $x }}{{break}}{{end}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 3'),
    ('{{- slice -}}\n{{- slice .Nums len | .Sub -}}', 'R', '', '', 'template: :1:4: executing "" at <slice>: wrong number of args for slice: want at least 1 got 0'),
    ('a ', 'R', 'error', 'a ', ''),
    ('{{println false urlquery | len or}}{{- index }}{{range $v := js | join . | not "%d %s" .T}}{{"%v" }}{{ $x := ($x := (.N) | slice 3 .NilMap)}}{{break}}{{end}}\t', 'R', '', '', 'template: :1:27: executing "" at <len>: wrong number of args for len: want 1 got 2'),
    ('`{{with $x := split $x.Name}}{{ print .F .Config.Labels "%5.1f" -}}|{{.Count}}{{end}}{{- $x := split -}}{{range $i, $v := lt}}\n{{- len upper }}{{continue}}{{else}} \n{{end}}', 'R', 'error', '`', 'template: :1:14: executing "" at <split>: wrong number of args for split: want 2 got 1'),
    ('\nx y{{range join json (.NetworkSettings.Networks.bridge.IPAMConfig | .T | 2) | $y | $y}}{{ 1.5 | $y | .Config.Env -}}{{range $v := join (not | pad $y .Name ($x := true)) $x.Name or | index lower $x.Name | json (html .NilIf | println "a" true .Flag | ge .Shout (.Ptr | .Nope | split urlquery) .NilMap)}}\n\n{{ eq .Iface -}}{{ $x := .Iface.z | .N | "%5.1f" -}}{{else}}{{le "%5.1f" .PtrMap.b split}}\n{{end}}{{- .Ptr.Subnet nil}}{{end}}{{break}}{{end}}\n', 'R', 'error', '', 'template: :2: non executable command in pipeline stage 3'),
    ('{{$ | (($x := ",") | and) | print}} {{range $v := upper .F .NetworkSettings.IPAddress}} {{ html false | gt -}}{{end}}x y', 'R', '', '', 'template: :1:2: executing "" at <$>: can\'t give argument to non-function ($x := ",") | and'),
    ('{{with ne "%5.1f" `r` .}}{{ $x := "," | println .PtrMap.b .Iface.a printf | .PtrMap.b}}{{- slice 2 | eq .NilIf | or (.Iface) }}{{with .Ptr.Subnet}}{{- .NilList | gt }}{{else}}{{- gt | print nil .N not | ($x := "%q")}}\'{{end}}{{end}}{{range .Sub}}{{{{continue}}{{end}}a{{range $v := ","}}{{.Config.Labels | join js .List $ | 1}}{{range $i, $v := \'x\'}}\nx y{{continue}}{{end}} {{break}}{{end}}', 'R', 'error', '', 'template: :1: unexpected "{" in command'),
    ('{{range $v := join or .Ptr println}}-{{end}}{{if $x := lt}}{{pad pad 1e3 3 }}{{end}}{{- print split }} ', 'R', '', '', 'template: :1:14: executing "" at <join>: wrong number of args for join: want 2 got 3'),
    ('{{range 0}}{{title .S .PtrMap ($y) | (title .Name) -}}{{continue}}{{else}}x y\t{{end}}{{.NilList .NilPtr}}', 'R', 'error', '', 'template: :1: undefined variable "$y"'),
    ('{{- (not .Map .Nope | or index false ($x := $.Name)) }}={{- pad $.Name }}{{- and or | or .Nope .T -}}', 'R', 'error', '', 'template: :1:5: executing "" at <not>: wrong number of args for not: want 1 got 2'),
    ('{{with `r`}}{{- $x := le}}/*{{end}}x ya', 'R', 'error', '', 'template: :1:22: executing "" at <le>: wrong number of args for le: want 2 got 0'),
    ('{{range slice 1 | index $x .Ratio}}{{ $x.Name }}{{else}}{{ ne | le println "a" -}}{{if truncate | len ($x := title) | truncate `r` (split gt)}}{{ js "%d %s" .Sub .Sub.Aux }}{{else}}x y{{end}}{{end}}{{printf .Nope | pad "%v"}}{{.E}}{{ "a" $}}', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('{{- (lower .F .Sub.Aux $y)}}{{- println (call) -1 0x1F}}', 'R', '', '', 'template: :1: undefined variable "$y"'),
    (' {{- .Map}}{{range $i, $v := lower (split gt 2 | split)}}{{ $x := .Sub}}{{range $v := false}}|é{{else}}é{{end}}\n{{- or "a" $x.Name -}}{{continue}}{{else}}{{ne | 3 -}}{{range $i, $v := 1e3}}{{- ge .Config.Labels (js html (.PtrMap.a.Subnet | and false 0 .NetworkSettings.IPAddress)) }}{{end}}={{end}}{{- ge }}', 'R', '', '', 'template: :2: non executable command in pipeline stage 2'),
    ('{{range $v := $ | lt "%5.1f" .T | .Map.team ","}}{{- html truncate 1e3 .T}}{{- gt $y "%v" .NetworkSettings.IPAddress }}{{range print | .Config.Labels | or js (nil .Count) $}}#{{- print $ }} ={{break}}{{end}}{{end}}', 'R', 'error', '', 'template: :1: undefined variable "$y"'),
    ('{{$x := call .Sub}}{{- {{ title or $x.Name 0x1F }}', 'R', '', '', 'template: :1: unexpected "{" in command'),
    ('"{{range $v := $x := call $y}}{{eq }}{{with false | lower | ge .Iface.a}}{{- split 0 .PtrMap}}$x{{end}}{{end}}', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('{{$x := "%q" | $x -}}', 'R', 'error', '', 'template: :1:15: executing "" at <$x>: undefined variable: $x'),
    ('{{ne $.Name .Count}}x y{{- $x := split "%d %s" (println | false .NetworkSettings.Networks) "%d %s" | split "%d %s" .Iface.a (eq $.Name 1e3 "%v") }}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('.{{if ge .NilMap .PtrMap ","}} {{end}}\n', 'R', '', '.', 'template: :1:6: executing "" at <ge>: wrong number of args for ge: want 2 got 3'),
    ('{{- 0 }}{{ printf | 1e3 | (not | .List printf | pad .NetworkSettings.Networks)}})/*', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ('\n{{print (.Shout) .T .Name}}x y{{ .Count }}', 'R', '', '\n<nil> true/webx y<no value>', ''),
    ('\n', 'R', 'error', '\n', ''),
    ('{{range $v := index}}{{not $ $ .Sub }}{{range lower 1e3 | "a" | gt .Sub.Aux .NetworkSettings.IPAddress}}{{ le .NilPtr not truncate | ge $.Name | html index (lower . (.Subs) .PtrMap) ge }}.{{ .Ptr | split }}{{break}}{{end}}a({{end}}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{- print .NilList -1 $x | call -}} {{range not}}é{{.NilPtr.Subnet | "%5.1f" | "%v"}} x y{{end}}\n', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('}}{{ -1 | .PtrMap.a.Subnet | len -}}{{1 .List -}}', 'R', '', '}}', 'template: :1:29: executing "" at <len>: error calling len: reflect: call of reflect.Value.Type on zero Value'),
    ('{{- js -}}{{lt .NetworkSettings.Networks | .Iface -}}{{ "," -}}{{range $i, $v := join .Iface.z 0 .NetworkSettings.Networks.bridge.IPAMConfig}}a{{ .N}}{{continue}}{{end}}', 'R', 'error', '', 'template: :1:12: executing "" at <lt>: wrong number of args for lt: want 2 got 1'),
    ('{{with lower (print "%5.1f" title) $ $x | println}}-}} {{end}}\t', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('{{false | and .Iface "%v" .NilPtr.Subnet | urlquery}}\t{{- .Nums}}{{if $x := truncate .Map.team}}{{ urlquery .S }} {{end}}', 'R', 'error', '', 'template: :1:14: executing "" at <.Iface>: map has no entry for key "Iface"'),
    ('é{{lower -}}', 'R', '', 'é', 'template: :1:4: executing "" at <lower>: wrong number of args for lower: want 1 got 0'),
    ('{{- json .NetworkSettings.Networks.bridge.IPAMConfig .Ptr | slice printf true }}{{{{ upper}}', 'R', '', '', 'template: :1: unexpected "{" in command'),
    ('a', 'R', '', 'a', ''),
    ('{{ print .NilIf .PtrMap.b }}{{if nil}}{{ .NetworkSettings.Networks | not .Config.Labels $y | json ge .Label}}{{end}}{{range $x := ge}} {{continue}}{{end}}', 'R', 'error', '', 'template: :1: undefined variable "$y"'),
    ('{{- "%q" }}{{or | true}}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    (',', 'R', 'error', ',', ''),
    ('{{if html}}{{- printf 0 split $x}}{{- upper | lt $y | .NilIf -}}{{end}}{{if print 0x1F .NilMap "%v"}}{{- lower 0 .Iface.a .NetworkSettings.Networks.bridge.IPAMConfig }}{{ le | $x | $ }}{{end}}{{range printf}} {{else}}{{ 1}}{{- printf ($x := index .Map $y lt) .Ptr \'x\'}}{{range $v := truncate | index}}\n.{{else}}{{continue}}{{end}}{{end}}{{js .Ratio}}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ("{{. | .Subs | print}}{{.Sub.Aux | 'x' | not .E .PtrMap.a.Subnet .NilIf}} ", 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{- .Iface.z .PtrMap.b}}{{ .Map.team | json $ }}x y', 'R', 'error', '', 'template: :1:10: executing "" at <.Iface.z>: map has no entry for key "Iface"'),
    ('{{- lt "%5.1f" $ "," | 0x1F}}{{.NilPtr }}\n{{.PtrMap.b }}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{join }}{{2 }}{{- .NetworkSettings.IPAddress | urlquery .F .PtrMap.a.Subnet .Config.Cmd | .NilPtr -}}{{range $i, $v := split}}\n{{continue}}{{end}}', 'R', '', '', 'template: :1:2: executing "" at <join>: wrong number of args for join: want 2 got 0'),
    ('{{json -}}', 'R', '', '', 'template: :1:2: executing "" at <json>: wrong number of args for json: want 1 got 0'),
    ('{{- len -}} {{range $v := .Ptr.Subnet | js $.Name false | .Sub.Aux}}{{- gt .Name }}{{with title | ne 1e3 -1 .NetworkSettings.Networks.bridge.IPAMConfig | .Shout}}{{$ | .NilIf | .NilList }}:="\'{{end}}{{- split .PtrMap.a.Subnet | 0x1F}}{{else}}{{pad -}}{{- `r` -}}{{end}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('|', 'R', 'error', '|', ''),
    ('{{range $v := .}}{{range gt .T}}*/{{end}}-{{- "," | .Config.Cmd | .T }}{{end}}', 'R', 'error', '', 'template: :1:25: executing "" at <gt>: wrong number of args for gt: want 2 got 1'),
    ('{{- call .F index -}}{{len .T | ne .NetworkSettings.Networks.bridge.IPAMConfig .Config.Labels .Config.Cmd | gt }}{{- or | ge }}', 'R', '', '', 'template: :1:12: executing "" at <index>: wrong number of args for index: want at least 1 got 0'),
    ('`{{ and printf $.Name | .Map.team | call `r` }}{{ println}}{{range $v := (.PtrMap) | .Nope}}a{{lower .PtrMap | html "%v" | "%v"}}{{continue}}{{else}}{{- and | index .Map "%5.1f" | (3 | 0x1F)}}{{end}}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 3'),
    ('{{- "%v"}}\t\'', 'R', '', "%v\t'", ''),
    ('{{$x := true | nil -}}{{if ne}}{{- $x := json lt }}{{else}}{{ `r` }}\n{{range $i, $v := 1e3}}{{split | .Iface.a $y | true -}}{{ html 1.5 | split | $ }}{{ .Config.Cmd }}{{continue}}{{end}}{{ eq | "%v" | .Nope}}{{end}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{ . | html | println (upper) .NilPtr.Subnet nil -}}{{- println | false | println .Flag "%q" -}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{range split true .S .Sub}} {{break}}{{else}}#{{end}}{{ lower .NilList | "%5.1f" -}}{{range $v := $x.Name}}{{ $x := lt "," .Label .Map | index upper -}}{{range $v := "%5.1f"}}`:={{- .NilPtr | .PtrMap.a.Subnet -}}{{end}}{{- title .T | println | lower .Iface.z .List -}}{{println -}}{{break}}{{end}}{{ $x := .T}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('\t\n', 'R', 'error', '\t\n', ''),
    ("{{with js js `r`}}{{range $i, $v := .Iface.z}}{{ title .Count -}}{{end}}{{end}}{{range $v := or len $ | ($x := true) | slice}}\t\t'{{end}}{{ join json -}}{{end}}{{if $x := ($x := eq | call 'x' nil .Nope) | 'x' | index}}.{{with split .Count}}{{-/*{{end}}{{end}}{{ ne}}{{ $x := urlquery .Flag -}}", 'R', 'error', '', 'template: :1: unexpected {{end}}'),
    ('a{{ ne 0x1F .Map .N -}}', 'R', '', 'a', 'template: :1:4: executing "" at <ne>: wrong number of args for ne: want 2 got 3'),
    ('{{ pad }} {{title js }}', 'R', 'error', '', 'template: :1:3: executing "" at <pad>: wrong number of args for pad: want 3 got 0'),
    ('{{printf "a" }}{{- .NilPtr.Subnet | true}}{{end}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{range $i, $v := truncate}}{{.Map.team | not $x -}}\n{{- len $ -}}#{{continue}}{{else}}{{range 1e3 | truncate .Label json | .NilIf}} {{- (urlquery $x.Name | print len -1)}}{{continue}}{{end}}{{range $i, $v := urlquery .NilPtr.Subnet}}{{{{title }}#{{- ge 0x1F .PtrMap.a.Subnet -}}{{else}}\t{{index }}{{end}}a\n{{end}}{{.Iface.a -}}{{if .Sub | eq .Ratio | and 1.5 -1}}{{{{end}}{{1e3 -}}', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('{{range .}}{{- json 0x1F .Sub.Aux 1.5 -}}{{else}}aa{{.NilIf -}}{{$x := println }}{{end}}{{ title (.Config.Labels | $ le) -}}{{if .Iface.z}}{{end}}{{3 | $y | js }}/*{{range $i, $v := le .Iface $ ($x := .PtrMap.a.Subnet) | print}}x y){{end}}{{end}}{{', 'R', 'error', '', 'template: :1: undefined variable "$y"'),
    ('{{ .Config.Cmd -}}', 'R', '', '[sh -c]', ''),
    ('`', 'R', 'error', '`', ''),
    ('{{if 1 | join ne `r`}}{{if .Shout}}{{ $x := .Config.Cmd | ne println .Name true | lower .List .Map .Map.team }}{{-{{else}}={{end}}{{range $i, $v := len .Shout and html}}{{- .Count}}{{- pad -}}{{-{{- nil | (.NilIf (.Map.team | .PtrMap.a.Subnet | and .Ptr $.Name) | le .NilPtr .Subs) | .S -}}{{end}}{{end}}a\n', 'R', 'error', '', 'template: :1: illegal number syntax: "-"'),
    ('{{nil | .Map}}{{range not}}{{{{break}}{{end}}\n', 'R', '', '', 'template: :1: unexpected "{" in command'),
    ('x y{{- title len .Iface.a}} ', 'R', 'error', 'x y', 'template: :1:7: executing "" at <title>: wrong number of args for title: want 1 got 2'),
    ('ax y{{(lt $y .NilIf (.Config.Cmd)) ge | print | join slice "a"}}', 'R', 'error', '', 'template: :1: undefined variable "$y"'),
    ('{{ "%5.1f" | .Count -}}', 'R', '', '', 'template: :1:13: executing "" at <.Count>: Count is not a method but has arguments'),
    ('{{- "," | lower "%d %s" $x}}{{ .T }}{{- title }}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('x y{{ html | "%q" | upper urlquery call lt -}}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ('x y{{if .Subs}}{{$x := false -}}{{with $x := "," | .Iface.z}}{{$x := (len) | index "," | .PtrMap.b}}x y$x{{ .PtrMap}}{{end}}}}{{end}}{{. }}', 'R', '', 'x ymap[Config:map[Cmd:[sh -c] Env:<nil> Labels:map[a:1 b:2]] E:[] F:2.5 N:5 Name:/web NetworkSettings:map[IPAddress:172.17.0.2 Networks:map[bridge:map[Aliases:<nil> IPAMConfig:<nil> IPAddress:172.17.0.2]]] S:x y T:true]', ''),
    ('\t', 'R', 'error', '\t', ''),
    ('{{range $v := truncate}}({{- false $x | lt .Ratio $.Name}}{{break}}{{end}}{{range $i, $v := .N}}{{- .F -}}{{ "a" | .List -}}{{ call .Sub .Subs "," -}}{{break}}{{end}}x y{{urlquery }}', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('{{ .Map -}}{{.NilMap }}', 'R', 'error', '', 'template: :1:3: executing "" at <.Map>: map has no entry for key "Map"'),
    ('{{range .Map}}{{- js lower 3 -}}-{{ "a" | 1.5 }}"{{break}}{{end}}={{with le .List .NilList .N}}{{- $x := pad .Shout "%v" | nil | urlquery (lt) .PtrMap }}{{if (pad true)}}{{ $x | .NetworkSettings.IPAddress | println false}}{{slice . $ .PtrMap.b -}}-}}{{- . -}}{{end}}\n{{end}}', 'R', '', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{- $.Name }}\n{{ 0x1F .PtrMap.a.Subnet -}}', 'R', '', '/web\n', 'template: :2:3: executing "" at <0x1F>: can\'t give argument to non-function 0x1F'),
    ('{{-', 'R', 'error', '', 'template: :1: illegal number syntax: "-"'),
    ('{{- .Iface.a | lt | join js \'x\' $x.Name -}}{{ "%d %s"}}', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('{{- json | "%d %s"}}{{ or .N .List .List}}\t{{ $y | .Subs -}}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{- .Subs}}', 'R', 'error', '', 'template: :1:4: executing "" at <.Subs>: map has no entry for key "Subs"'),
    (' {{- $ -}}a', 'R', '', 'map[Config:map[Cmd:[sh -c] Env:<nil> Labels:map[a:1 b:2]] E:[] F:2.5 N:5 Name:/web NetworkSettings:map[IPAddress:172.17.0.2 Networks:map[bridge:map[Aliases:<nil> IPAMConfig:<nil> IPAddress:172.17.0.2]]] S:x y T:true]a', ''),
    ('x y{{ print $x "%5.1f" and | ($x := .Config.Cmd)}}{{if js}}{{ $.Name}}{{range $i, $v := .Sub}}\t{{end}}{{- .Map.team}}|{{else if lower | 3}}{{ print .Count .PtrMap .Iface.a}}x y{{range nil | .T | le .Label}}{{- 2 -}}{{ "%v" | gt .NilList .Sub.Aux (nil) }} {{end}}{{html | println .Sub (.Sub | 0x1F)}}{{end}}{{- json }}', 'R', '', '', 'template: :1: undefined variable "$x"'),
    ("{{with (js) | .Map.team}}{{printf -}}.{{if .Iface}}#{{else if .F}}'{{end}}{{-{{end}}:=", 'R', 'error', '', 'template: :1: illegal number syntax: "-"'),
    ('a{{ $x := html 1.5 }}.', 'R', 'error', 'a.', ''),
    ('{{ .Ptr.Subnet -}}', 'R', '', '<no value>', ''),
    ('{{ .Ratio}}:=', 'R', 'error', '', 'template: :1:3: executing "" at <.Ratio>: map has no entry for key "Ratio"'),
    ('{{ $x := $y | or .F .N | print .Ptr -}}\n', 'R', 'error', '', 'template: :1: undefined variable "$y"'),
    (' {{range $v := .Iface}}{{.Sub -}}\t*/{{continue}}{{end}}', 'R', 'error', ' ', 'template: :1:15: executing "" at <.Iface>: map has no entry for key "Iface"'),
    ('{{range $i, $v := $x := (.NetworkSettings.IPAddress)}}\nx y){{with $x := "%q"}}/*{{- $x := split -}}{{ne 3 (title .Iface.a .PtrMap (.Name)) `r`}}{{end}}{{continue}}{{end}}`{{- len}}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('{{ .T}}{{ call .Iface.a .Shout | ($x := .Nope) }}', 'R', 'error', 'true', 'template: :1:21: executing "" at <.Iface.a>: map has no entry for key "Iface"'),
    ('é"{{ 0 "%v" -}}', 'R', 'error', 'é"', 'template: :1:6: executing "" at <0>: can\'t give argument to non-function 0'),
    ('{{$x := lt .Iface $ .Iface}} ', 'R', 'error', '', 'template: :1:8: executing "" at <lt>: wrong number of args for lt: want 2 got 3'),
    ('a{{.Ratio | `r` | split -}}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{ ge .NetworkSettings.Networks.bridge.IPAMConfig or | urlquery -}}', 'R', '', '', 'template: :1:50: executing "" at <or>: wrong number of args for or: want at least 1 got 0'),
    (" ={{range $v := $x := js | .Iface | eq $ 'x'}}\n{{continue}}{{else}}{{.Count | json lt 0x1F .F | lt .Sub .Iface.a 'x' -}}{{-{{json .NetworkSettings.IPAddress .Shout .Subs | 'x' | le (join | split ($x := upper .NilPtr split len | join | .NetworkSettings.Networks false) 0)}}{{end}}", 'R', '', '', 'template: :1: undefined variable "$x"'),
    ('\t', 'R', 'error', '\t', ''),
    ('$x{{else}}x y', 'R', '', '', 'template: :1: unexpected {{else}}'),
    ('{{urlquery }}', 'R', 'error', '', ''),
    ('{{ not nil true -}}', 'R', 'error', '', 'template: :1:3: executing "" at <not>: wrong number of args for not: want 1 got 2'),
    ('$x\n', 'R', '', '$x\n', ''),
    ('{{range $v := json false .Name | .Label | lower .Map.team 0 .NetworkSettings.IPAddress}}{{- \'x\' | `r` | "%q" }}*/{{ 0x1F}}{{with $x := .List | \'x\'}}{{lt eq $.Name | 1e3}}{{else}}{{else}}{{ .NilMap -}}{{ eq -}}{{join -}}*/{{end}}{{end}}{{ $x := ne .NetworkSettings.Networks.bridge.IPAMConfig .Config.Labels }}{{ slice -}}', 'R', 'error', '', 'template: :1: non executable command in pipeline stage 2'),
    ('{{range $v := not}}{{range $v := $x := "a" | json 2}}|."{{ .Config.Env }}{{break}}{{else}}{{ ($x := index $x.Name | $.Name | (print .Count $x.Name "%5.1f" | ne | println $x.Name nil)) }}a={{{{end}}{{end}}{{if index}} x y{{end}}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('{{range $v := lower $.Name $.Name 1.5}}a\t{{break}}{{else}}a{{end}}:={{- .Config.Cmd lt | and $x (lower .Name) $y | or 2 -}}{{ and "%5.1f" (html "%q" 3) 0}}', 'R', 'error', '', 'template: :1: undefined variable "$x"'),
    ('{{- (print true) }}', 'R', 'error', 'true', ''),
    ('{{printf "|" nil .S}}', 'R2', '', '|%!(EXTRA <nil>, string=héllo "w"\n)', ''),
    ('{{printf "%0*.*c|%#8T" false 0.1 1000000.0}}', 'R2', '', '%!(BADWIDTH)%!(BADPREC)%!c(float64=1e+06)|%!T(MISSING)', ''),
    ('{{printf "%*T" 1e21 -0.000012345 -7}}', 'R2', '', '%!(BADWIDTH)float64%!(EXTRA int=-7)', ''),
    ('{{printf "x%3Gx" -7}}', 'R2', '', 'x%!G(int= -7)x', ''),
    ('{{printf "|" true .Z 0}}', 'R2', '', '|%!(EXTRA bool=true, <nil>, int=0)', ''),
    ('{{printf "|% 3.*x% 3x" 255 1000000.0 100000.0 .S}}', 'R2', '', '| 0x1.e84800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000p+19 0x1.86ap+16%!(EXTRA string=héllo "w"\n)', ''),
    ('{{printf "x% 3.0E%8.5g|" }}', 'R2', '', 'x%!E(MISSING)%!g(MISSING)|', ''),
    ('{{printf "% +*.2v" nil}}', 'R2', '', '%!(BADWIDTH)%!v(MISSING)', ''),
    ('{{printf "|" }}', 'R2', '', '|', ''),
    ('{{printf "%%|%*.5s" .L}}', 'R2', '', '%|%!(BADWIDTH)%!s(MISSING)', ''),
    ('{{printf "|%+8o%*.0Xx" 255 1.0}}', 'R2', '', '|    +377%!(BADWIDTH)%!X(MISSING)x', ''),
    ('{{printf "|%.*X%-8u" "abc"}}', 'R2', '', '|%!(BADPREC)%!X(MISSING)%!u(MISSING)', ''),
    ('{{printf "% *.2t%*.5x% *.*b" .Z}}', 'R2', '', '%!(BADWIDTH)%!t(MISSING)%!(BADWIDTH)%!x(MISSING)%!(BADWIDTH)%!(BADPREC)%!b(MISSING)', ''),
    ('{{printf "%8t%+o" -0.000012345 nil -1}}', 'R2', '', '%!t(float64=-1.2345e-05)%!o(<nil>)%!(EXTRA int=-1)', ''),
    ('{{printf "%.2o|" }}', 'R2', '', '%!o(MISSING)|', ''),
    ('{{printf "%003.0G" .L 3.14159 false 1e20}}', 'R2', '', '[%!G(string=000) %!G(json.Number=000) %!G(json.Number=000) <nil> %!G(bool=true) map[%!G(string=000):%!G(string=000)]]%!(EXTRA float64=3.14159, bool=false, float64=1e+20)', ''),
    ('{{printf "%+.5X%#8.5xx" .N}}', 'R2', '', '35%!x(MISSING)x', ''),
    ('{{printf "|%#.*gx" }}', 'R2', '', '|%!(BADPREC)%!g(MISSING)x', ''),
    ('{{printf "x%0-*.*v%+3G%#+.*G" "héllo"}}', 'R2', '', 'x%!(BADWIDTH)%!(BADPREC)%!v(MISSING)%!G(MISSING)%!(BADPREC)%!G(MISSING)', ''),
    ('{{printf "|||" 0.1}}', 'R2', '', '|||%!(EXTRA float64=0.1)', ''),
    ('{{printf "%-3.*t" nil 0}}', 'R2', '', '%!(BADPREC)%!t(int=0  )', ''),
    ('{{printf "% X%08o" }}', 'R2', '', '%!X(MISSING)%!o(MISSING)', ''),
    ('{{printf "|%  8d|x" 0 .L -0.000012345}}', 'R2', '', '|       0|x%!(EXTRA []interface {}=[a 1 2.5 <nil> true map[k:v]], float64=-1.2345e-05)', ''),
    ('{{printf "|%8d|" 100000.0 .L 123456789.0 0}}', 'R2', '', '|%!d(float64=  100000)|%!(EXTRA []interface {}=[a 1 2.5 <nil> true map[k:v]], float64=1.23456789e+08, int=0)', ''),
    ('{{printf "x" false}}', 'R2', '', 'x%!(EXTRA bool=false)', ''),
    ('{{printf "x" }}', 'R2', '', 'x', ''),
    ('{{printf "%0+8.*s||" 1e20 1 0.1 123456789.0}}', 'R2', '', '%!(BADPREC)%!s(int=+0000001)||%!(EXTRA float64=0.1, float64=1.23456789e+08)', ''),
    ('{{printf "xx%-3.5U" }}', 'R2', '', 'xx%!U(MISSING)', ''),
    ('{{printf "%*.G% f" .M 0.1 "abc"}}', 'R2', '', '%!(BADWIDTH)0.1%!f(string=abc)', ''),
    ('{{printf "x" true .L}}', 'R2', '', 'x%!(EXTRA bool=true, []interface {}=[a 1 2.5 <nil> true map[k:v]])', ''),
    ('{{printf "%8.2x%+3.c%*.v" 1 0x7fffffffffffffff -1}}', 'R2', '', '      01  �%!v(MISSING)', ''),
    ('{{printf "x|" .E}}', 'R2', '', 'x|%!(EXTRA string=)', ''),
    ('{{printf "%0.0u" "" .E 100000.0 "abc"}}', 'R2', '', '%!u(string=)%!(EXTRA string=, float64=100000, string=abc)', ''),
    ('{{printf "x" }}', 'R2', '', 'x', ''),
    ('{{printf "|x" 1000000.0 -0.000012345 .Z 1.0}}', 'R2', '', '|x%!(EXTRA float64=1e+06, float64=-1.2345e-05, <nil>, float64=1)', ''),
    ('{{printf "%-.2Ux" -0.000012345 -1 .N}}', 'R2', '', '%!U(float64=-1.2e-05)x%!(EXTRA int=-1, json.Number=5)', ''),
    ('{{printf "|||%*.2%" }}', 'R2', '', '|||%!(BADWIDTH)%', ''),
    ('{{printf "x%+#ex" }}', 'R2', '', 'x%!e(MISSING)x', ''),
    ('{{printf "x|" 1e20 1e20}}', 'R2', '', 'x|%!(EXTRA float64=1e+20, float64=1e+20)', ''),
    ('{{printf "||" "héllo"}}', 'R2', '', '||%!(EXTRA string=héllo)', ''),
    ('{{printf "%*sxx%8v" 1}}', 'R2', '', '%!s(MISSING)xx%!v(MISSING)', ''),
    ('{{printf "|" -0.000012345}}', 'R2', '', '|%!(EXTRA float64=-1.2345e-05)', ''),
    ('{{printf "%-*.5x%+0*q" 1e20 .N 1.0 0}}', 'R2', '', "%!(BADWIDTH)35%!(BADWIDTH)'\\x00'", ''),
    ('{{printf "|" }}', 'R2', '', '|', ''),
    ('{{printf "|%-x%3.*u" 0.1 1e20 255 100000.0}}', 'R2', '', '|0x1.999999999999ap-04%!(BADPREC)%!u(int=255)%!(EXTRA float64=100000)', ''),
    ('{{printf "x|x|" 3.14159}}', 'R2', '', 'x|x|%!(EXTRA float64=3.14159)', ''),
    ('{{printf "|%-o" }}', 'R2', '', '|%!o(MISSING)', ''),
    ('{{printf "xx" false "héllo" 100000.0}}', 'R2', '', 'xx%!(EXTRA bool=false, string=héllo, float64=100000)', ''),
    ('{{printf "x|%3.0ox" }}', 'R2', '', 'x|%!o(MISSING)x', ''),
    ('{{printf "x%+3.*fx%q" }}', 'R2', '', 'x%!(BADPREC)%!f(MISSING)x%!q(MISSING)', ''),
    ('{{printf "%#8.5u|" 2.5e-5 1 0 -1}}', 'R2', '', '%!u(float64=2.5000e-05)|%!(EXTRA int=1, int=0, int=-1)', ''),
    ('{{printf "% 08.0c%#.E" }}', 'R2', '', '%!c(MISSING)%!E(MISSING)', ''),
    ('{{printf "|x" 1 1e21 true}}', 'R2', '', '|x%!(EXTRA int=1, float64=1e+21, bool=true)', ''),
    ('{{printf "%*.2e%3.d%+8X" 0 123456789.0}}', 'R2', '', '1.23e+08%!d(MISSING)%!X(MISSING)', ''),
    ('{{printf "|%.5bx|" }}', 'R2', '', '|%!b(MISSING)x|', ''),
    ('{{printf "%3.2U%*.5q" false .M 1 3.14159}}', 'R2', '', "%!U(bool=false)%!(BADWIDTH)'\\x01'%!(EXTRA float64=3.14159)", ''),
    ('{{printf "%8.*vx|x" "abc" -7 true .Z}}', 'R2', '', '%!(BADPREC)      -7x|x%!(EXTRA bool=true, <nil>)', ''),
    ('{{printf "|x%.s" "héllo" 1e21 true -0.000012345}}', 'R2', '', '|x%!(EXTRA float64=1e+21, bool=true, float64=-1.2345e-05)', ''),
    ('{{printf "%#.q" }}', 'R2', '', '%!q(MISSING)', ''),
    ('{{printf "%*.2s|" 100000.0}}', 'R2', '', '%!(BADWIDTH)%!s(MISSING)|', ''),
    ('{{printf "||%-3.ux" .S .N 1000000.0}}', 'R2', '', '||%!u(string=   )x%!(EXTRA json.Number=5, float64=1e+06)', ''),
    ('{{printf "x%0-8.0%" }}', 'R2', '', 'x%', ''),
    ('{{printf "|||x" 255 3.14159 1000000.0}}', 'R2', '', '|||x%!(EXTRA int=255, float64=3.14159, float64=1e+06)', ''),
    ('{{printf "xx" 1000000.0 .Z}}', 'R2', '', 'xx%!(EXTRA float64=1e+06, <nil>)', ''),
    ('{{printf "x" }}', 'R2', '', 'x', ''),
    ('{{printf "% -8.5u" .Z -0.000012345 1e20 \'x\'}}', 'R2', '', '%!u(<nil>)%!(EXTRA float64=-1.2345e-05, float64=1e+20, int=120)', ''),
    ('{{printf "%03qx%q|" }}', 'R2', '', '%!q(MISSING)x%!q(MISSING)|', ''),
    ('{{printf "%-8.oxx" -7 2.5e-5}}', 'R2', '', '-7      xx%!(EXTRA float64=2.5e-05)', ''),
    ('{{printf "|" false}}', 'R2', '', '|%!(EXTRA bool=false)', ''),
    ('{{printf "|%3.5q%-.0t|" 2.5e-5}}', 'R2', '', '|%!q(float64=2.5e-05)%!t(MISSING)|', ''),
    ('{{printf "|xx% #.0t" 0}}', 'R2', '', '|xx%!t(int=)', ''),
    ('{{printf "%03.2d%3.0v|" 0x7fffffffffffffff nil .Nope}}', 'R2', '', '9223372036854775807<nil>|%!(EXTRA <nil>)', ''),
    ('{{printf "%0vx%3.2bx" 1e20}}', 'R2', '', '1e+20x%!b(MISSING)x', ''),
    ('{{printf "%#-3E%0%" }}', 'R2', '', '%!E(MISSING)%', ''),
    ('{{printf "xx%-+8d%+#%" 1.0 1e20}}', 'R2', '', 'xx%!d(float64=+1      )%%!(EXTRA float64=1e+20)', ''),
    ('{{printf "%8.0f%+.vxx" "abc" 3.14159 -7 2.5e-5}}', 'R2', '', '%!f(string=        )3xx%!(EXTRA int=-7, float64=2.5e-05)', ''),
    ('{{printf "||x" 0 false}}', 'R2', '', '||x%!(EXTRA int=0, bool=false)', ''),
    ('{{printf "%.0d% f" 1e21 "abc" 1e21}}', 'R2', '', '%!d(float64=1e+21)%!f(string=abc)%!(EXTRA float64=1e+21)', ''),
    ('{{printf "% 0*.5U%x" false 0.1}}', 'R2', '', '%!(BADWIDTH)%!U(float64= 0.1)%!x(MISSING)', ''),
    ('{{printf "xx" -0.000012345 true true}}', 'R2', '', 'xx%!(EXTRA float64=-1.2345e-05, bool=true, bool=true)', ''),
    ('{{printf "xx" }}', 'R2', '', 'xx', ''),
    ('{{printf "|xx%+08.5d" -1 -7 2.5e-5}}', 'R2', '', '|xx  -00001%!(EXTRA int=-7, float64=2.5e-05)', ''),
    ('{{printf "%-8s|%3dx" "abc" "" "héllo"}}', 'R2', '', 'abc     |%!d(string=   )x%!(EXTRA string=héllo)', ''),
    ('{{printf "x%003.2t||" 2.5e-5 -1 .Z}}', 'R2', '', 'x%!t(float64=2.5e-05)||%!(EXTRA int=-1, <nil>)', ''),
    ('{{printf "%0X%-.d" "" true .S 2.5e-5}}', 'R2', '', '%!d(bool=true)%!(EXTRA string=héllo "w"\n, float64=2.5e-05)', ''),
    ('{{printf "x%+03s" "héllo"}}', 'R2', '', 'xhéllo', ''),
    ('{{printf "%%x% -8.2s%#3o" }}', 'R2', '', '%x%!s(MISSING)%!o(MISSING)', ''),
    ('{{printf "%*%%8.0v%*.T" }}', 'R2', '', '%!(BADWIDTH)%%!v(MISSING)%!(BADWIDTH)%!T(MISSING)', ''),
    ('{{printf "x" -0.000012345 .L "héllo"}}', 'R2', '', 'x%!(EXTRA float64=-1.2345e-05, []interface {}=[a 1 2.5 <nil> true map[k:v]], string=héllo)', ''),
    ('{{printf "%*.*q%#*.0q" 0x7fffffffffffffff -1}}', 'R2', '', '%!(BADWIDTH)%!(BADPREC)%!q(MISSING)%!(BADWIDTH)%!q(MISSING)', ''),
    ('{{printf "|" }}', 'R2', '', '|', ''),
    ('{{printf "%8.*T" 1e21 .Z .E 100000.0}}', 'R2', '', '%!(BADPREC)   <nil>%!(EXTRA string=, float64=100000)', ''),
    ('{{printf "%8v|% .5v" .Nope 0x7fffffffffffffff}}', 'R2', '', '   <nil>| 9223372036854775807', ''),
    ('{{printf "%-*.0E%+3.ex%.5b" 0.1 .E .Nope}}', 'R2', '', '%!(BADWIDTH)%!E(string=)%!e(<nil>)x%!b(MISSING)', ''),
    ('{{printf "x%*.2g||" .Z 255 "abc" false}}', 'R2', '', 'x%!(BADWIDTH)%!g(int=255)||%!(EXTRA string=abc, bool=false)', ''),
    ('{{printf "x% *.u%#-t" .Nope .Z 100000.0}}', 'R2', '', 'x%!(BADWIDTH)%!u(<nil>)%!t(float64=100000.)', ''),
    ('{{printf "|" ""}}', 'R2', '', '|%!(EXTRA string=)', ''),
    ('{{printf "xx" 1.0 nil nil 1}}', 'R2', '', 'xx%!(EXTRA float64=1, <nil>, <nil>, int=1)', ''),
    ('{{printf "%3.bxx%0.2d" }}', 'R2', '', '%!b(MISSING)xx%!d(MISSING)', ''),
    ('{{printf "%+ 8.5G" 123456789.0 .M .L 123456789.0}}', 'R2', '', '+1.2346E+08%!(EXTRA map[string]interface {}=map[a:[1 2] b:1], []interface {}=[a 1 2.5 <nil> true map[k:v]], float64=1.23456789e+08)', ''),
    ('{{printf "%*t" .N}}', 'R2', '', '%!(BADWIDTH)%!t(MISSING)', ''),
    ('{{printf "||x" .Nope 2.5e-5 .L}}', 'R2', '', '||x%!(EXTRA <nil>, float64=2.5e-05, []interface {}=[a 1 2.5 <nil> true map[k:v]])', ''),
    ('{{printf "|x|" .L "héllo"}}', 'R2', '', '|x|%!(EXTRA []interface {}=[a 1 2.5 <nil> true map[k:v]], string=héllo)', ''),
    ('{{printf "|x" .M 1e21 .E 1e21}}', 'R2', '', '|x%!(EXTRA map[string]interface {}=map[a:[1 2] b:1], float64=1e+21, string=, float64=1e+21)', ''),
    ('{{printf "x%++*.*e|" .N -7}}', 'R2', '', 'x%!(BADWIDTH)%!(BADPREC)%!e(MISSING)|', ''),
    ('{{printf "x%v" 3.14159}}', 'R2', '', 'x3.14159', ''),
    ('{{printf "%+8.0s%-.0u" }}', 'R2', '', '%!s(MISSING)%!u(MISSING)', ''),
    ('{{printf "%8.5vx%+8X|" "héllo" 3.14159}}', 'R2', '', '   héllox+0X1.921F9F01B866EP+01|', ''),
    ('{{printf "%-3.5o" 1.0 .L .L -7}}', 'R2', '', '%!o(float64=1  )%!(EXTRA []interface {}=[a 1 2.5 <nil> true map[k:v]], []interface {}=[a 1 2.5 <nil> true map[k:v]], int=-7)', ''),
    ('{{printf "%8.0o%-*.*b%-#.b" }}', 'R2', '', '%!o(MISSING)%!(BADWIDTH)%!(BADPREC)%!b(MISSING)%!b(MISSING)', ''),
    ('{{printf "%3U% .2e%#.*%|" 0}}', 'R2', '', 'U+0000%!e(MISSING)%!(BADPREC)%|', ''),
    ('{{printf "%#-*.vx|%-0*U" nil 0}}', 'R2', '', '%!(BADWIDTH)x|%!(BADWIDTH)%!U(MISSING)', ''),
    ('{{printf "|% .*g" 1e20 .M 0.1 -0.000012345}}', 'R2', '', '|%!(BADPREC)map[%!g(string=a):[%!g(json.Number=1) %!g(json.Number=2)] %!g(string=b):%!g(json.Number=1)]%!(EXTRA float64=0.1, float64=-1.2345e-05)', ''),
    ('{{printf "|x" }}', 'R2', '', '|x', ''),
    ('{{printf "%0vx" "héllo" nil false 3.14159}}', 'R2', '', 'héllox%!(EXTRA <nil>, bool=false, float64=3.14159)', ''),
    ('{{printf "%s" 0.1 .Z .N "héllo"}}', 'R2', '', '%!s(float64=0.1)%!(EXTRA <nil>, json.Number=5, string=héllo)', ''),
    ('{{printf "%#.*%xx%3o" }}', 'R2', '', '%!(BADPREC)%xx%!o(MISSING)', ''),
    ('{{printf "%+8.v" 0.1}}', 'R2', '', '     0.1', ''),
    ('{{printf "|" 3.14159 .E -1 .Z}}', 'R2', '', '|%!(EXTRA float64=3.14159, string=, int=-1, <nil>)', ''),
    ('{{printf "%-.x%+.o|" 1e21}}', 'R2', '', '0x1p+70%!o(MISSING)|', ''),
    ('{{printf "x" }}', 'R2', '', 'x', ''),
    ('{{printf "%*.5ox" 1 1.0 .S 1e21}}', 'R2', '', '%!o(float64=1)x%!(EXTRA string=héllo "w"\n, float64=1e+21)', ''),
    ('{{printf "x%8.*g%3.2v%8.U" -1}}', 'R2', '', 'x%!(BADPREC)%!g(MISSING)%!v(MISSING)%!U(MISSING)', ''),
    ('{{printf "%0*.0v" }}', 'R2', '', '%!(BADWIDTH)%!v(MISSING)', ''),
    ('{{printf "% *.dxx" }}', 'R2', '', '%!(BADWIDTH)%!d(MISSING)xx', ''),
    ('{{printf "x" 1000000.0 255}}', 'R2', '', 'x%!(EXTRA float64=1e+06, int=255)', ''),
    ('{{printf "|x|" }}', 'R2', '', '|x|', ''),
    ('{{printf "%*.*v|%#0*.2e" 100000.0 -7}}', 'R2', '', '%!(BADWIDTH)%!(BADPREC)%!v(MISSING)|%!(BADWIDTH)%!e(MISSING)', ''),
    ('{{printf "|xx%08U" .M 3.14159}}', 'R2', '', '|xxmap[%!U(string=0000000a):[%!U(json.Number=00000001) %!U(json.Number=00000002)] %!U(string=0000000b):%!U(json.Number=00000001)]%!(EXTRA float64=3.14159)', ''),
    ('{{printf "%G%+08.s" 100000.0 1e20}}', 'R2', '', '100000%!s(float64=+001e+20)', ''),
    ('{{printf "%*.G%0dx" 0.1 .S 1}}', 'R2', '', '%!(BADWIDTH)%!G(string=)1x', ''),
    ('{{printf "x%-.5v% 3.5x" "héllo" .S 0.1 ""}}', 'R2', '', 'xhéllo68 c3 a9 6c 6c%!(EXTRA float64=0.1, string=)', ''),
    ('{{printf "x%g" 0.1 -1 .M 1e21}}', 'R2', '', 'x0.1%!(EXTRA int=-1, map[string]interface {}=map[a:[1 2] b:1], float64=1e+21)', ''),
    ('{{printf "|%-#*.5f" 1.0 1e20}}', 'R2', '', '|%!(BADWIDTH)100000000000000000000.00000', ''),
    ('{{printf "xx" 255}}', 'R2', '', 'xx%!(EXTRA int=255)', ''),
    ('{{printf "x" 1.0 1}}', 'R2', '', 'x%!(EXTRA float64=1, int=1)', ''),
    ('{{printf "x%+*.*e" 0.1 1e20}}', 'R2', '', 'x%!(BADWIDTH)%!(BADPREC)%!e(MISSING)', ''),
    ('{{printf "%0.2tx" }}', 'R2', '', '%!t(MISSING)x', ''),
    ('{{printf "% .2E|%08U" 2.5e-5 3.14159 nil}}', 'R2', '', ' 2.50E-05|%!U(float64=03.14159)%!(EXTRA <nil>)', ''),
    ('{{printf "%-+3.o%*.2o|" "abc" \'x\'}}', 'R2', '', '%!o(string=   )%!o(MISSING)|', ''),
    ('{{printf "||%3.*U|" }}', 'R2', '', '||%!(BADPREC)%!U(MISSING)|', ''),
    ('{{printf "||xx" 3.14159 -1 "" "abc"}}', 'R2', '', '||xx%!(EXTRA float64=3.14159, int=-1, string=, string=abc)', ''),
    ('{{printf "|" .N .N}}', 'R2', '', '|%!(EXTRA json.Number=5, json.Number=5)', ''),
    ('{{printf "%8E% .2vx" }}', 'R2', '', '%!E(MISSING)%!v(MISSING)x', ''),
    ('{{printf "%8v||%8.0o" -0.000012345 .S -1 .E}}', 'R2', '', '-1.2345e-05||%!o(string=        )%!(EXTRA int=-1, string=)', ''),
    ('{{printf "x% 0q" 1e20 1.0 \'x\' 2.5e-5}}', 'R2', '', 'x%!q(float64= 1e+20)%!(EXTRA float64=1, int=120, float64=2.5e-05)', ''),
    ('{{printf "|" }}', 'R2', '', '|', ''),
    ('{{printf "%*c|%+.5b" }}', 'R2', '', '%!(BADWIDTH)%!c(MISSING)|%!b(MISSING)', ''),
    ('{{printf "x%#3.2o" nil .N nil 3.14159}}', 'R2', '', 'x%!o(<nil>)%!(EXTRA json.Number=5, <nil>, float64=3.14159)', ''),
    ('{{printf "x" "abc" .L -1}}', 'R2', '', 'x%!(EXTRA string=abc, []interface {}=[a 1 2.5 <nil> true map[k:v]], int=-1)', ''),
    ('{{printf "x" .M}}', 'R2', '', 'x%!(EXTRA map[string]interface {}=map[a:[1 2] b:1])', ''),
    ('{{printf "x%--*.0e%v" 2.5e-5 0x7fffffffffffffff .S 0}}', 'R2', '', 'x%!(BADWIDTH)%!e(int=9223372036854775807)héllo "w"\n%!(EXTRA int=0)', ''),
    ('{{printf "%3X%0.*b" 0}}', 'R2', '', '  0%!(BADPREC)%!b(MISSING)', ''),
    ('{{printf "||" .S}}', 'R2', '', '||%!(EXTRA string=héllo "w"\n)', ''),
    ('{{printf "%0.2q|%#*s" false}}', 'R2', '', '%!q(bool=false)|%!(BADWIDTH)%!s(MISSING)', ''),
    ('{{printf "x" }}', 'R2', '', 'x', ''),
    ('{{printf "xx|x" .N nil .L 123456789.0}}', 'R2', '', 'xx|x%!(EXTRA json.Number=5, <nil>, []interface {}=[a 1 2.5 <nil> true map[k:v]], float64=1.23456789e+08)', ''),
    ('{{printf "%#*t%*%%#t% 8.5v" 0x7fffffffffffffff 0.1}}', 'R2', '', '%!(BADWIDTH)%!t(float64=0.100000)%!(BADWIDTH)%%!t(MISSING)%!v(MISSING)', ''),
    ('{{printf "% 8.0v%#8.*v|x" .L}}', 'R2', '', '[                           <nil>     true map[        :        ]]%!(BADPREC)%!v(MISSING)|x', ''),
    ('{{printf "x%.ux" false 0x7fffffffffffffff}}', 'R2', '', 'x%!u(bool=false)x%!(EXTRA int=9223372036854775807)', ''),
    ('{{printf "%+*.*sx%-8.0d" 0 .M true}}', 'R2', '', '%!(BADPREC)%!s(bool=true)x%!d(MISSING)', ''),
    ('{{printf "%-3x%00v" }}', 'R2', '', '%!x(MISSING)%!v(MISSING)', ''),
    ('{{printf "|" 100000.0}}', 'R2', '', '|%!(EXTRA float64=100000)', ''),
    ('{{printf "|x%*.*qx" 1000000.0 .E 0x7fffffffffffffff .S}}', 'R2', '', '|x%!(BADWIDTH)%!(BADPREC)\'�\'x%!(EXTRA string=héllo "w"\n)', ''),
    ('{{printf "x%.0vxx" 0 0x7fffffffffffffff .L}}', 'R2', '', 'xxx%!(EXTRA int=9223372036854775807, []interface {}=[a 1 2.5 <nil> true map[k:v]])', ''),
    ('{{printf "x%*.*g" 1}}', 'R2', '', 'x%!(BADPREC)%!g(MISSING)', ''),
    ('{{printf "|x%.5c" 0.1 .E 3.14159}}', 'R2', '', '|x%!c(float64=0.1)%!(EXTRA string=, float64=3.14159)', ''),
    ('{{printf "|x%+o%.q" 1 .L}}', 'R2', '', '|x+1["" "" "" <nil> %!q(bool=true) map["":""]]', ''),
    ('{{printf "% sx" }}', 'R2', '', '%!s(MISSING)x', ''),
    ('{{printf "|% .*g|" .L "abc" -7}}', 'R2', '', '|%!(BADPREC)%!g(string=abc)|%!(EXTRA int=-7)', ''),
    ('{{printf "x%+ ux" 0.1}}', 'R2', '', 'x%!u(float64=+0.1)x', ''),
    ('{{printf "% 3.5x" }}', 'R2', '', '%!x(MISSING)', ''),
    ('{{printf "x" 3.14159 .L .M 0x7fffffffffffffff}}', 'R2', '', 'x%!(EXTRA float64=3.14159, []interface {}=[a 1 2.5 <nil> true map[k:v]], map[string]interface {}=map[a:[1 2] b:1], int=9223372036854775807)', ''),
    ('{{printf "%.*x" \'x\' 3.14159}}', 'R2', '', '0x1.921f9f01b866e00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000p+01', ''),
    ('{{printf "%+ *.0U%-v% 8.0E" .N}}', 'R2', '', '%!(BADWIDTH)%!U(MISSING)%!v(MISSING)%!E(MISSING)', ''),
    ('{{printf "xx%8.0v" 0.1}}', 'R2', '', 'xx     0.1', ''),
    ('{{printf "x%-.G%#3%" \'x\' nil}}', 'R2', '', 'x%!G(int=120)%%!(EXTRA <nil>)', ''),
    ('{{printf "%.2x%+8.X%  .2b%8.2c" }}', 'R2', '', '%!x(MISSING)%!X(MISSING)%!b(MISSING)%!c(MISSING)', ''),
    ('{{printf "xx|% +*.G" 0.1 .Nope .Nope "abc"}}', 'R2', '', 'xx|%!(BADWIDTH)%!G(<nil>)%!(EXTRA <nil>, string=abc)', ''),
    ('{{printf "%- 8.*s||x" }}', 'R2', '', '%!(BADPREC)%!s(MISSING)||x', ''),
    ('{{printf "|%0.v%+ 3.f" 1e20 123456789.0 -1 -1}}', 'R2', '', '|1e+20+123456789%!(EXTRA int=-1, int=-1)', ''),
    ('{{printf "x%+8.s" 1}}', 'R2', '', 'x%!s(int=      +1)', ''),
    ('{{printf "x%-.u|" false 1e21 1.0 255}}', 'R2', '', 'x%!u(bool=false)|%!(EXTRA float64=1e+21, float64=1, int=255)', ''),
    ('{{printf "|x|" \'x\' -0.000012345 .S}}', 'R2', '', '|x|%!(EXTRA int=120, float64=-1.2345e-05, string=héllo "w"\n)', ''),
    ('{{printf "%8.*X%3v" .M -0.000012345 .Z .Z}}', 'R2', '', '%!(BADPREC)-0X1.9E3ABE16FC70DP-17<nil>%!(EXTRA <nil>)', ''),
    ('{{printf "% 3.2T" 255 1000000.0}}', 'R2', '', ' in%!(EXTRA float64=1e+06)', ''),
    ('{{printf "x" true true .M}}', 'R2', '', 'x%!(EXTRA bool=true, bool=true, map[string]interface {}=map[a:[1 2] b:1])', ''),
    ('{{printf "x%0*ox" .N 0x7fffffffffffffff}}', 'R2', '', 'x%!(BADWIDTH)777777777777777777777x', ''),
    ('{{printf "x%3x%-*.5s" }}', 'R2', '', 'x%!x(MISSING)%!(BADWIDTH)%!s(MISSING)', ''),
    ('{{printf "%+.5e|" -0.000012345 .Nope .S \'x\'}}', 'R2', '', '-1.23450e-05|%!(EXTRA <nil>, string=héllo "w"\n, int=120)', ''),
    ('{{printf "xx" nil}}', 'R2', '', 'xx%!(EXTRA <nil>)', ''),
    ('{{printf "%3.2Ux%.*s" 0.1 -1}}', 'R2', '', '%!U(float64=0.1)x%!(BADPREC)%!s(MISSING)', ''),
    ('{{printf "|%-3.*c%-.5Gx" .M .Nope true 0x7fffffffffffffff}}', 'R2', '', '|%!(BADPREC)%!c(<nil>)%!G(bool=true)x%!(EXTRA int=9223372036854775807)', ''),
    ('{{printf "|" 0 255 255}}', 'R2', '', '|%!(EXTRA int=0, int=255, int=255)', ''),
    ('{{printf "|%+08.5o%+#.0s" 255 "héllo" true}}', 'R2', '', '|  +00377%!(EXTRA bool=true)', ''),
    ('{{printf "||%#08.5G" "" 1.0 123456789.0 nil}}', 'R2', '', '||%!G(string=00000000)%!(EXTRA float64=1, float64=1.23456789e+08, <nil>)', ''),
    ('{{printf "|||" .M .E .Z 1e20}}', 'R2', '', '|||%!(EXTRA map[string]interface {}=map[a:[1 2] b:1], string=, <nil>, float64=1e+20)', ''),
    ('{{printf "||%-8.0x" 1.0 2.5e-5 0.1 255}}', 'R2', '', '||0x1p+00 %!(EXTRA float64=2.5e-05, float64=0.1, int=255)', ''),
    ('{{printf "x" .S}}', 'R2', '', 'x%!(EXTRA string=héllo "w"\n)', ''),
    ('{{printf "|" 3.14159 100000.0}}', 'R2', '', '|%!(EXTRA float64=3.14159, float64=100000)', ''),
    ('é.Name */', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'é.Name */', ''),
    ('if.5\\".Config', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'if.5\\".Config', ''),
    ('nil`eé:=', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'nil`eé:=', ''),
    ('truelen', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'truelen', ''),
    ('json"x"if*/}}(-é :=`(`break', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'json"x"if*/}}(-é :=`(`break', ''),
    ('{{- \\', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unexpected "\\\\" in command'),
    ('e -}}.Configtrue).Config{{1truei1,continue', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: bad number syntax: "1t"'),
    ('="x"\trange', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '="x"\trange', ''),
    ('*/$', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '*/$', ''),
    ('\nelse\n_', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '\nelse\n_', ''),
    ('`r`a.5continue.Name_', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '`r`a.5continue.Name_', ''),
    ("index1'json-\t", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', "index1'json-\t", ''),
    ('range0true{{/*%if.Cmd{{', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('{{/*,:=,0*/}} end.5-elsetemplatebreak', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ' end.5-elsetemplatebreak', ''),
    ('"9nil+true`r`continueelseblockdefine.\r#', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '"9nil+true`r`continueelseblockdefine.\r#', ''),
    ('$xend{{/* {{- -.Configbreak1$xcontinue$', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('with}}=i\\ -}}\'a\'.Config.Config"|"x"', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'with}}=i\\ -}}\'a\'.Config.Config"|"x"', ''),
    ('a\'{{templateblockif"$x|.Cmd#json', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: bad character U+0022 \'"\''),
    ('continue"x"`_e`true_', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'continue"x"`_e`true_', ''),
    ('$%0xnil', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '$%0xnil', ''),
    ('trueiblock.5', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'trueiblock.5', ''),
    (')é#\\:==*/}}nil0x.Nametrue', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ')é#\\:==*/}}nil0x.Nametrue', ''),
    ('else', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'else', ''),
    ('é -}}printf:=break\nendrange', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'é -}}printf:=break\nendrange', ''),
    (' `r`template*/\n`r`-.Cmd$\rrange$=}}', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ' `r`template*/\n`r`-.Cmd$\rrange$=}}', ''),
    ("printf.Name(`'iaif", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', "printf.Name(`'iaif", ''),
    ('ifcontinue_#:=nil"x"', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'ifcontinue_#:=nil"x"', ''),
    ('.Name', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '.Name', ''),
    ('{{/*\t9withifi .5\té*/}}étrue)', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'étrue)', ''),
    ('=true_len', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '=true_len', ''),
    ("'1else.Config,{{- ", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed action'),
    ('templatewithenil+%.Name*/ |index=', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'templatewithenil+%.Name*/ |index=', ''),
    ('\t{{- len', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed action'),
    ('(templatebreak\t$x\\".5{{- */}}\r\\"x"true', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unexpected "*" in command'),
    ('\\printf"else,`nil\t"*/}}', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '\\printf"else,`nil\t"*/}}', ''),
    (",$template}}_e*/}}$'}} ,", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ",$template}}_e*/}}$'}} ,", ''),
    ('%block{{- }} ', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: missing value for command'),
    ('\n$x9templateelse', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '\n$x9templateelse', ''),
    ('\r`else$xprintfblock*/}}nilprintf$_"\'a\'e', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '\r`else$xprintfblock*/}}nilprintf$_"\'a\'e', ''),
    ("|'else$xbreak(0{{- end$", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', "template: :1: bad character U+0024 '$'"),
    ('$)-{{/*\n1end"x"*/}}\'a\':=define', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', "$)-'a':=define", ''),
    ('{{/*break.Cmddefine0x{{:={{- ,0.Name', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('0*/', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '0*/', ''),
    ('ielse0xjson= _(index+9lentrue.Name', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'ielse0xjson= _(index+9lentrue.Name', ''),
    ('-i*/}} */}}else', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '-i*/}} */}}else', ''),
    ("lenif9.Name'a'{{- éatrueblockrange.Cmda0x", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: function "éatrueblockrange" not defined'),
    ('{{/**/}}', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', ''),
    ('define -}}=*/i`r`', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'define -}}=*/i`r`', ''),
    ('\'break.Name"x"(0x\'a\'endlencontinuerange.Config', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '\'break.Name"x"(0x\'a\'endlencontinuerange.Config', ''),
    ('`r`definewithniljson%|`=', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '`r`definewithniljson%|`=', ''),
    ("if'a'.Name", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', "if'a'.Name", ''),
    ('break1break0x', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'break1break0x', ''),
    ('9', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '9', ''),
    ('1$blockjson._{{if0', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: function "if0" not defined'),
    (".'a'iftruee\\\r", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ".'a'iftruee\\\r", ''),
    (" .'{{- */`r``.templateindex", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unexpected "*" in command'),
    ('define.Cmd0x`{{continue.Config\trange}}1', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unexpected ".Config" in {{continue}}'),
    ('defineé)*/len*/10xtrue+(`_', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'defineé)*/len*/10xtrue+(`_', ''),
    ('%"=0xcontinue9if (0x -}}.Cmd%', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '%"=0xcontinue9if (0x -}}.Cmd%', ''),
    ('.Name}}=_ -}},', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '.Name}}=_ -}},', ''),
    ('é$) -}}.5nil\n', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'é$) -}}.5nil\n', ''),
    ('.Name\'{{/*\'a\'"blockif%`r`*/}}else\t', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ".Name'else\t", ''),
    (':={{true)é*/}}(.5', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unexpected ")" in command'),
    ('inil', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'inil', ''),
    ('é$ifwith\r$x', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'é$ifwith\r$x', ''),
    ('range0xlen".Config{{:=`r`', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unexpected ":=" in command'),
    ('$x%.5if0x\ntrueblock', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '$x%.5if0x\ntrueblock', ''),
    ("é'a''a'end\n%{{/*,json", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :2: unclosed comment'),
    ('templatea"x"_*/}} ', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'templatea"x"_*/}} ', ''),
    ('1,{{/**/}}{{/*$x*/}}0xbreakwithblock\n%block', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '1,0xbreakwithblock\n%block', ''),
    ('|0xindexe=$x -}}\n`r`.5.5awith{{/*', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :2: unclosed comment'),
    ('lenrange0 definea0\t|"x"(', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'lenrange0 definea0\t|"x"(', ''),
    (',`r`else,.Cmd_=%"x"09\nend', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ',`r`else,.Cmd_=%"x"09\nend', ''),
    ('if"x"true-', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'if"x"true-', ''),
    ('.Name_range0nildefine_.Config1templatebreakbreak.Confignil', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '.Name_range0nildefine_.Config1templatebreakbreak.Confignil', ''),
    ('printf$xnil\t\t_=', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'printf$xnil\t\t_=', ''),
    ("true%0xé:=lenbreakbreak{{end1='a'\n", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', "template: :1: bad character U+003D '='"),
    (',{{/*#', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('define"', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'define"', ''),
    ('#_:=0define_with_\tdefine.5erange', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '#_:=0define_with_\tdefine.5erange', ''),
    ("break=template,block.Cmd#'a'templatebreak0xlen1 ", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', "break=template,block.Cmd#'a'templatebreak0xlen1 ", ''),
    ('$x%definebreak*/}}a\t.9template{{- ', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed action'),
    ('\nblocknilblock}}rangewith_ -}}\r', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '\nblocknilblock}}rangewith_ -}}\r', ''),
    ('é.Cmd{{/*continuedefine\r', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('.Cmd\r9{{a', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: function "a" not defined'),
    ('é|.Cmdblock.5{{1len.', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: bad number syntax: "1l"'),
    ("'i.truedefine%0i,\r{{.Name_.", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unexpected "." in operand'),
    ('\r"x"', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '\r"x"', ''),
    ('"x"continue{{continue.define#rangewithprintf', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', "template: :1: bad character U+0023 '#'"),
    ('nil*/', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'nil*/', ''),
    ('$nil"é', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '$nil"é', ''),
    ("'9aif`withe.Name$xa{{", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed action'),
    ("else.Cmdprintf$x${{nil-'.Cmdif", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', "template: :1: bad character U+002D '-'"),
    ('printf+printf.blocknile%0', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'printf+printf.blocknile%0', ''),
    ('break.Cmdeblock', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'break.Cmdeblock', ''),
    (' -}}with=$\\"x")index', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ' -}}with=$\\"x")index', ''),
    ('*/}} -}}else|éendcontinuedefine`"x"', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '*/}} -}}else|éendcontinuedefine`"x"', ''),
    ('.5enddefineblock', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '.5enddefineblock', ''),
    ('e`9+ -}}\r$xjson.Cmdéelse.5', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'e`9+ -}}\r$xjson.Cmdéelse.5', ''),
    ("'a'nil else'é", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', "'a'nil else'é", ''),
    ("{{/*\t'{{- json*/}}templateenddefine\r,-", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'templateenddefine\r,-', ''),
    ('%endécontinue.5', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '%endécontinue.5', ''),
    ("*/json*/{{template$x'a'9).Cmd.Name", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', "template: :1: bad character U+0024 '$'"),
    ('.Name{{/*{{- .{{/*\r"x"9', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ("é.5i':= define`.Configtemplate-0x", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', "é.5i':= define`.Configtemplate-0x", ''),
    ('%`r`0withif}}"x"block', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '%`r`0withif}}"x"block', ''),
    ('é#withcontinue{{)1.e){{/*.59\\', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unexpected ")" in command'),
    ('continue', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'continue', ''),
    ('"x"nil{{0é)\n%nil"x"define`r`$x$', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: bad number syntax: "0é"'),
    ("printf\rtruei'a'_||.end'*/", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', "printf\rtruei'a'_||.end'*/", ''),
    ('0else+`', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '0else+`', ''),
    ('#`r`', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '#`r`', ''),
    (' */}}', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ' */}}', ''),
    ('end00x(elsedefine|\\nil', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'end00x(elsedefine|\\nil', ''),
    ('*/nil.Configcontinuewithcontinue', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '*/nil.Configcontinuewithcontinue', ''),
    ('#', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '#', ''),
    ('itemplate1}}0x -}}', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'itemplate1}}0x -}}', ''),
    (" -}}ifend)breaka9'rangecontinueindex", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', " -}}ifend)breaka9'rangecontinueindex", ''),
    ("*/with}}'a'$x", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', "*/with}}'a'$x", ''),
    ('9"}}{{- 1\\range0xblock*/%template', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unexpected "\\\\" in operand'),
    ('len:={{/**/}}`break{{/*.i0', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('nil9(template0\r(%nil"x" "x"+9', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'nil9(template0\r(%nil"x" "x"+9', ''),
    ('e range', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'e range', ''),
    ('$$xbreak{{e{{- |{{definei', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', "template: :1: bad character U+007B '{'"),
    ('{{- range"x"nil', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: bad character U+0022 \'"\''),
    ('+printf.Name11$}}.Name', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '+printf.Name11$}}.Name', ''),
    ('continueelse{{/*`template%+1.Name"x"a-$', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('{{- ', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed action'),
    ('lenindex\'a\'é,"1block.5= -}}', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'lenindex\'a\'é,"1block.5= -}}', ''),
    (' -}}template.Name%`r`blockébreakindexblock', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ' -}}template.Name%`r`blockébreakindexblock', ''),
    ('e-\\printf,é', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'e-\\printf,é', ''),
    ('-|', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '-|', ''),
    ("\t'a' %withbreak.Cmd`r`%){{/*continuei", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ("\r'a':=+1{{/*i.'a''block${{/*", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('-$\r%(break\'e\'block"x""x"0x', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '-$\r%(break\'e\'block"x""x"0x', ''),
    (' -}}\nnil%nil.Nameindex0elen+-break', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ' -}}\nnil%nil.Nameindex0elen+-break', ''),
    ('printf0x\n\n90range,', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'printf0x\n\n90range,', ''),
    ('$x|templatewith.Name"template', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '$x|templatewith.Name"template', ''),
    ('end${{/*9block++:=i\n`template', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('"', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '"', ''),
    ('_é\\+\t\\define9 end$', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '_é\\+\t\\define9 end$', ''),
    ('json"x".Config-.Nametemplate00', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'json"x".Config-.Nametemplate00', ''),
    ('index.Name', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'index.Name', ''),
    (")#$'index9\\nil", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ")#$'index9\\nil", ''),
    ('.Config=json(0', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '.Config=json(0', ''),
    ('$x}}*/}}e:=({{.Config', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed action'),
    ('$#,"', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '$#,"', ''),
    ('=$}}.Config{{"x"', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed action'),
    (':=1\rblock', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ':=1\rblock', ''),
    (' }}', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ' }}', ''),
    ("\nelse.Name|10x)$_e'a'", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', "\nelse.Name|10x)$_e'a'", ''),
    ('%#-`definewith,9true', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '%#-`definewith,9true', ''),
    ('%', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '%', ''),
    ('-{{/*\t)', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    (".5)0x{{/*.5`r`10+{{',`", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('end# -}}with*/}}$\t*/}}`i', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'end# -}}with*/}}$\t*/}}`i', ''),
    ('%breaka', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '%breaka', ''),
    ('.Name+', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '.Name+', ''),
    ('*/}}.irangeatrue.5(+', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '*/}}.irangeatrue.5(+', ''),
    ('-=with)jsoncontinue', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '-=with)jsoncontinue', ''),
    ("true%(\n'a'\n1a", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', "true%(\n'a'\n1a", ''),
    ('}}template9{{', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed action'),
    ("{{/*blockindex'1$break$-block$x%block\n", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('=""|0.', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '=""|0.', ''),
    ('|template -}}0$}}0%', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '|template -}}0$}}0%', ''),
    ('0 truewith{{/**/"x"\\\'"#))+', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: comment ends before closing delimiter'),
    ('$x0', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '$x0', ''),
    ('%json)-index', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '%json)-index', ''),
    ('{{({{/*template%', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unexpected "{" in parenthesized pipeline'),
    ('{{.Name}}_indexblock)a.Nameifjson', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '/web_indexblock)a.Nameifjson', ''),
    ('.5.Config\rprintftrue_"x"end`"\nwith', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '.5.Config\rprintftrue_"x"end`"\nwith', ''),
    ('"x""x"printf10xlen\\.Cmd={{}}', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: missing value for command'),
    ('printf\n}}#))%%\\$*/}}else', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'printf\n}}#))%%\\$*/}}else', ''),
    ('printf(#0e-json"x"_"x"', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'printf(#0e-json"x"_"x"', ''),
    ('+indexjson0indexe}}}}$index\n\\', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '+indexjson0indexe}}}}$index\n\\', ''),
    ('continueé', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'continueé', ''),
    ('){{/*.Cmdlen.5.Config-', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('len}} -}}0#({{/*\r', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('printf=range""', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'printf=range""', ''),
    ('nil\\{{', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed action'),
    ('+,true{{', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed action'),
    ('\\', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '\\', ''),
    ('printfnil', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'printfnil', ''),
    ('a.Namenil9\n"', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'a.Namenil9\n"', ''),
    ("define%}}`'}} +=.ébreak", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', "define%}}`'}} +=.ébreak", ''),
    ('"ijsoni\rrange=', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '"ijsoni\rrange=', ''),
    ('`r`_`-range$*/}} -}}}}eaend{{/*', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: unclosed comment'),
    ('{{- .5printfa.Cmdtrue$x{{e', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '', 'template: :1: bad number syntax: ".5p"'),
    (")'a'$`r`.5=", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ")'a'$`r`.5=", ''),
    (' `,+', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ' `,+', ''),
    ('with', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'with', ''),
    (',', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', ',', ''),
    ('endend+}}(}}( ', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'endend+}}(}}( ', ''),
    ("$%'a'.Config\n+*/$xtemplate", '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', "$%'a'.Config\n+*/$xtemplate", ''),
    ('\rrange0x}}.Cmdi(e0.5len.Name', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '\rrange0x}}.Cmdi(e0.5len.Name', ''),
    ('=', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '=', ''),
    ('-$xdefine\rif(range\r%nil', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '-$xdefine\rif(range\r%nil', ''),
    ('-é\r', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '-é\r', ''),
    ('%$', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', '%$', ''),
    ('eif|blocktemplate\\)nil"define=\'=', '{"Name": "/web", "Config": {"Cmd": ["a"]}, "x": 1}', '', 'eif|blocktemplate\\)nil"define=\'=', ''),
]


# --------------------------------------------------------------------------
# Transcripts (shared/oracle docker-20.10 and docker-28)

INSPECT = raw({
    "Name": "/w1",
    "NetworkSettings": {
        "IPAddress": "172.17.0.2",
        "Networks": {
            "wide": {"IPAMConfig": None, "IPAddress": "10.11.0.5", "Aliases": None},
            "tiny": {"IPAddress": "10.10.0.2"},
        },
    },
    "IPAM": {"Config": [{"Subnet": "172.17.0.0/16", "Gateway": "172.17.0.1"}]},
})

TRANSCRIPT_CASES = [
    # s02_serial_alloc
    ("{{.NetworkSettings.IPAddress}}", "172.17.0.2"),
    ("{{.NetworkSettings.Networks.tiny.IPAddress}}", "10.10.0.2"),
    ("{{.Name}} {{.NetworkSettings.Networks.wide.IPAddress}}", "/w1 10.11.0.5"),
    # r30_formats_filters
    ("{{.NetworkSettings.Networks.nosuch.IPAddress}}", "<no value>"),
    ("{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}", "tiny=10.10.0.2 wide=10.11.0.5 "),
    # network inspect
    ("{{range .IPAM.Config}}{{.Subnet}}{{end}}", "172.17.0.0/16"),
    ("{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}", "172.17.0.0/16 172.17.0.1"),
]


@pytest.mark.parametrize("tmpl,expected", TRANSCRIPT_CASES)
def test_transcript_formats(tmpl, expected):
    assert parse(tmpl).execute(INSPECT) == expected


def test_json_of_struct_keeps_field_order_and_map_sorts_keys():
    # s06_connect_disconnect: {{json .NetworkSettings.Networks}} on the typed ContainerJSON
    ep = Struct("*network.EndpointSettings", [
        ("IPAMConfig", Struct("*network.EndpointIPAMConfig", IPv4Address="10.2.0.77")),
        ("Links", Nil("[]string")), ("Aliases", ["0ebe1d943e99"]), ("Gateway", "10.2.0.1"),
        ("IPPrefixLen", 24)])
    nets = Map({"front": ep, "back": ep}, "map[string]*network.EndpointSettings")
    out = parse("{{json .}}").execute(nets)
    assert out == ('{"back":{"IPAMConfig":{"IPv4Address":"10.2.0.77"},"Links":null,"Aliases":["0ebe1d943e99"],'
                   '"Gateway":"10.2.0.1","IPPrefixLen":24},"front":{"IPAMConfig":{"IPv4Address":"10.2.0.77"},'
                   '"Links":null,"Aliases":["0ebe1d943e99"],"Gateway":"10.2.0.1","IPPrefixLen":24}}')


def test_json_containers_of_network_inspect():
    # s13_ls_formats: docker network inspect --format '{{json .Containers}}' alpha
    doc = raw({"Containers": {"0b16bf1752aa": {"Name": "p1", "EndpointID": "cdb2", "MacAddress": "ea:34:ca:a5:02:95",
                                                "IPv4Address": "10.11.0.2/24", "IPv6Address": ""}}})
    out = parse("{{json .Containers}}").execute(doc)
    # a decoded JSON map sorts its keys, as Go's does
    assert out == ('{"0b16bf1752aa":{"EndpointID":"cdb2","IPv4Address":"10.11.0.2/24","IPv6Address":"",'
                   '"MacAddress":"ea:34:ca:a5:02:95","Name":"p1"}}')


def test_ls_row_struct_with_methods():
    # s13_ls_formats: docker ps --format '{{.Names}} {{.Networks}}'; r30: --format '{{.Nope}}'
    row = Struct("*formatter.ContainerContext", methods={"Names": lambda: "p2", "Networks": lambda: "bridge"})
    assert parse("{{.Names}} {{.Networks}}").execute(row) == "p2 bridge"
    out, err, kind = run("{{.Nope}}", Struct("*network.networkContext", methods={"Name": lambda: "x"}))
    assert err == ('template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type '
                   '*network.networkContext')
    assert kind == "exec"


def test_docker_error_framing():
    # r30_formats_filters: docker network ls --format '{{.Nope}}' / docker ps --format '{{.Names'
    with pytest.raises(TemplateError) as e:
        parse("{{.Names")
    assert e.value.kind == "parse"
    assert DOCKER_ERROR_PREFIX + str(e.value) == "template parsing error: template: :1: unclosed action"
    # docker inspect's retry on the raw JSON runs with missingkey=error
    out, err, kind = run("{{.NetworkSettings.Nope}}", INSPECT, missingkey="error")
    assert err == 'template: :1:18: executing "" at <.NetworkSettings.Nope>: map has no entry for key "Nope"'


def test_function_not_defined_is_a_parse_error():
    out, err, kind = run("{{foo}}", {})
    assert (err, kind) == ('template: :1: function "foo" not defined', "parse")


def test_header_context_and_header_functions():
    h = header_context({"Name": "NAME", "Labels": "LABELS"})
    t = parse('{{.Name}}\t{{upper .Name}}\t{{.Label "com.team"}}\t{{json .Labels}}')
    from dockernet_sim.golang.template import header_funcs
    # SubHeaderContext.Label keeps the last dotted part of the label name
    assert t.funcs(header_funcs()).execute(h) == "NAME\tNAME\tteam\tLABELS"


# --------------------------------------------------------------------------
# Engine differences (Go 1.24 for docker 28, Go 1.19 for docker 20.10)


def test_range_over_int_is_go_1_22():
    assert run("{{range 3}}x{{end}}", {}, engine="28")[0] == "xxx"
    assert run("{{range 3}}x{{end}}", {}, engine="20.10")[1] == (
        'template: :1:8: executing "" at <3>: range can\'t iterate over 3')


def test_else_with_is_go_1_23():
    assert run("{{with .a}}A{{else with .b}}B{{.}}{{end}}", {"b": 2}, engine="28")[0] == "B2"
    assert run("{{with .a}}A{{else with .b}}B{{end}}", {"b": 2}, engine="20.10")[1] == (
        "template: :1: unexpected <with> in else")  # Go 1.19 wants {{else}} alone


def test_unexpected_right_paren_wording():
    assert run("{{)}}", {}, engine="28")[1] == "template: :1: unexpected right paren"
    assert run("{{)}}", {}, engine="20.10")[1] == 'template: :1: unexpected ")" in command'


def test_json_control_escapes_by_go_version():
    assert go_json("\b\f\x01", get_profile("28").go) == '"\\b\\f\\u0001"'
    assert go_json("\b\f\x01", get_profile("20.10").go) == '"\\u0008\\u000c\\u0001"'
    assert go_json("<a&b>") == '"<a&b>"'  # docker turns off HTML escaping


def test_json_error_by_engine():
    f = Struct("t.T", F=GoFunc(lambda: 1, (), None, "int"))
    bad = Map({"f": float("nan")}, "map[string]float64")
    assert run("{{json .}}", bad, engine="20.10")[0] == ""  # the encoder error is dropped
    assert run("{{json .}}", bad, engine="28")[1] == (
        'template: :1:2: executing "" at <json .>: error calling json: json: unsupported value: NaN')
    assert run("{{json .}}", f, engine="28")[0] == "{}"  # methods are not fields


def test_go_value_printing():
    assert go_sprint({"b": 2, "a": [1, "x", None]}) == "map[a:[1 x <nil>] b:2]"
    assert go_sprint(1e6) == "1e+06"
    assert go_sprint(0.5) == "0.5"
    assert go_sprint(123456.0) == "123456"
    assert go_sprint(Struct("s.S", A="x", B=Nil("[]string"), C=Nil("map[string]string"))) == "{x [] map[]}"


# --------------------------------------------------------------------------
# Recorded tables


@pytest.mark.parametrize("tmpl,out,err,parse_err,missingkey", RAW_CASES)
def test_raw_json_data(tmpl, out, err, parse_err, missingkey):
    got = run(tmpl, raw(RAW_DATA))
    assert got[:2] == (out, err)
    if err:
        assert got[2] == ("parse" if parse_err else "exec")


def _check_table(rows, make_data, header=False):
    for tmpl, out, err, parse_err, missingkey in rows:
        try:
            t = parse(tmpl, **dialect("20.10"))
        except TemplateError as e:
            assert ("", str(e)) == (out, err), tmpl
            continue
        if header:
            from dockernet_sim.golang.template import header_funcs
            t = t.funcs(header_funcs())
        try:
            got = (t.execute(make_data(), missingkey=missingkey or "default"), "")
        except TemplateError as e:
            got = (e.partial, str(e))
        assert got == (out, err), tmpl


def test_typed_struct_data():
    _check_table(TYPED_CASES, lambda: typed(TYPED_DATA))


def test_missingkey_option():
    _check_table(MISSINGKEY_CASES, lambda: raw(TYPED_DATA))


def test_header_functions_table():
    _check_table(HEADER_CASES, lambda: Map({"Name": "NAME", "Driver": "DRIVER", "ID": "NETWORK ID",
                                            "Labels": "LABELS"}, "map[string]string"), header=True)


def test_random_templates_recorded_from_go():
    for tmpl, data, missingkey, out, err in FUZZ_CASES:
        d = FUZZ_R if data == "R" else FUZZ_R2 if data == "R2" else json.loads(data)
        got = run(tmpl, raw(d), missingkey=missingkey or "default")
        assert got[:2] == (out, err), tmpl


# --------------------------------------------------------------------------
# Robustness: any text is a TemplateError or an output, never another exception

_ALPHABET = st.sampled_from([
    "{{", "}}", "{{- ", " -}}", "/*", "*/", ".", ".Name", ".X.Y", "$", "$x", ":=", "=", "|", "(", ")", " ", "\n",
    '"', "'", "`", "\\", "a", "1", "-1", "1.5e3", "0x1F", "if", "else", "end", "range", "with", "define",
    "template", "block", "break", "continue", "nil", "true", ",", "printf", '"%d %s %v %q %x %5.2f %!"', "index",
    "len", "json", "join", "split", "upper", "slice", "eq", "lt", "and", "or", "not", "call", "html", "js", "pad",
    "truncate", "é", "\t", "#", "%", "{", "}", "[", "]",
])

_DATA = [
    None, {}, raw(RAW_DATA) if False else {"Name": "x", "L": [1, "a", None], "M": {"k": {"z": 1.5}}, "N": None},
    Struct("*t.T", Name="x", L=["a"], N=Nil("*t.U"), M={"a": "b"}, F=lambda s: s),
    [1, 2], "s", 3, 2.5, True, Nil("[]string"),
]


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=20).map("".join), st.sampled_from(range(len(_DATA))),
       st.sampled_from(["20.10", "28"]), st.sampled_from(["default", "zero", "error"]))
def test_any_template_text_raises_only_template_error(text, di, engine, missingkey):
    try:
        t = parse(text, **dialect(engine))
    except TemplateError:
        return
    try:
        out = t.execute(_DATA[di], missingkey=missingkey)
    except TemplateError as e:
        assert str(e).startswith("template: ")
        return
    assert isinstance(out, str)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_unicode_text_raises_only_template_error(text):
    try:
        parse(text).execute({"a": [1]})
    except TemplateError:
        pass


