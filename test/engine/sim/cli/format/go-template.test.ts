// Go text/template behaviour as docker 20.10 (Go 1.19) shows it; expected outputs were taken from the real
// client (`docker version --format …`, `docker network ls --format …`).

import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { renderGoTemplate, TemplateError } from '../../../../../src/engine/sim/cli/format/go-template.js';
import { GoNil, goMap, goStruct } from '../../../../../src/engine/sim/cli/format/go-value.js';

const render = (t: string, data: unknown = {}) => renderGoTemplate(t, data);

function failure(t: string, data: unknown = {}, name = ''): TemplateError {
  try {
    renderGoTemplate(t, data, { name });
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  return assert.fail(`no error for ${t}`);
}

const DATA = {
  Name: 'cv-cow',
  State: { Status: 'running', Paused: false, Pid: 19968, ExitCode: 0 },
  Config: { Cmd: ['catalina.sh', 'run'], Env: ['A=1', 'B=2'], Labels: { 'cv.label': 'yes', a: 'b' }, Entrypoint: null },
  RepoTags: ['cv-tomcat:latest'],
  Size: 1985578,
  Ratio: 0.5,
};

describe('go templates: fields and printing', () => {
  it('follows field paths through objects and prints Go values', () => {
    assert.equal(render('{{.State.Status}} paused={{.State.Paused}} pid={{.State.Pid}}', DATA), 'running paused=false pid=19968');
    assert.equal(render('{{.Config.Cmd}} {{.Config.Labels}} {{.Size}} {{.Ratio}}', DATA), '[catalina.sh run] map[a:b cv.label:yes] 1985578 0.5');
    assert.equal(render('{{.Config.Entrypoint}}|{{.Nope}}|{{.Config.Labels.x}}', DATA), '<nil>|<no value>|<no value>');
    assert.equal(render('{{.}}', [1, 'a', null, true]), '[1 a <nil> true]');
    assert.equal(render('{{$}} {{$.Name}}', { Name: 'x' }), 'map[Name:x] x');
  });

  it('prints structs, typed nils and float constants the Go way', () => {
    const s = goStruct('types.RootFS', { Type: 'layers', Layers: ['sha256:a'] });
    assert.equal(render('{{.}}', s), '{layers [sha256:a]}');
    assert.equal(render('{{.A}} {{.B}} {{.C}}', { A: new GoNil('slice', '[]string'), B: new GoNil('map', 'map[string]string'), C: new GoNil('ptr', '*types.Health') }), '[] map[] <nil>');
    assert.equal(render('{{1e6}} {{1.5}} {{100000.0}} {{1000000.0}} {{0.00001}} {{3}}'), '1e+06 1.5 100000 1e+06 1e-05 3');
    assert.equal(render("{{0x1F}} {{1_000}} {{0o17}} {{017}} {{'a'}} {{-0}} {{1e3}} {{.5}} {{0x10p2}} {{-7}}"), '31 1000 15 15 97 0 1000 0.5 64 -7');
    assert.equal(render('{{printf "%v" 9223372036854775807}}'), '9223372036854775807');
  });

  it('indexes maps, slices and strings', () => {
    assert.equal(render('{{index .Config.Labels "cv.label"}} {{index .Config.Cmd 1}} {{index .Name 0}}', DATA), 'yes run 99');
    assert.equal(render('{{index .Config.Labels "missing"}}', DATA), '<no value>');
    assert.equal(render('{{index .L "missing"}}|', { L: goMap({}, 'map[string]string', '') }), '|');
    assert.equal(render('{{slice "abcdef" 1 3}} {{slice .Config.Cmd 1}}', DATA), 'bc [run]');
  });

  it('has len, join, split, upper, lower, title, pad, truncate and json', () => {
    assert.equal(render('{{len .Config.Env}} {{len .Config.Labels}} {{len "héllo"}}', DATA), '2 2 6');
    assert.equal(render('{{join .Config.Cmd " "}} {{split "a,b" ","}} {{join (split "a,b" ",") "-"}}', DATA), 'catalina.sh run [a b] a-b');
    assert.equal(render('{{.Name | upper}} {{title "hello world"}} {{lower "ABC"}}', DATA), 'CV-COW Hello World abc');
    assert.equal(render('{{pad "x" 1 2}}|{{pad "" 1 2}}|{{truncate "abcdef" 3}}'), ' x  ||abc');
    assert.equal(render('{{json .Config.Cmd}} {{json .Config.Entrypoint}} {{.Config.Cmd | json}}', DATA), '["catalina.sh","run"] null ["catalina.sh","run"]');
  });

  it('does not escape HTML in json, as docker turns it off', () => {
    assert.equal(render('Author={{json .Author}}', { Author: 'A U Thor <a@b.c>' }), 'Author="A U Thor <a@b.c>"');
    assert.equal(render('{{json .}}', ['ADD . /app/src', 'RUN echo "on build excuted" >> onbuild.txt']), '["ADD . /app/src","RUN echo \\"on build excuted\\" >> onbuild.txt"]');
    assert.equal(render('{{json .C}}', { C: '提交的描述信息' }), '"提交的描述信息"');
  });

  it('compares with eq, ne, lt, gt and combines with and, or, not', () => {
    assert.equal(render('{{eq .State.Status "running"}} {{ne 1 2}} {{lt 1.5 2.5}} {{gt .Size 10}}', DATA), 'true true true true');
    assert.equal(render('{{eq "a" "b" "a"}} {{le "a" "a"}} {{ge 1 2}}'), 'true true false');
    assert.equal(render('{{and 1 0}} {{or 0 "x"}} {{not 0}} {{and 1 2}}'), '0 x true 2');
    assert.equal(render('{{eq .Missing "x"}}', {}), 'false');
  });

  it('runs if, else if, with, range and variables', () => {
    assert.equal(render('{{if .State.Paused}}p{{else if eq .State.Status "running"}}r{{else}}x{{end}}', DATA), 'r');
    assert.equal(render('{{with .Config.Entrypoint}}yes{{else}}no{{end}} {{with .State}}{{.Pid}}{{end}}', DATA), 'no 19968');
    assert.equal(render('{{range .Config.Env}}[{{.}}]{{end}}', DATA), '[A=1][B=2]');
    assert.equal(render('{{range $i, $e := .Config.Cmd}}{{$i}}={{$e}};{{end}}', DATA), '0=catalina.sh;1=run;');
    assert.equal(render('{{range $k, $v := .Config.Labels}}{{$k}}:{{$v}} {{end}}', DATA), 'a:b cv.label:yes ');
    assert.equal(render('{{range .Nope}}x{{else}}empty{{end}}', DATA), 'empty');
    assert.equal(render('{{$x := "a"}}{{$x = "b"}}{{$x}} {{with $y := "c"}}{{$y}}{{.}}{{end}}'), 'b cc');
    assert.equal(
      render('{{range $i, $e := split "a,b,c,d" ","}}{{if eq $i 1}}{{continue}}{{end}}{{if eq $e "d"}}{{break}}{{end}}{{$i}}{{$e}};{{end}}'),
      '0a;2c;',
    );
  });

  it('trims around {{- and -}} and drops comments', () => {
    assert.equal(render('{{ "linux" -}}   x {{- /* c */ -}}   y  {{/* c2 */}}z'), 'linuxxy  z');
    assert.equal(render('{{-3}} {{- 3}}'), '-33');
    assert.equal(render('a\n  {{- .Name}}\n', DATA), 'acv-cow\n');
  });

  it('has printf, print and println with Go formatting', () => {
    assert.equal(render('{{printf "%q %v %d %s %5.2f|%-6s|%x" "a\\"b" 1.5 42 "s" 3.14159 "ab" 255}}'), '"a\\"b" 1.5 42 s  3.14|ab    |ff');
    assert.equal(render('{{println "a" 1}}|{{print 1 2 "a" "b" 3}}|'), 'a 1\n|1 2ab3|');
    assert.equal(render('{{.Name | printf "%.3s"}} {{"a" | printf "%s-%s" "b"}}', DATA), 'cv- b-a');
  });

  it('supports define, template and block', () => {
    assert.equal(render('{{define "x"}}[{{.}}]{{end}}{{template "x" "q"}}{{block "y" 5}}<{{.}}>{{end}}'), '[q]<5>');
  });

  it('has html, js and urlquery', () => {
    assert.equal(render('{{html "<a>\\"&"}} {{js "a\'b<"}} {{urlquery "a b&c"}}'), '&lt;a&gt;&#34;&amp; a\\\'b\\u003C a+b%26c');
  });
});

describe('go templates: parse errors (docker version --format)', () => {
  const cases: [string, string][] = [
    ['{{.ID}', "template: :1: bad character U+007D '}'"],
    ['x{{.Client.Version', 'template: :1: unclosed action'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{if}}x{{end}}', 'template: :1: missing value for if'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{foo .X}}', 'template: :1: function "foo" not defined'],
    ['{{with .A}}a{{else with .B}}b{{end}}', 'template: :1: unexpected <with> in else'],
    ['{{.A ~}}', 'template: :1: unexpected "~" in operand'],
    ['{{)}}', 'template: :1: unexpected ")" in command'],
    ['{{(.A}}', 'template: :1: unclosed left paren'],
    ['{{1x}}', 'template: :1: bad number syntax: "1x"'],
    ['{{"abc}}', 'template: :1: unterminated quoted string'],
    ['{{/* unclosed', 'template: :1: unclosed comment'],
    ['{{/* a */ .A}}', 'template: :1: comment ends before closing delimiter'],
    ['{{if 1}}a{{else}}b{{else}}c{{end}}', 'template: :1: expected end; found {{else}}'],
    ['a\n{{if .A}}\n{{.A | nope}}', 'template: :3: function "nope" not defined'],
    ['{{.A}}{{if true}}\nx', 'template: :2: unexpected EOF'],
    ['{{with $x := 1, $y := 2}}{{end}}', 'template: :1: unexpected "," in operand'],
    ['{{range $x, $y, $z := .}}{{end}}', 'template: :1: too many declarations in range'],
    ['{{3 | printf "%d"}} {{printf "%d" | 3}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{"x".Foo}}', 'template: :1: unexpected . after term "\\"x\\""'],
    ['{{1.5e400}}', 'template: :1: illegal number syntax: "1.5e400"'],
    ['{{18446744073709551616}}', 'template: :1: integer overflow: "18446744073709551616"'],
    ['{{break}}', 'template: :1: {{break}} outside {{range}}'],
  ];
  for (const [t, message] of cases) {
    it(`rejects ${JSON.stringify(t)}`, () => {
      const e = failure(t);
      assert.equal(e.kind, 'parse');
      assert.equal(e.message, message);
    });
  }
});

