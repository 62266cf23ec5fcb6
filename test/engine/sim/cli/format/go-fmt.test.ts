// Go's fmt, strconv float formatting and encoding/json as templates use them (outputs checked against docker
// 20.10's client, built with Go 1.19).

import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { formatFloat, formatFloatJson, formatFloatV } from '../../../../../src/engine/sim/cli/format/go-float.js';
import { formatValue, sprint, sprintf, sprintln } from '../../../../../src/engine/sim/cli/format/go-fmt.js';
import { goJson, goJsonIndent } from '../../../../../src/engine/sim/cli/format/go-json.js';
import { goQuote } from '../../../../../src/go/quote.js';
import { GoFloat, goMap, goSlice, goStruct } from '../../../../../src/engine/sim/cli/format/go-value.js';

describe('strconv float formatting', () => {
  it('rounds exact halves to even, like Go and unlike toPrecision', () => {
    assert.equal(formatFloat(1.125, 'g', 3), '1.12');
    assert.equal(formatFloat(0.5, 'f', 0), '0');
    assert.equal(formatFloat(2.5, 'f', 0), '2');
    assert.equal(formatFloat(1.5, 'f', 0), '2');
  });

  it('switches %g to exponent form at the precision', () => {
    assert.equal(formatFloat(999.999, 'g', 3), '1e+03');
    assert.equal(formatFloat(12345, 'g', 3), '1.23e+04');
    assert.equal(formatFloat(1.982363, 'g', 3), '1.98');
    assert.equal(formatFloat(0, 'g', 3), '0');
  });

  it('prints %v and JSON floats with their own thresholds', () => {
    assert.deepEqual([1e6, 100000, 0.00001, 1234567.5, -2.5e-7].map(formatFloatV), ['1e+06', '100000', '1e-05', '1.2345675e+06', '-2.5e-07']);
    assert.deepEqual([1e20, 1e21, 1e-7, 0.000001, 1.5].map(formatFloatJson), ['100000000000000000000', '1e+21', '1e-7', '0.000001', '1.5']);
  });
});

describe('fmt', () => {
  it('formats verbs, widths, precisions and flags', () => {
    assert.equal(sprintf('%5.1f|%-5d|%05d|%+d|%x|%X|%o|%c|%U|%q', [3.14159, 42, 42, 42, 'hi', 255, 8, 65, 65, 65]), '  3.1|42   |00042|+42|6869|FF|10|A|U+0041|\'A\'');
    assert.equal(
      sprintf('%6.2v|%.3s|%8q|%-8q|%x|% x|%#x|%08.3f|%e|%g|%G|%.2e', [3.14159, 'abcdef', 'x', 'y', 'héllo', 'ab', 255, 3.14159, 1234.5678, 0.000012345, new GoFloat(1e21), new GoFloat(123456)]),
      '   3.1|abc|     "x"|"y"     |68c3a96c6c6f|61 62|0xff|0003.142|1.234568e+03|1.2345e-05|1E+21|1.23e+05',
    );
    assert.equal(sprintf('%08d|%-08d|%+08d|% d|%x', [-42, 42, 42, 42, -255]), '-0000042|42      |+0000042| 42|-ff');
    assert.equal(sprintf('%*d|%-*d|%.*f', [5, 1, 4, 2, 2, 3.14159]), '    1|2   |3.14');
  });

  it('complains in-band about wrong, missing and extra operands', () => {
    assert.equal(sprintf('%d|%s|%v', ['x', 3, 'linux']), '%!d(string=x)|%!s(int=3)|linux');
    assert.equal(sprintf('%s', []), '%!s(MISSING)');
    assert.equal(sprintf('%s', ['a', 'b']), 'a%!(EXTRA string=b)');
    assert.equal(sprintf('%d %!', []), '%!d(MISSING) %!!(MISSING)');
    assert.equal(sprintf('%z', [3]), '%!z(int=3)');
    assert.equal(sprintf('%v|%s|%d', [null, null, null]), '<nil>|%!s(<nil>)|%!d(<nil>)');
    assert.equal(sprintf('%d', [goSlice(['1', '2'], '[]string')]), '[%!d(string=1) %!d(string=2)]');
    assert.equal(sprintf('%T %T %T %T %T %T', [1, 1.5, 's', true, goSlice(['a'], '[]string'), null]), 'int float64 string bool []string <nil>');
  });

  it('prints composite values like %v', () => {
    assert.equal(formatValue({ b: 2, a: [1, 'x'], c: { d: null } }), 'map[a:[1 x] b:2 c:map[d:<nil>]]');
    assert.equal(formatValue(goStruct('types.RootFS', { Type: 'layers', Layers: ['a', 'b'] })), '{layers [a b]}');
    assert.equal(sprint([1, 2, 'a', 'b', 3]), '1 2ab3');
    assert.equal(sprintln(['a', 1]), 'a 1\n');
  });
});

describe('encoding/json', () => {
  it('keeps object order, sorts marked maps and escapes like Go', () => {
    assert.equal(goJson({ Type: 'layers', Layers: ['sha256:d3'] }), '{"Type":"layers","Layers":["sha256:d3"]}');
    assert.equal(goJson(goMap({ b: 1, a: 2 })), '{"a":2,"b":1}');
    assert.equal(goJson('a<b>&\u2028\u0001\n'), '"a<b>&\\u2028\\u0001\\n"');
    assert.equal(goJson('a<b>&', true), '"a\\u003cb\\u003e\\u0026"');
    assert.equal(goJson({ n: 19968, f: 0.5, big: 1e21, t: true, z: null }), '{"n":19968,"f":0.5,"big":1e+21,"t":true,"z":null}');
  });

  it('indents like docker inspect, without HTML escaping (the daemon turns it off)', () => {
    assert.equal(goJsonIndent({ Author: 'A U Thor <a@b.c>' }), '{\n    "Author": "A U Thor <a@b.c>"\n}');
    assert.equal(goJsonIndent([{ Id: 'x', Args: [], Labels: {}, State: { Pid: 1 } }]), '[\n    {\n        "Id": "x",\n        "Args": [],\n        "Labels": {},\n        "State": {\n            "Pid": 1\n        }\n    }\n]');
  });
});

describe('strconv.Quote', () => {
  it('escapes like Go', () => {
    assert.equal(goQuote("sh -c 'echo a very …"), '"sh -c \'echo a very …"');
    assert.equal(goQuote('a\tb"c\\\x00\x7f\u00a0\u200b✓中'), '"a\\tb\\"c\\\\\\x00\\x7f\\u00a0\\u200b✓中"');
  });
});
