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

  it("a container's layer is full at 256 MiB: the next write fails with ENOSPC, a removed file frees its room", async () => {
    const engine = createSimEngine();
    const r = await engine.docker(['run', '--rm', 'drydock/busybox:1.35', 'sh', '-c', 'for i in 1 2 3 4 5; do dd if=/dev/zero of=/f$i bs=1M count=60 2>/dev/null || echo "f$i: $?"; done; rm /f1; dd if=/dev/zero of=/f5 bs=1M count=60 2>/dev/null && echo fits'], { timeoutMs: 30_000 });
    assert.deepEqual([r.exitCode, r.stdout], [0, 'f5: 1\nfits\n']);
  });

  /** Runs `script` in a fresh busybox container. */
  async function sh(script: string, timeoutMs = 20_000) {
    return createSimEngine().docker(['run', '--rm', 'drydock/busybox:1.35', 'sh', '-c', script], { timeoutMs });
  }

  it('endless producers run until something stops them: a full pipe, the output limit, a full disk', async () => {
    assert.deepEqual(await sh('yes | head -n 2'), { exitCode: 0, stdout: 'y\ny\n', stderr: '' });
    assert.equal((await sh('cat /dev/zero | head -c 5 | wc -c')).stdout, '5\n');
    assert.equal((await sh('cat /dev/urandom | head -c 3 | wc -c')).stdout, '3\n');
    assert.equal((await sh('yes no | head -n 3 | tail -n 1')).stdout, 'no\n');
    // to the step's output: stopped at the output limit, which says so
    const cat = await sh('cat /dev/zero');
    assert.equal(cat.exitCode, 137);
    assert.equal(cat.stdout.length, 16 * 1024 * 1024);
    assert.match(cat.stderr, /main process printed more than 16 MiB, the most a step may print and was killed/);
    // into a file: busybox's own text when the disk is full
    const full = await sh('yes > /f; echo "exit $?"; wc -c < /f');
    assert.equal(full.stdout, `exit 1\n${64 * 1024 * 1024}\n`);
    assert.equal(full.stderr, 'yes: write error: No space left on device\n');
  });

  it("JavaScript's own limits give a plain drydock message, never JavaScript's text", async () => {
    for (const script of ['f() { f; }; f', 'x=a; while :; do x=$x$x; done']) {
      const r = await sh(script);
      assert.equal(r.exitCode, 125, script);
      assert.match(r.stderr, /^drydock: the command .* \(a limit of the simulator, not of Docker\); run it with --engine docker\n$/, script);
      assert.doesNotMatch(r.stderr, /Invalid string length|Maximum call stack|RangeError/);
    }
    // base64 of a file of a few MB (spread into one call it overflowed the stack)
    const b = await sh('head -c 3000000 /bin/busybox | base64 | wc -c');
    assert.equal(b.exitCode, 0, b.stderr);
    assert.match(b.stdout, /^\d+\n$/);
  });
});
