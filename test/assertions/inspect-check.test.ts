import assert from 'node:assert/strict';
import { inspectAssertion } from '../../src/assertions/inspect-check.js';
import { prepared } from './helpers.js';

describe('inspect check', () => {
  const setup = () => prepared(['volume create data', 'run -dit --name box -v data:/data -e A=1 ubuntu']);

  it('picks a value with JMESPath and matches it', async () => {
    const ctx = await setup();
    const pass = async (spec: Record<string, unknown>) => assert.deepEqual(await inspectAssertion.run(spec, ctx), { status: 'passed', failures: [] }, JSON.stringify(spec));
    await pass({ container: 'box', path: "Mounts[?Destination=='/data'] | [0].RW", equals: true });
    await pass({ container: 'box', path: 'Config.Env', contains: 'A=1' });
    await pass({ container: 'box', path: 'State.Running' });
    await pass({ container: 'box', contains: { Name: '/box', Config: { Env: ['A=1'] } } });
    await pass({ volume: 'data', path: 'Driver', equals: 'local' });
    await pass({ image: 'ubuntu', path: 'RepoTags', contains: 'ubuntu:latest' });
    await pass({ container: 'box', path: 'NoSuchField', exists: false });
  });

  it('fails with a diff of the partial match', async () => {
    const ctx = await setup();
    const r = await inspectAssertion.run({ container: 'box', contains: { Config: { Tty: false } } }, ctx);
    assert.equal(r.status, 'failed');
    assert.match(r.failures[0]!.diff ?? '', /-\s+"Tty": false\n\+\s+"Tty": true/);
  });

  it('is an error for an object that does not exist', async () => {
    const ctx = await setup();
    assert.equal((await inspectAssertion.run({ container: 'ghost', path: 'Id' }, ctx)).status, 'error');
  });
});
