import assert from 'node:assert/strict';
import {
  familiarName,
  familiarString,
  normalizedString,
  parseAnyReference,
  parseNormalizedNamed,
  tagNameOnly,
  validateBuildTag,
} from '../../src/docker-cli/index.js';

// Every error text was compared with the real 20.10 client: ParseNormalizedNamed through
// `docker build -t <name> --zzz .` and ParseAnyReference through `docker tag <name> 'BAD::'`, both of which
// fail before the daemon does anything.

const err = (s: string) => {
  const r = parseNormalizedNamed(s);
  return r.ok ? 'ok' : r.error;
};

describe('image references', () => {
  it('completes familiar names and shows them back familiar', () => {
    const r = parseNormalizedNamed('tomcat');
    assert.ok(r.ok);
    assert.deepEqual(r.ref, { kind: 'named', domain: 'docker.io', path: 'library/tomcat' });
    assert.equal(normalizedString(tagNameOnly(r.ref)), 'docker.io/library/tomcat:latest');
    assert.equal(familiarName(r.ref), 'tomcat');
    assert.equal(familiarString(tagNameOnly(r.ref)), 'tomcat:latest');
  });
  it('splits registry, port, namespace, tag and digest', () => {
    const digest = 'sha256:' + 'a'.repeat(64);
    const r = parseNormalizedNamed(`localhost:5000/team/app:1.2@${digest}`);
    assert.ok(r.ok);
    assert.deepEqual(r.ref, { kind: 'named', domain: 'localhost:5000', path: 'team/app', tag: '1.2', digest });
    assert.equal(familiarString(r.ref), `localhost:5000/team/app:1.2@${digest}`);
    const ns = parseNormalizedNamed('cv-xpu/tomcat_02:1.2');
    assert.ok(ns.ok);
    assert.equal(familiarString(ns.ref), 'cv-xpu/tomcat_02:1.2');
    const legacy = parseNormalizedNamed('index.docker.io/foo');
    assert.ok(legacy.ok);
    assert.equal(normalizedString(legacy.ref), 'docker.io/library/foo');
  });
  it('says "must be lowercase" for upper case in the repository, not in the tag or registry (docker run cv-Upper)', () => {
    assert.equal(err('cv-Upper'), 'invalid reference format: repository name must be lowercase');
    assert.equal(err('CV-TOMCAT'), 'invalid reference format: repository name must be lowercase');
    assert.equal(err('example.com/X'), 'invalid reference format: repository name must be lowercase');
    assert.equal(err('lower:TAG'), 'ok');
    assert.equal(err('Example.com/x'), 'ok');
    assert.equal(err('BAD::'), 'invalid reference format: repository name must be lowercase');
  });
  it('says "invalid reference format" for other bad names (docker run cv-tomcat: / cv-tomcat:a:b / "cv tomcat")', () => {
    for (const s of ['cv-tomcat:', 'cv-tomcat:a:b', 'cv tomcat', 'cv-xpu/tomcat_02：1.2', '-cv-tomcat', ':', 'a___b', 'a:' + 'b'.repeat(129), 'x@sha256:abc']) {
      assert.equal(err(s), 'invalid reference format', s);
    }
  });
  it('gives distribution\'s other errors', () => {
    assert.equal(err(''), 'invalid reference format'); // '' becomes docker.io/library/ first
    assert.equal(err('a'.repeat(64)), `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`);
    assert.equal(err('x/' + 'y'.repeat(260)), 'repository name must not be more than 255 characters');
    assert.equal(err('x@md5:' + 'a'.repeat(32)), 'unsupported digest algorithm');
    assert.equal(err('x@sha512:' + 'a'.repeat(64)), 'invalid checksum digest length');
    assert.equal(err('x@sha256:' + 'A'.repeat(64)), 'invalid checksum digest format');
  });
  it('accepts IDs and digests where any reference is allowed (docker tag <id> …)', () => {
    const id = 'a'.repeat(64);
    assert.deepEqual(parseAnyReference(id), { ok: true, ref: { kind: 'digest', digest: `sha256:${id}` } });
    assert.deepEqual(parseAnyReference(`sha256:${id}`), { ok: true, ref: { kind: 'digest', digest: `sha256:${id}` } });
    assert.deepEqual(parseAnyReference('cv-Upper'), { ok: false, error: 'invalid reference format: repository name must be lowercase' });
  });
  it('builds the `build -t` flag error (docker build -t cv-Upper .)', () => {
    assert.equal(
      validateBuildTag('cv-Upper'),
      'invalid argument "cv-Upper" for "-t, --tag" flag: invalid reference format: repository name must be lowercase',
    );
    assert.equal(validateBuildTag('cv-bad:'), 'invalid argument "cv-bad:" for "-t, --tag" flag: invalid reference format');
    assert.equal(validateBuildTag('cv-ok:v2'), undefined);
  });
  it('refuses a long name with a second colon at once (moby TestCreateByImageID: name:sha256:<id> hung)', () => {
    const started = Date.now();
    const r = parseNormalizedNamed(`mb57a828-testcreatebyimageid:sha256:${'a'.repeat(64)}`);
    assert.deepEqual(r, { ok: false, error: 'invalid reference format' });
    assert.deepEqual(parseNormalizedNamed(`${'a-'.repeat(40)}b:x:y`), { ok: false, error: 'invalid reference format' });
    assert.ok(Date.now() - started < 200, `took ${Date.now() - started}ms`);
    assert.equal(parseNormalizedNamed('a--b__c.d_e').ok, true);
    assert.equal(parseNormalizedNamed('a___b').ok, false);
  });
});
