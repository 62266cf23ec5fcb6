import assert from 'node:assert/strict';
import { containersAssertion } from '../../src/assertions/containers-check.js';
import { imagesAssertion } from '../../src/assertions/images-check.js';
import { volumesAssertion } from '../../src/assertions/volumes-check.js';
import { prepared } from './helpers.js';

describe('images, containers and volumes checks', () => {
  const setup = () => prepared(['volume create v1', 'run -dit --name up ubuntu', 'create --name down ubuntu', 'tag ubuntu mine:1']);

  it('images: present, absent, count with filters', async () => {
    const ctx = await setup();
    assert.equal((await imagesAssertion.run({ present: ['ubuntu', 'mine:1'], absent: ['nope'], filter: ['reference=mine'], count: 1 }, ctx)).status, 'passed');
    const r = await imagesAssertion.run({ present: ['nope'], absent: ['ubuntu'], count: 0 }, ctx);
    assert.deepEqual(
      r.failures.map((f) => f.message.split('\n')[0]),
      ['image nope does not exist', 'image ubuntu exists, and should not', 'number of images is not equal to the expected value'],
    );
  });

  it('containers: present, absent, running, stopped, count', async () => {
    const ctx = await setup();
    assert.equal((await containersAssertion.run({ present: ['up', 'down'], absent: ['gone'], running: ['up'], stopped: ['down'], count: 2 }, ctx)).status, 'passed');
    assert.equal((await containersAssertion.run({ filter: ['status=running'], count: 1 }, ctx)).status, 'passed');
    const r = await containersAssertion.run({ running: ['down', 'gone'], stopped: ['up'] }, ctx);
    assert.deepEqual(
      r.failures.map((f) => f.message),
      ['container down is stopped', 'container gone does not exist', 'container up is running'],
    );
  });

  it('volumes: present, absent, count', async () => {
    const ctx = await setup();
    assert.equal((await volumesAssertion.run({ present: ['v1'], absent: ['v2'], count: 1 }, ctx)).status, 'passed');
    assert.equal((await volumesAssertion.run({ present: ['v2'] }, ctx)).status, 'failed');
  });
});
