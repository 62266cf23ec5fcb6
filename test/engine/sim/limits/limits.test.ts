import assert from 'node:assert/strict';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('limits that hold on the simulator', function () {
  this.timeout(60_000);

  it("a step's timeout stops a loop that never yields, and the result says it timed out", async () => {
    // a budget large enough that only the clock can stop the loop (it would run for tens of seconds)
    const engine = createSimEngine({ stepBudget: 20_000_000 });
    const started = performance.now();
    const r = await engine.docker(['run', '--rm', 'drydock/busybox:1.35', 'sh', '-c', 'while :; do :; done'], { timeoutMs: 300 });
    const took = performance.now() - started;
    assert.equal(r.timedOut, true);
    assert.ok(took < 3000, `${took} ms`);
    const host = await engine.host('while :; do :; done', { timeoutMs: 300 });
    assert.equal(host.timedOut, true);
    // the state stays usable after a timeout
    assert.equal((await engine.docker(['ps', '-a', '-q'])).exitCode, 0);
  });

  it('dd of 4000 MiB from /dev/zero ends in a full disk, with busybox texts, without taking 4 GB', async () => {
    const engine = createSimEngine();
    const before = process.memoryUsage().rss;
    const r = await engine.docker(['run', '--rm', 'drydock/busybox:1.35', 'sh', '-c', 'dd if=/dev/zero of=/big bs=1M count=4000; echo "exit $?"'], { timeoutMs: 30_000 });
    assert.equal(r.stdout, 'exit 1\n');
    assert.match(r.stderr, /^dd: error writing '\/big': No space left on device\n\d+\+0 records in\n\d+\+0 records out\n$/);
    assert.ok(process.memoryUsage().rss - before < 1024 * 1024 * 1024, 'well under 4 GB');
  });
});
