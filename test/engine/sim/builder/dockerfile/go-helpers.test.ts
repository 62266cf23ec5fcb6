// The Go behaviours the parser copies: quoting, whitespace, case, durations, integers and builder flags.
import assert from 'node:assert/strict';
import { BuilderFlags } from '../../../../../src/engine/sim/builder/dockerfile/builder-flags.js';
import { parseGoDuration, parseGoInt32 } from '../../../../../src/engine/sim/builder/dockerfile/go-duration.js';
import { goQuote, goQuoteList } from '../../../../../src/go/quote.js';
import {
  compareGoStrings,
  goToUpper,
  trimGoSpace,
} from '../../../../../src/engine/sim/builder/dockerfile/go-text.js';

describe('Go behaviours the Dockerfile parser copies', () => {
  it('quotes strings as strconv.Quote does', () => {
    assert.equal(goQuote('a "b" \\ c'), '"a \\"b\\" \\\\ c"');
    assert.equal(goQuote('\x00\x07\b\f\n\r\t\v\x7f'), '"\\x00\\a\\b\\f\\n\\r\\t\\v\\x7f"');
    assert.equal(goQuote('♥ 한국어 é'), '"♥ 한국어 é"');
    assert.equal(goQuote('\u00a0\ufeff\u{e0001}'), '"\\u00a0\\ufeff\\U000e0001"');
    assert.equal(goQuoteList(['--a=1', 'b c']), '["--a=1" "b c"]');
  });
  it('trims Go spaces, upper-cases rune by rune and orders by code point', () => {
    assert.equal(trimGoSpace('\u0085\u3000 a \u00a0'), 'a');
    assert.equal(trimGoSpace('\ufeffa'), '\ufeffa');
    assert.equal(goToUpper('straße'), 'STRAßE');
    assert.deepEqual(['b', 'a', 'B', '\u{1f600}', '\uffff'].sort(compareGoStrings), ['B', 'a', 'b', '\uffff', '\u{1f600}']);
  });
  it('parses durations as time.ParseDuration, with its error texts', () => {
    assert.equal(parseGoDuration('1h2m3.5s'), 3723.5e9);
    assert.equal(parseGoDuration('1.5ms'), 1.5e6);
    assert.equal(parseGoDuration('10µs'), 10e3);
    assert.equal(parseGoDuration('-2s'), -2e9);
    assert.equal(parseGoDuration('0'), 0);
    assert.throws(() => parseGoDuration(''), { message: 'time: invalid duration ""' });
    assert.throws(() => parseGoDuration('abc'), { message: 'time: invalid duration "abc"' });
    assert.throws(() => parseGoDuration('.s'), { message: 'time: invalid duration ".s"' });
    assert.throws(() => parseGoDuration('3'), { message: 'time: missing unit in duration "3"' });
    assert.throws(() => parseGoDuration('3d'), { message: 'time: unknown unit "d" in duration "3d"' });
    assert.throws(() => parseGoDuration('9999999999h'), { message: 'time: invalid duration "9999999999h"' });
  });
  it('parses 32-bit integers as strconv.ParseInt does', () => {
    assert.equal(parseGoInt32('+42'), 42);
    assert.throws(() => parseGoInt32('4.2'), { message: 'strconv.ParseInt: parsing "4.2": invalid syntax' });
    assert.throws(() => parseGoInt32('3000000000'), {
      message: 'strconv.ParseInt: parsing "3000000000": value out of range',
    });
  });
  it('checks builder flags as BFlags does', () => {
    const flags = new BuilderFlags(['--mount=a', '--mount=b', '--link', '--chown=x']);
    const mount = flags.addStrings('mount');
    const link = flags.addBool('link');
    const chown = flags.addString('chown');
    flags.parse();
    assert.deepEqual([mount.values, link.value, chown.value, flags.used()], [
      ['a', 'b'],
      'true',
      'x',
      ['mount', 'link', 'chown'],
    ]);
    const parse = (args: string[]): void => {
      const f = new BuilderFlags(args);
      f.addBool('link');
      f.parse();
    };
    assert.throws(() => parse(['--link=maybe']), { message: 'Expecting boolean value for flag link, not: maybe' });
    assert.throws(() => parse(['--link=']), { message: 'Missing a value on flag: link' });
    assert.throws(() => parse(['--link', '--link']), { message: 'Duplicate flag specified: link' });
    assert.doesNotThrow(() => parse(['--', '--anything']));
  });
});
