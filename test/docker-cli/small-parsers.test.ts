import assert from 'node:assert/strict';
import { kvStringsToMap, parseFilters, parseGoDuration, parseUlimit, ramInBytes, validateContainerName, validateEnv, validateLabel } from '../../src/docker-cli/index.js';
import { readGoCsvRecord } from '../../src/docker-cli/go-csv.js';
import { goQuote, parseGoInt, parseGoUint } from '../../src/docker-cli/go-strconv.js';

// Texts checked with the real client: `docker run <flag> <value> --zzz img` prints the value error first.

describe('environment, labels, filters, names', () => {
  it('expands -e NAME from the client environment (docker run -e =x → invalid environment variable)', () => {
    assert.deepEqual(validateEnv('A=1'), { ok: true, value: 'A=1' });
    assert.deepEqual(validateEnv('HOME', { HOME: '/root' }), { ok: true, value: 'HOME=/root' });
    assert.deepEqual(validateEnv('UNSET', {}), { ok: true, value: 'UNSET' });
    assert.deepEqual(validateEnv('=x'), { ok: false, error: 'invalid environment variable: =x' });
  });
  it('checks label keys (docker run --label =x / --label "a b=c")', () => {
    assert.deepEqual(validateLabel('=x'), { ok: false, error: "invalid label '=x': empty name" });
    assert.deepEqual(validateLabel('a b=c'), { ok: false, error: "label 'a b' contains whitespaces" });
    assert.deepEqual(kvStringsToMap(['k=v', 'flag', 'k=w=x']), { k: 'w=x', flag: '' });
  });
  it('parses filters (docker ps --filter x → bad format of filter)', () => {
    const r = parseFilters(['Name = web ', 'name=db', 'status=exited', '']);
    assert.ok(r.ok);
    assert.deepEqual([...r.filters], [['name', ['web', 'db']], ['status', ['exited']]]);
    assert.deepEqual(parseFilters(['x']), { ok: false, error: 'bad format of filter (expected name=value)' });
  });
  it('checks container names (docker run --name "cv bad" → Invalid container name, 3.3)', () => {
    assert.equal(validateContainerName('cv bad'), 'Invalid container name (cv bad), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed');
    assert.equal(validateContainerName('cv-/bad'), 'Invalid container name (cv-/bad), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed');
    assert.equal(validateContainerName('/cv-ok_1.2'), undefined);
  });
});

describe('Go value parsing', () => {
  it('quotes like strconv.Quote', () => {
    assert.equal(goQuote('a"b\\c\n\t\x01é中'), '"a\\"b\\\\c\\n\\t\\x01é中"');
  });
  it('parses integers with base prefixes and Go errors (docker stop -t 0x1z c)', () => {
    assert.deepEqual(parseGoInt('0x10'), { ok: true, value: 16 });
    assert.deepEqual(parseGoInt('-010'), { ok: true, value: -8 });
    assert.deepEqual(parseGoInt('1_000'), { ok: true, value: 1000 });
    assert.deepEqual(parseGoInt('0x1z'), { ok: false, error: 'strconv.ParseInt: parsing "0x1z": invalid syntax' });
    assert.deepEqual(parseGoInt('99999999999999999999'), { ok: false, error: 'strconv.ParseInt: parsing "99999999999999999999": value out of range' });
    assert.deepEqual(parseGoUint('70000', 16), { ok: false, error: 'strconv.ParseUint: parsing "70000": value out of range' });
  });
  it('parses durations (docker run --health-interval 5x / 1)', () => {
    assert.deepEqual(parseGoDuration('1m30.5s'), { ok: true, value: 90500000000n });
    assert.deepEqual(parseGoDuration('5x'), { ok: false, error: 'time: unknown unit "x" in duration "5x"' });
    assert.deepEqual(parseGoDuration('1'), { ok: false, error: 'time: missing unit in duration "1"' });
    assert.deepEqual(parseGoDuration(''), { ok: false, error: 'time: invalid duration ""' });
  });
  it('parses sizes and ulimits (docker run -m 1x / --ulimit nofile=2:1)', () => {
    assert.deepEqual(ramInBytes('512m'), { ok: true, value: 536870912 });
    assert.deepEqual(ramInBytes('1.5GiB'), { ok: true, value: 1610612736 });
    assert.deepEqual(ramInBytes('1x'), { ok: false, error: "invalid size: '1x'" });
    assert.deepEqual(ramInBytes('1.2.3'), { ok: false, error: 'strconv.ParseFloat: parsing "1.2.3": invalid syntax' });
    assert.deepEqual(parseUlimit('nofile=1024:2048'), { ok: true, value: { name: 'nofile', soft: 1024, hard: 2048 } });
    assert.deepEqual(parseUlimit('nofile=2:1'), { ok: false, error: 'ulimit soft limit must be less than or equal to hard limit: 2 > 1' });
  });
  it('reads one CSV record like encoding/csv', () => {
    assert.deepEqual(readGoCsvRecord('a,"b,c",d""'), { ok: false, error: 'parse error on line 1, column 10: bare " in non-quoted-field' });
    assert.deepEqual(readGoCsvRecord('a,"b,""c""",d\nnext'), { ok: true, value: ['a', 'b,"c"', 'd'] });
    assert.deepEqual(readGoCsvRecord('"a\nb",c'), { ok: true, value: ['a\nb', 'c'] });
  });
});