describe('go templates: execution errors', () => {
  it('reports missing struct fields and map keys with line:column', () => {
    const s = goStruct('system.versionInfo', { Client: goStruct('system.clientVersion', { Os: 'linux' }) });
    assert.equal(failure('{{.Nope}}', s, 'version').message, 'template: version:1:2: executing "version" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo');
    assert.equal(failure('{{.Client.Nope}}', s).message, 'template: :1:9: executing "" at <.Client.Nope>: can\'t evaluate field Nope in type system.clientVersion');
    assert.equal(failure('a\nb{{.Nope}}', s).message, 'template: :2:3: executing "" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo');
    assert.equal(failure('a\nb{{.Nope}}', s).partial, 'a\nb');
    assert.equal(failure('{{.Client.Os 3}}', s).message, 'template: :1:9: executing "" at <.Client.Os>: Os has arguments but cannot be invoked as function');
    assert.equal(failure('{{(.Client).Nope}}', s).message, 'template: :1:3: executing "" at <.Client>: can\'t evaluate field Nope in type system.clientVersion');
  });

  it('reports missing keys with missingkey=error', () => {
    const e = (() => {
      try {
        renderGoTemplate('{{.Config.Nope}}', { Config: {} }, { missingKey: 'error' });
      } catch (err) {
        return err as TemplateError;
      }
      return assert.fail();
    })();
    assert.equal(e.message, 'template: :1:9: executing "" at <.Config.Nope>: map has no entry for key "Nope"');
  });

  it('reports function errors at the command', () => {
    assert.equal(failure('{{index "abc" 5}}').message, 'template: :1:2: executing "" at <index "abc" 5>: error calling index: index out of range: 5');
    assert.equal(failure('{{len 3}}').message, 'template: :1:2: executing "" at <len 3>: error calling len: len of type int');
    assert.equal(
      failure('{{.A}}|{{len .M.nope}}', { A: 1, M: {} }).message,
      'template: :1:9: executing "" at <len .M.nope>: error calling len: reflect: call of reflect.Value.Type on zero Value',
    );
    assert.equal(failure('{{eq 1 "a"}}').message, 'template: :1:2: executing "" at <eq 1 "a">: error calling eq: incompatible types for comparison');
    assert.equal(failure('{{slice "abc" 2 1}}').message, 'template: :1:2: executing "" at <slice "abc" 2 1>: error calling slice: invalid slice index: 2 > 1');
    assert.equal(failure('{{index nil 1}}').message, 'template: :1:2: executing "" at <index nil 1>: error calling index: index of untyped nil');
  });

  it('reports bad arguments and other runtime errors as Go does', () => {
    assert.equal(failure('{{upper 5}}').message, 'template: :1:8: executing "" at <5>: expected string; found 5');
    assert.equal(failure('{{upper}}').message, 'template: :1:2: executing "" at <upper>: wrong number of args for upper: want 1 got 0');
    assert.equal(failure('{{join .A ","}}', { A: [1] }).message, 'template: :1:7: executing "" at <.A>: wrong type for value; expected []string; got []interface {}');
    assert.equal(failure('{{nil}}').message, 'template: :1:2: executing "" at <nil>: nil is not a command');
    assert.equal(failure('{{range "abc"}}x{{end}}').message, 'template: :1:8: executing "" at <"abc">: range can\'t iterate over abc');
    assert.equal(failure('{{template "nope"}}').message, 'template: :1:11: executing "" at <{{template "nope"}}>: template "nope" not defined');
    assert.equal(failure('{{9999999999999999999}}').message, 'template: :1:2: executing "" at <9999999999999999999>: 9999999999999999999 overflows int');
    assert.equal(failure('{{$x := 1}}{{$x.Foo}}').message, 'template: :1:15: executing "" at <$x.Foo>: can\'t evaluate field Foo in type int');
  });
});
