import assert from 'node:assert/strict';
import { parseMountFlag, parseVolumeSpec, parseVolumesFrom, resolveVolumeSpecs, validateLocalVolumeName, validateMountConfig } from '../../src/docker-cli/index.js';

// -v errors are the daemon's texts from docker-reference.md 3.5 (docker run … -v <spec> cv-centos true, with
// "docker: Error response from daemon: " before and "." after). --mount texts were checked with
// `docker create --pull never --mount <spec> cv-nonexistent-zzz:never` (the daemon checks mounts before it
// looks for the image) and, for flag errors, `docker run --mount <spec> --zzz img`.

const error = (raw: string) => {
  const r = parseVolumeSpec(raw);
  return r.ok ? 'ok' : r.error;
};

describe('-v / --volume specs', () => {
  it('sorts specs into binds, named volumes and anonymous volumes', () => {
    assert.deepEqual(parseVolumeSpec('/host:/ctr'), {
      ok: true,
      spec: { kind: 'bind', source: '/host', destination: '/ctr', mode: '', rw: true, propagation: 'rprivate' },
    });
    assert.deepEqual(parseVolumeSpec('/host/:/ctr/:ro'), {
      ok: true,
      spec: { kind: 'bind', source: '/host', destination: '/ctr', mode: 'ro', rw: false, propagation: 'rprivate' },
    });
    assert.deepEqual(parseVolumeSpec('/h:/c:z'), { ok: true, spec: { kind: 'bind', source: '/h', destination: '/c', mode: 'z', rw: true, propagation: 'rprivate' } });
    assert.deepEqual(parseVolumeSpec('/h:/c:rw,shared'), {
      ok: true,
      spec: { kind: 'bind', source: '/h', destination: '/c', mode: 'rw,shared', rw: true, propagation: 'shared' },
    });
    assert.deepEqual(parseVolumeSpec('data:/d:ro,nocopy'), {
      ok: true,
      spec: { kind: 'named', name: 'data', destination: '/d', mode: 'ro,nocopy', rw: false, copyData: false },
    });
    assert.deepEqual(parseVolumeSpec('/ctr'), { ok: true, spec: { kind: 'anonymous', destination: '/ctr', typed: '/ctr' } });
    assert.deepEqual(parseVolumeSpec('/ctr/'), { ok: true, spec: { kind: 'anonymous', destination: '/ctr', typed: '/ctr/' } });
    // `-v :/b` runs (3.5); the daemon keeps the spec as the path, and the volume lands at /:/b in the container
    assert.deepEqual(parseVolumeSpec(':/b'), { ok: true, spec: { kind: 'anonymous', destination: ':/b', typed: ':/b' } });
  });
  it('reports bad modes and shapes like the daemon (3.5)', () => {
    assert.equal(error('/host/a:/b:xyz'), 'invalid mode: xyz');
    assert.equal(error('/b:/c:rw,ro'), 'invalid mode: rw,ro');
    assert.equal(error('/host/a:/b:ro:z:extra'), "invalid volume specification: '/host/a:/b:ro:z:extra'");
    assert.equal(error('/host/a:'), "invalid volume specification: '/host/a:'");
    assert.equal(error('/host/a:ro'), "invalid volume specification: '/host/a:ro'");
  });
  it('reports bad container paths with the mount config text (3.5)', () => {
    assert.equal(
      error('/host/a:b'),
      `invalid volume specification: '/host/a:b': invalid mount config for type "bind": invalid mount path: 'b' mount path must be absolute`,
    );
    assert.equal(
      error('/host/a:/'),
      `invalid volume specification: '/host/a:/': invalid mount config for type "bind": invalid specification: destination can't be '/'`,
    );
    assert.equal(
      error('vol:/d:shared'),
      `invalid volume specification: 'vol:/d:shared': invalid mount config for type "volume": field BindOptions must not be specified`,
    );
  });
  it('checks volume names when the named volume is created (3.5: -v relative/dir:/b, docker volume create "cv bad")', () => {
    assert.equal(
      validateLocalVolumeName('relative/dir'),
      'create relative/dir: "relative/dir" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path',
    );
    assert.equal(
      validateLocalVolumeName('cv bad'),
      'create cv bad: "cv bad" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path',
    );
    assert.equal(validateLocalVolumeName('cv-named1'), undefined);
  });
  it('resolves all -v values of a run in the daemon\'s order (3.5: duplicate mount point)', () => {
    assert.deepEqual(resolveVolumeSpecs(['/host/a:/b', '/host/c:/b']), { ok: false, error: 'Duplicate mount point: /b', madeBefore: [] });
    // the daemon has created the named volume it met first (moby TestRunNoDupVolumes: one volume is left)
    assert.deepEqual(resolveVolumeSpecs(['v1:/b', 'v2:/b']), { ok: false, error: 'Duplicate mount point: /b', madeBefore: ['v1'] });
    const r = resolveVolumeSpecs(['./reldir:/b']);
    assert.equal(r.ok ? 'ok' : r.error.split(':')[0], 'create ./reldir');
    const okay = resolveVolumeSpecs(['/a:/b', '/a:/b', '/c', 'v1:/d']);
    assert.ok(okay.ok);
    assert.deepEqual([okay.volumes.binds.length, okay.volumes.anonymous.length], [2, 1]);
  });
  it('parses --volumes-from modes', () => {
    assert.deepEqual(parseVolumesFrom('c1'), { ok: true, container: 'c1', mode: 'rw' });
    assert.deepEqual(parseVolumesFrom('c1:ro'), { ok: true, container: 'c1', mode: 'ro' });
    assert.deepEqual(parseVolumesFrom('c1:shared'), { ok: false, error: 'invalid mode: shared' });
  });
});

