import assert from 'node:assert/strict';
import { readSaveArchive, retagSaveArchive } from '../../../src/engine/docker/loaded-images.js';
import { readTar, writeTar } from '../../../src/tar/tar.js';
import { EngineError } from '../../../src/errors/engine-error.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

// the shape `docker save` (20.10) writes: configs as <id>.json, layers in folders, manifest.json, repositories
const archive = writeTar([
  { path: `${A}.json`, type: 'file', data: enc('{"config":{}}') },
  { path: 'l1', type: 'dir' },
  { path: 'l1/layer.tar', type: 'file', data: enc('layer bytes') },
  { path: 'manifest.json', type: 'file', data: enc([{ Config: `${A}.json`, RepoTags: ['tim/centos:latest', 'other:1'], Layers: ['l1/layer.tar'] }, { Config: `${B}.json`, RepoTags: null, Layers: [] }]) },
  { path: 'repositories', type: 'file', data: enc({ 'tim/centos': { latest: 'l1' }, other: { '1': 'l1' } }) },
]);

describe('docker load archives', () => {
  it('reads the images and tags a save archive holds', () => {
    assert.deepEqual(readSaveArchive(archive), [{ id: `sha256:${A}`, repoTags: ['tim/centos:latest', 'other:1'] }, { id: `sha256:${B}`, repoTags: [] }]);
  });

  it('moves every tag into the run’s namespace (or drops it) and leaves configs and layers byte for byte', () => {
    const out = retagSaveArchive(archive, (tag) => (tag === 'other:1' ? null : `drydock-run-000000000001/${tag}`));
    assert.deepEqual(readSaveArchive(out)[0]!.repoTags, ['drydock-run-000000000001/tim/centos:latest']);
    const files = new Map(readTar(out).map((e) => [e.path, new TextDecoder().decode(e.data)]));
    assert.deepEqual(JSON.parse(files.get('repositories')!), { 'drydock-run-000000000001/tim/centos': { latest: 'l1' } });
    assert.equal(files.get('l1/layer.tar'), 'layer bytes');
    assert.equal(files.get(`${A}.json`), '{"config":{}}');
  });

  it('refuses what it cannot read, so no tag ever escapes the namespace', () => {
    const refused = (e: unknown) => e instanceof EngineError && e.code === 'POLICY_REFUSED';
    assert.throws(() => readSaveArchive(enc('not a tar at all, but long enough to look at'.repeat(20))), refused);
    assert.throws(() => readSaveArchive(writeTar([{ path: 'repositories', type: 'file', data: enc({}) }])), refused);
  });
});
