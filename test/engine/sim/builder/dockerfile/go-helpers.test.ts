// The Go behaviours the parser copies: quoting, whitespace, case, durations, integers and builder flags.
import assert from 'node:assert/strict';
import { BuilderFlags } from '../../../../../src/engine/sim/builder/dockerfile/builder-flags.js';
import { parseGoDecimalInt, parseGoDuration } from '../../../../../src/docker-cli/index.js';
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
    const ok = (text: string, ns: bigint) => assert.deepEqual(parseGoDuration(text), { ok: true, value: ns });
    const fails = (text: string, error: string) => assert.deepEqual(parseGoDuration(text), { ok: false, error });
    ok('1h2m3.5s', 3_723_500_000_000n);
    ok('1.5ms', 1_500_000n);
    ok('10µs', 10_000n);
    ok('-2s', -2_000_000_000n);
    ok('0', 0n);
    // Go scales the fraction in float64: 3333333333333333 * (3.6e12 / 1e16) rounds up to a whole 1.2e12, where
    // exact arithmetic would truncate to 1199999999999 (IEEE * and / give the same bits in Go and JavaScript)
    ok('.3333333333333333h', 1_200_000_000_000n);
    ok('-9223372036854775808ns', -(1n << 63n));
    fails('9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"');
    fails('', 'time: invalid duration ""');
    fails('abc', 'time: invalid duration "abc"');
    fails('.s', 'time: invalid duration ".s"');
    fails('3', 'time: missing unit in duration "3"');
    fails('3d', 'time: unknown unit "d" in duration "3d"');
    fails('9999999999h', 'time: invalid duration "9999999999h"');
  });
  it('parses 32-bit integers as strconv.ParseInt(s, 10, 32) does', () => {
    assert.deepEqual(parseGoDecimalInt('+42', 'ParseInt', 32), { ok: true, value: 42 });
    assert.deepEqual(parseGoDecimalInt('4.2', 'ParseInt', 32), { ok: false, error: 'strconv.ParseInt: parsing "4.2": invalid syntax' });
    assert.deepEqual(parseGoDecimalInt('3000000000', 'ParseInt', 32), { ok: false, error: 'strconv.ParseInt: parsing "3000000000": value out of range' });
    assert.deepEqual(parseGoDecimalInt('-2147483648', 'ParseInt', 32), { ok: true, value: -2147483648 });
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