describe('--mount', () => {
  it('parses the CSV form into the API mount shape', () => {
    assert.deepEqual(parseMountFlag('type=bind,source=/a,target=/b,readonly'), { ok: true, mount: { Type: 'bind', Source: '/a', Target: '/b', ReadOnly: true } });
    assert.deepEqual(parseMountFlag('src=v,dst=/d,volume-label=a=b'), {
      ok: true,
      mount: { Type: 'volume', Source: 'v', Target: '/d', VolumeOptions: { Labels: { a: 'b' }, DriverConfig: {} } },
    });
  });
  it('gives the CLI flag errors (docker run --mount <spec> --zzz img)', () => {
    const e = (s: string) => {
      const r = parseMountFlag(s);
      return r.ok ? 'ok' : r.error;
    };
    assert.equal(e('type=foo'), 'target is required');
    assert.equal(e('foo'), "invalid field 'foo' must be a key=value pair");
    assert.equal(e(''), 'EOF');
    assert.equal(e('type=bind,"x'), 'parse error on line 1, column 13: extraneous or missing " in quoted-field');
    assert.equal(e('type=bind,a"x'), 'parse error on line 1, column 12: bare " in non-quoted-field');
    assert.equal(e('type=bind,target=/x,volume-driver=x'), "cannot mix 'volume-*' options with mount type 'bind'");
    assert.equal(e('type=volume,target=/x,ro=maybe'), 'invalid value for ro: maybe');
    assert.equal(e('type=volume,dst=/x,bogus=1'), "unexpected key 'bogus' in 'bogus=1'");
  });
  it('gives the daemon\'s mount checks (docker create --pull never --mount <spec> cv-nonexistent-zzz:never)', () => {
    const check = (s: string, exists = false) => {
      const r = parseMountFlag(s);
      assert.ok(r.ok);
      return validateMountConfig(r.mount, () => exists);
    };
    assert.equal(check('type=bind,source=/nonexist-zz,target=/b'), 'invalid mount config for type "bind": bind source path does not exist: /nonexist-zz');
    assert.equal(check('type=bind,source=rel,target=/b'), `invalid mount config for type "bind": invalid mount path: 'rel' mount path must be absolute`);
    assert.equal(check('type=volume,target=rel'), `invalid mount config for type "volume": invalid mount path: 'rel' mount path must be absolute`);
    assert.equal(check('type=volume,target=/'), `invalid mount config for type "volume": invalid specification: destination can't be '/'`);
    assert.equal(check('type=tmpfs,source=x,target=/x'), 'invalid mount config for type "tmpfs": field Source must not be specified');
    assert.equal(check('type=foo,target=/x'), 'invalid mount config for type "foo": mount type unknown');
    assert.equal(check('type=volume,target=/x,readonly'), 'invalid mount config for type "volume": must not set ReadOnly mode when using anonymous volumes');
    assert.equal(check('type=bind,source=/tmp,target=/x,bind-propagation=bogus', true), 'invalid mount config for type "bind": invalid propagation mode: bogus');
    assert.equal(check('type=bind,source=/tmp,target=/x', true), undefined);
  });
});
