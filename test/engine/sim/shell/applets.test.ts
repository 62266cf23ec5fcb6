// Applet cases that the golden/differential corpus cannot cover because they depend on the container (its
// hostname, kernel, clock, /proc, capabilities) rather than on files.

import assert from 'node:assert/strict';
import { makeContext, run, runArgv } from './helpers.js';
import { spawn } from '../../../../src/engine/sim/shell/process.js';

describe('applets that read the container', () => {
  it('hostname and uname use the context (kernel defaults to the reference host)', () => {
    const r = run('hostname; hostname -s; uname -r; uname -a; hostname new; echo $?');
    assert.equal(r.stdout, 'e30e2548f741\ne30e2548f741\n6.18.44-fc-v782\nLinux e30e2548f741 6.18.44-fc-v782 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux\n1\n');
    assert.equal(r.stderr, 'hostname: sethostname: Operation not permitted\n');
    const { ctx, out } = makeContext();
    ctx.kernel = '5.15.0-test';
    spawn(ctx, ['sh', '-c', 'uname -r']);
    assert.equal(out().stdout, '5.15.0-test\n');
  });

  it('date reads the virtual clock', () => {
    const r = run('date; date -u +%s; date -d @0 +%F; date -s 2020; echo $?', { now: Date.UTC(2026, 10, 22, 21, 26, 5) });
    assert.equal(r.stdout, 'Sun Nov 22 21:26:05 UTC 2026\n1795382765\n1970-01-01\n1\n');
    assert.equal(r.stderr, "date: can't set date: Operation not permitted\n");
  });

  it('mount and umount are refused as in an unprivileged container', () => {
    const r = run('mount -t tmpfs none /mnt; echo $?; mount; echo $?; umount /tmp; echo $?');
    assert.equal(r.stdout, '1\n1\n1\n');
    assert.equal(r.stderr, 'mount: permission denied (are you root?)\nmount: no /proc/mounts\numount: can\'t unmount /tmp: Operation not permitted\n');
    const listed = run('mount', { files: { '/proc/mounts': 'overlay / overlay rw 0 0\n' } });
    assert.equal(listed.stdout, 'overlay / overlay rw 0 0\n');
  });

  it('ps lists /proc, or fails like busybox without it', () => {
    const none = run('ps; echo $?');
    assert.deepEqual([none.stdout, none.stderr], ['1\n', "ps: can't open '/proc': No such file or directory\n"]);
    const files = { '/proc/1/cmdline': 'catalina.sh\u0000run\u0000', '/proc/1/status': 'Uid:\t0\n', '/proc/7/comm': 'kworker\n' };
    assert.equal(run('ps', { files }).stdout, 'PID   USER     COMMAND\n    1 0        catalina.sh run\n    7 0        [kworker]\n');
  });

  it('tty, nproc, logname, kill and sync', () => {
    const r = run('tty; echo $?; nproc; logname; echo $?; kill 123; echo $?; sync; echo $?');
    assert.equal(r.stdout, 'not a tty\n1\n2\n1\n1\n0\n');
    assert.equal(r.stderr, 'logname: getlogin: Inappropriate ioctl for device\nsh: can\'t kill pid 123: No such process\n');
  });

  it('sleep and usleep advance the clock outside the main process', () => {
    const { ctx } = makeContext({ now: 0 });
    spawn(ctx, ['sh', '-c', 'sleep 1.5; usleep 500000; sleep 1m']);
    assert.equal(ctx.clock.now(), 62_000);
  });

  it('env run directly prints the environment in the order the daemon gave it', () => {
    const r = runArgv(['/bin/env'], { env: { PATH: '/bin', HOSTNAME: 'cf5a7f8c59c3', WEBAPP_PORT: '9090', HOME: '/root' }, files: { '/bin/env': { link: '/bin/busybox' } } });
    assert.equal(r.stdout, 'PATH=/bin\nHOSTNAME=cf5a7f8c59c3\nWEBAPP_PORT=9090\nHOME=/root\n');
  });

  it('sed -i edits files in place and dd writes exactly count*bs bytes of /dev/zero', () => {
    const r = run("printf 'a\\nb\\n' > /f; sed -i 's/a/A/' /f; dd if=/dev/zero of=/z bs=1M count=3 2>/dev/null; wc -c < /z");
    assert.equal(r.fs.text('/f'), 'A\nb\n');
    assert.equal(r.stdout, '3145728\n');
  });

  it('xargs and find -exec run applets without a PATH lookup, as busybox prefers its applets', () => {
    const r = runArgv(['/bin/sh', '-c', 'printf "a b" | xargs -t echo; find /tmp -maxdepth 0 -exec ls -d {} \\;'], { env: { PATH: '/nowhere' } });
    assert.deepEqual([r.stdout, r.stderr], ['a b\n/tmp\n', 'echo a b\n']);
  });
});
