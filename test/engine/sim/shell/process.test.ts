import assert from 'node:assert/strict';
import { EngineError } from '../../../../src/errors/engine-error.js';
import { BUSYBOX_APPLETS } from '../../../../src/engine/sim/shell/busybox-applets.js';
import { ProcessBlocked, StepBudgetExceeded, resolveExecutable, spawn } from '../../../../src/engine/sim/shell/process.js';
import { BUSYBOX_BYTES, makeContext, runArgv } from './helpers.js';
import type { RunOptions } from './helpers.js';

const enc = new TextEncoder();

function blocked(argv: string[], options: RunOptions, setup?: (fs: ReturnType<typeof makeContext>['fs']) => void): { error: unknown; stdout: string; stderr: string } {
  const { ctx, out, fs } = makeContext(options);
  setup?.(fs);
  try {
    spawn(ctx, argv);
  } catch (error) {
    return { error, ...out() };
  }
  return { error: null, ...out() };
}

describe('process model', () => {
  describe('resolveExecutable', () => {
    it('returns the path found in $PATH or as given', () => {
      const { ctx } = makeContext();
      assert.equal(resolveExecutable(ctx, 'sh'), '/bin/sh');
      assert.equal(resolveExecutable(ctx, '/bin/sh'), '/bin/sh');
    });

    it("describes failures with runc's texts", () => {
      const { ctx, fs } = makeContext({ files: { '/etc/hostname': 'abc\n', '/opt/tool': { file: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2]), mode: 0o755 } } });
      const cases: [string, string, string, number][] = [
        ['bash', 'not-in-path', 'exec: "bash": executable file not found in $PATH', 127],
        ['/bin/bash', 'no-such-file', 'exec: "/bin/bash": stat /bin/bash: no such file or directory', 127],
        ['/etc/hostname', 'permission-denied', 'exec: "/etc/hostname": permission denied', 126],
        ['/opt/tool', 'not-simulated', '', 126],
      ];
      for (const [argv0, kind, message, exitCode] of cases) {
        const r = resolveExecutable(ctx, argv0);
        assert.ok(typeof r !== 'string', argv0);
        assert.equal(r.kind, kind);
        if (message) assert.equal(r.message, message);
        assert.equal(r.exitCode, exitCode);
      }
      fs.writeFile('/opt/s.sh', enc.encode('#!/bin/nope\n'), { mode: 0o755 });
      fs.writeFile('/opt/t.sh', enc.encode('echo no shebang\n'), { mode: 0o755 });
      const bad = resolveExecutable(ctx, '/opt/s.sh');
      assert.ok(typeof bad !== 'string' && bad.kind === 'bad-interpreter' && bad.message === 'exec /opt/s.sh: no such file or directory');
      const text = resolveExecutable(ctx, '/opt/t.sh');
      assert.ok(typeof text !== 'string' && text.kind === 'exec-format');
    });
  });

  describe('spawn', () => {
    it('runs busybox applets by the name they are invoked as', () => {
      const r = runArgv(['/bin/ls', '/'], { files: { '/bin/ls': { link: '/bin/busybox' } } });
      assert.equal(r.stdout, 'bin\ndev\netc\nroot\ntmp\n');
      const bb = runArgv(['/bin/busybox', 'echo', 'hi']);
      assert.equal(bb.stdout, 'hi\n');
      const unknown = runArgv(['/bin/bash'], { files: { '/bin/bash': { link: '/bin/busybox' } } });
      assert.deepEqual([unknown.stderr, unknown.status], ['bash: applet not found\n', 127]);
    });

    it('runs #! scripts through their interpreter with the script path inserted', () => {
      const files = { '/usr/bin/tool.sh': { file: '#!/bin/sh\necho "$0|$1|$#"\n', mode: 0o755 } };
      const r = runArgv(['tool.sh', 'a'], { files, env: { PATH: '/usr/bin:/bin' } });
      assert.equal(r.stdout, '/usr/bin/tool.sh|a|1\n');
    });

    it('throws NOT_SIMULATED for a foreign ELF binary', () => {
      const { ctx, fs } = makeContext();
      fs.writeFile('/bin/python3', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1]), { mode: 0o755 });
      assert.throws(() => spawn(ctx, ['python3']), (e: unknown) => e instanceof EngineError && e.code === 'NOT_SIMULATED' && /python3.*--engine docker/.test(e.message));
    });

    it('recognises busybox by its marker under another name', () => {
      const r = runArgv(['/bin/toolbox', 'echo', 'x'], { files: { '/bin/toolbox': { file: BUSYBOX_BYTES, mode: 0o755 } } });
      assert.deepEqual([r.stderr, r.status], ['toolbox: applet not found\n', 127]);
      const ok = runArgv(['/bin/echo', 'x'], { files: { '/bin/echo': { link: '/bin/toolbox' }, '/bin/toolbox': { file: BUSYBOX_BYTES, mode: 0o755 } } });
      assert.equal(ok.stdout, 'x\n');
    });

    it('fails loudly for applets the simulator does not implement', () => {
      const r = runArgv(['sh', '-c', 'awk 1']);
      assert.deepEqual([r.stderr, r.status], ["drydock: applet 'awk' is not simulated; run this scenario with --engine docker\n", 127]);
    });

    it('installs and lists applets', () => {
      const r = runArgv(['sh', '-c', 'busybox --install -s /bin; ls /bin | wc -l; readlink /bin/ls; busybox --list | head -3']);
      assert.equal(r.stdout, `${BUSYBOX_APPLETS.length}\n/bin/busybox\n[\n[[\nacpid\n`);
    });
  });

  describe('credentials', () => {
    const files = {
      '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/sh\n',
      '/etc/group': 'root:x:0:\nnogroup:x:65534:\n',
      '/etc/shadow': { file: 'secret', mode: 0o600 },
    };

    it('applies Unix permissions to a non-root process (texts checked against busybox run as nobody)', () => {
      const script = 'id; whoami; touch /root/x; echo $?; ls /root; cat /etc/shadow; echo hi > /tmp/mine; ls -l /tmp/mine; mkdir /newdir; chmod 777 /etc/passwd; chown nobody /tmp/mine; echo $?; rm /etc/passwd; cd /root; echo $?';
      const r = runArgv(['sh', '-c', script], { uid: 65534, files });
      assert.equal(r.stdout, 'uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\nnobody\n1\n-rw-r--r--    1 nobody   nogroup          3 Nov 22 21:26 /tmp/mine\n0\n2\n');
      assert.equal(
        r.stderr,
        "touch: /root/x: Permission denied\nls: can't open '/root': Permission denied\ncat: can't open '/etc/shadow': Permission denied\n" +
          "mkdir: can't create directory '/newdir': Permission denied\nchmod: /etc/passwd: Operation not permitted\n" +
          "rm: can't remove '/etc/passwd': Permission denied\nsh: cd: line 0: can't cd to /root: Permission denied\n",
      );
    });
  });

  describe('terminal', () => {
    it('runs an interactive shell with banner, prompts and echoed input on a tty', () => {
      const { ctx, out } = makeContext({ mode: 'main', stdin: 'echo inside > /tmp/x; hostname\n', stdinOpen: true });
      ctx.tty = true;
      assert.throws(() => spawn(ctx, ['/bin/sh']), ProcessBlocked);
      assert.equal(
        out().stdout,
        "\n\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)\nEnter 'help' for a list of built-in commands.\n\n" +
          '/ # \x1b[6necho inside > /tmp/x; hostname\ne30e2548f741\n/ # \x1b[6n',
      );
    });
  });

  describe('blocking and budgets', () => {
    it('blocks a main process in sleep after printing everything before it', () => {
      const r = blocked(['sh', '-c', 'echo a; sleep 5; echo b'], { mode: 'main' });
      assert.ok(r.error instanceof ProcessBlocked && r.error.reason === 'sleep' && r.error.ms === 5000);
      assert.equal(r.stdout, 'a\n');
    });

    it('advances the virtual clock for sleep in exec mode', () => {
      const { ctx, out } = makeContext({ mode: 'exec', now: 0 });
      assert.equal(spawn(ctx, ['sh', '-c', 'date -u +%s; sleep 90; date -u +%s']), 0);
      assert.equal(out().stdout, '0\n90\n');
    });

    it('runs catalina.sh until its final exec sleep blocks', () => {
      const files = { '/usr/local/tomcat/bin/catalina.sh': { file: '#!/bin/sh\necho "Fake Catalina: $*"\nexec sleep 100000\n', mode: 0o755 } };
      const r = blocked(['catalina.sh', 'run'], { mode: 'main', cwd: '/usr/local/tomcat', env: { PATH: '/usr/local/tomcat/bin:/bin' }, files });
      assert.ok(r.error instanceof ProcessBlocked && r.error.ms === 100_000_000);
      assert.equal(r.stdout, 'Fake Catalina: run\n');
    });

    it('blocks an interactive shell and readers of an open stdin', () => {
      const sh = blocked(['/bin/sh'], { mode: 'main', stdin: 'echo hi\n', stdinOpen: true });
      assert.ok(sh.error instanceof ProcessBlocked && sh.error.reason === 'stdin');
      assert.equal(sh.stdout, 'hi\n');
      const read = blocked(['sh', '-c', 'read x; echo got $x; read y; echo never'], { mode: 'main', stdin: 'one\n', stdinOpen: true });
      assert.ok(read.error instanceof ProcessBlocked);
      assert.equal(read.stdout, 'got one\n');
      const cat = blocked(['sh', '-c', 'cat'], { mode: 'main', stdin: 'part', stdinOpen: true });
      assert.ok(cat.error instanceof ProcessBlocked);
      assert.equal(cat.stdout, 'part');
      const closed = runArgv(['/bin/sh'], { stdin: 'echo hi\nexit 4\n' });
      assert.deepEqual([closed.stdout, closed.status], ['hi\n', 4]);
    });

    it('blocks on tail -f after printing the file, also inside a pipeline', () => {
      const r = blocked(['sh', '-c', 'tail -f /var/log | grep b'], { mode: 'main', files: { '/var/log': 'a\nb\n' } });
      assert.ok(r.error instanceof ProcessBlocked);
      assert.equal(r.stdout, 'b\n');
      const alone = blocked(['tail', '-f', '/var/log'], { mode: 'main', files: { '/var/log': 'a\n' }, env: { PATH: '/bin' } }, (fs) => fs.symlink('/bin/busybox', '/bin/tail'));
      assert.ok(alone.error instanceof ProcessBlocked && alone.error.reason === 'tail-follow');
    });

    it('lets background jobs keep sleeping without blocking the script, until it waits for them', () => {
      // recorded on 20.10: `sleep 100 & echo hi > /x; wait` runs on past the job, then waits the 100 s
      const r = blocked(['sh', '-c', 'sleep 100 & echo started; wait; echo never'], { mode: 'main' });
      assert.ok(r.error instanceof ProcessBlocked && r.error.reason === 'sleep');
      assert.equal(r.stdout, 'started\n');
      // an exec's wait passes as its sleeps do; one for ever does not return
      const exec = runArgv(['sh', '-c', 'sleep 100 & echo started; wait $!; echo "done $?"'], { mode: 'exec' });
      assert.equal(exec.stdout, 'started\ndone 0\n');
      const forever = blocked(['sh', '-c', 'sleep infinity & wait'], { mode: 'exec' });
      assert.ok(forever.error instanceof ProcessBlocked);
    });

    it('stops endless loops with the step budget', () => {
      const { ctx } = makeContext({ steps: 500 });
      assert.throws(() => spawn(ctx, ['sh', '-c', 'while :; do :; done']), StepBudgetExceeded);
      const { ctx: y } = makeContext({ steps: 500 });
      assert.throws(() => spawn(y, ['sh', '-c', 'yes > /dev/null']), StepBudgetExceeded);
    });
  });
});
