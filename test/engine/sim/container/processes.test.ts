import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

// The container's processes: PIDs, ps, $$, $PPID and /proc/self, held to what Docker 20.10 with busybox 1.35
// showed (measured 2026-11-23 on the reference engine; `docker exec` into `busybox sleep 3000`). Real PIDs
// carry runc's thread numbers, which vary (an exec's first child came 5 to 7 after it); the simulator takes 5,
// so the tests compare exact numbers only where the real engine gave them without that noise.

const IMAGE = 'drydock/busybox:1.35';

function withContainer(): { exec(script: string): { stdout: string; stderr: string; exitCode: number }; run(...argv: string[]): string } {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  e.dockerSync(['run', '-d', '--name', 'pids', IMAGE, 'sleep', '3000']);
  return {
    exec: (script) => e.dockerSync(['exec', 'pids', 'sh', '-c', script]),
    run: (...argv) => e.dockerSync(['run', '--rm', IMAGE, ...argv]).stdout,
  };
}

/** ps's lines with the PIDs other than 1 renamed in order (a, b, c…), for shapes the real engine numbers noisily. */
function shape(ps: string): string[] {
  const names = new Map<string, string>();
  return ps.trimEnd().split('\n').map((line) =>
    line.replace(/^ *(\d+)/, (whole: string, pid: string) => {
      if (pid === '1') return whole;
      if (!names.has(pid)) names.set(pid, String.fromCharCode(97 + names.size));
      return names.get(pid) as string;
    }),
  );
}

describe('simulator: processes (PID namespace, ps, /proc)', () => {
  it('runs the last command of sh -c in place: PID 1 shows as {ps} sh -c … (20.10)', () => {
    const c = withContainer();
    assert.equal(c.run('sh', '-c', 'echo $$; ps'), '1\nPID   USER     COMMAND\n    1 0        {ps} sh -c echo $$; ps\n');
    // not last: ps is a child; the main shell's PPID is 0; a last nested sh is PID 1 again, its PPID 0
    const out = c.run('sh', '-c', 'ps; echo $$ $PPID; sh -c "echo \\$PPID \\$\\$"').split('\n');
    assert.deepEqual(shape(out.slice(0, 3).join('\n')), [
      'PID   USER     COMMAND',
      '    1 0        sh -c ps; echo $$ $PPID; sh -c "echo \\$PPID \\$\\$"',
      'a 0        {ps} sh -c ps; echo $$ $PPID; sh -c "echo \\$PPID \\$\\$"',
    ]);
    assert.deepEqual(out.slice(3), ['1 0', '0 1', '']);
  });

  it('counts the forks of each construct as busybox ash does (differences measured on 20.10)', () => {
    const c = withContainer();
    // b2 - b1 = 1 (the measuring fork) + the forks of X, on the real engine without noise inside one shell
    const cases: [string, number][] = [
      [':', 1], ['true', 1], ['echo', 1], ['test 1', 1], ['[ 1 ]', 1], ['printf a', 1], ['pwd', 1], ['kill -0 1', 1],
      ['{ true; }', 1], ['if true; then true; fi', 1], ['echo a > /tmp/z', 1], ['eval true', 1], ['nosuch', 1], ['printenv', 1],
      ['cat /dev/null', 2], ['ls /', 2], ['hostname', 2], ['id', 2], ['ps', 2], ['basename a', 2], ['sleep 0', 2],
      ['/bin/true', 2], ['sh -c true', 2], ['true &', 2], ['(true)', 2], ['(cat /dev/null)', 2], ['x=$(true)', 2],
      ['x=$(cat /dev/null)', 2], ['x=`true`', 2], ['f() { cat /dev/null; }; f', 2], ['eval cat /dev/null', 2],
      ['cat < /dev/null', 2], ['true | true', 3], ['cat /dev/null | cat', 3], ['true|true|true', 4],
      ['for i in 1 2; do cat /dev/null; done', 3],
    ];
    for (const [x, want] of cases) {
      const r = c.exec(`b1=$(sh -c 'echo $$'); ${x} >/dev/null 2>&1; b2=$(sh -c 'echo $$'); echo $((b2-b1))`);
      assert.equal(r.stdout, `${want}\n`, x);
    }
  });

  it('lists what is alive during ps: the exec shell, pipeline partners, background jobs (20.10 shapes)', () => {
    const c = withContainer();
    assert.deepEqual(shape(c.exec('ps; true').stdout), ['PID   USER     COMMAND', '    1 0        sleep 3000', 'a 0        sh -c ps; true', 'b 0        {ps} sh -c ps; true']);
    // the next stage is forked but has not run yet: it still looks like the shell
    assert.deepEqual(shape(c.exec('ps | cat; true').stdout).slice(2), ['a 0        sh -c ps | cat; true', 'b 0        {ps} sh -c ps | cat; true', 'c 0        sh -c ps | cat; true']);
    // a stage that has ended is gone
    assert.deepEqual(shape(c.exec('echo a | ps; true').stdout).slice(2), ['a 0        sh -c echo a | ps; true', 'b 0        {ps} sh -c echo a | ps; true']);
    for (const script of ['(ps); true', 'x=$(ps); echo "$x"; true', 'f() { ps; }; f; true', 'for i in 1; do ps; done; true']) {
      assert.deepEqual(shape(c.exec(script).stdout).slice(2), [`a 0        sh -c ${script}`, `b 0        {ps} sh -c ${script}`], script);
    }
    assert.deepEqual(shape(c.exec('sh -c "ps; true"; true').stdout).slice(2), ['a 0        sh -c sh -c "ps; true"; true', 'b 0        sh -c ps; true', 'c 0        {ps} sh -c ps; true']);
    assert.deepEqual(shape(c.exec('exec ps; true').stdout).slice(2), ['a 0        {ps} sh -c exec ps; true']);
    // executed by path: a new program image, named after the file
    assert.deepEqual(shape(c.exec('/bin/ps; true').stdout).slice(3), ['b 0        /bin/ps']);
    assert.deepEqual(shape(c.exec('busybox ps; true').stdout).slice(3), ['b 0        busybox ps']);
    // background jobs asleep: an executed sleep shows its own argv, a NOEXEC usleep its shell's
    const bg = shape(c.exec('sleep 5 & usleep 3000000 & (sleep 4; true) & ps; true').stdout).slice(2);
    assert.deepEqual(bg, [
      'a 0        sh -c sleep 5 & usleep 3000000 & (sleep 4; true) & ps; true',
      'b 0        sleep 5',
      'c 0        {usleep} sh -c sleep 5 & usleep 3000000 & (sleep 4; true) & ps; true',
      'd 0        sh -c sleep 5 & usleep 3000000 & (sleep 4; true) & ps; true',
      'e 0        sleep 4',
      'f 0        {ps} sh -c sleep 5 & usleep 3000000 & (sleep 4; true) & ps; true',
    ]);
    // what an exec started is gone once it ended
    assert.deepEqual(shape(c.exec('ps').stdout), ['PID   USER     COMMAND', '    1 0        sleep 3000', 'a 0        {ps} sh -c ps']);
  });

  it('gives /proc/self to whoever reads it; NOEXEC applets read their shell\'s command line (20.10)', () => {
    const c = withContainer();
    const r = c.exec('echo $$; readlink /proc/self; cat /proc/self/cmdline | tr "\\0" " "; echo; head -c 300 /proc/self/cmdline | tr "\\0" " "; echo; cat /proc/self/status | head -7');
    const [shell, self, catLine, headLine, ...status] = r.stdout.trimEnd().split('\n');
    assert.equal(Number(self) - Number(shell), 6, 'readlink is the first child, after 5 runc thread numbers');
    assert.equal(catLine, 'cat /proc/self/cmdline ');
    assert.match(headLine ?? '', /^sh -c echo \$\$; readlink/);
    assert.deepEqual(status.map((l) => l.split('\t')[0]), ['Name:', 'Umask:', 'State:', 'Tgid:', 'Ngid:', 'Pid:', 'PPid:']);
    assert.equal(status[0], 'Name:\tcat');
    assert.equal(status[6], `PPid:\t${shell}`);
  });

  it('prints -o columns with busybox widths, custom headers and its error for unknown ones (20.10)', () => {
    const c = withContainer();
    assert.deepEqual(shape(c.exec('ps -o pid,ppid,comm,args; true').stdout).slice(0, 3), [
      'PID   PPID  COMMAND          COMMAND',
      '    1     0 sleep            sleep 3000',
      'a     0 sh               sh -c ps -o pid,ppid,comm,args; true',
    ]);
    const cols = c.exec('ps -o pid,ppid,comm,args; true').stdout.split('\n');
    assert.match(cols[3] ?? '', /^ +(\d+) +(\d+) ps {15}\{ps\} sh -c ps -o pid,ppid,comm,args; true$/);
    assert.equal(c.exec('ps -o pid=X,args=').stdout.split('\n').slice(0, 2).join('\n'), 'X \n1 sleep 3000');
    assert.equal(c.exec('ps -o user=,pid=').stdout.split('\n')[0], '0            1');
    const bad = c.exec('ps -o xyz');
    assert.deepEqual([bad.stdout, bad.stderr, bad.exitCode], ['', "ps: bad -o argument 'xyz', supported arguments: user,group,comm,args,pid,ppid,pgid,nice,rgroup,ruser,tty,vsz,sid,stat,rss\n", 1]);
    const x = c.exec('ps -x');
    assert.match(x.stderr, /^ps: invalid option -- 'x'\nBusyBox v1\.35\.0/);
    // a column without a model is refused, not invented
    assert.match(c.exec('ps -o pid,vsz').stderr, /vsz.*not simulated.*real engine/);
  });

  it('shows a sleeping main process with the child it waits for (20.10: sleep 1 under sh -c while …)', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    e.dockerSync(['run', '-d', '--name', 'loop', IMAGE, 'sh', '-c', 'while true; do sleep 1; done']);
    const r = e.dockerSync(['exec', 'loop', 'ps', '-o', 'pid,ppid,pgid,sid,stat,comm,args']);
    const rows = r.stdout.trimEnd().split('\n');
    assert.equal(rows[0], 'PID   PPID  PGID  SID   STAT COMMAND          COMMAND');
    assert.match(rows[1] ?? '', /^ {4}1 {5}0 {5}1 {5}1 S {4}sh {15}sh -c while true; do sleep 1; done$/);
    assert.match(rows[2] ?? '', /^ +\d+ {5}1 {5}1 {5}1 S {4}sleep {12}sleep 1$/);
    assert.match(rows[3] ?? '', /^ +(\d+) {5}0 +\1 +\1 R {4}ps {15}ps -o pid,ppid,pgid,sid,stat,comm,args$/);
  });

  it('signals processes as kill does in 20.10: its texts, -l, a background job ended, PID 1 unmoved', () => {
    const c = withContainer();
    const script = 'kill 99999; echo rc=$?; kill -0 1; echo rc=$?; kill 1; echo rc=$?; sleep 5 & kill $!; echo rc=$?; ps; kill -l 9; kill -l KILL; kill -s x 1; echo rc=$?; kill; echo rc=$?; kill -9; echo rc=$?; kill abc; echo rc=$?; kill -0 99999; echo rc=$?';
    const r = c.exec(script);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 4), ['rc=1', 'rc=0', 'rc=0', 'rc=0']);
    // the killed background sleep is gone
    assert.deepEqual(shape(lines.slice(4, 8).join('\n')), ['PID   USER     COMMAND', '    1 0        sleep 3000', `a 0        sh -c ${script}`, `b 0        {ps} sh -c ${script}`]);
    assert.deepEqual(lines.slice(8), ['KILL', '9', 'rc=1', 'rc=1', 'rc=1', 'rc=1', 'rc=1']);
    assert.equal(r.stderr, [
      "sh: can't kill pid 99999: No such process", "sh: bad signal name 'x'", 'sh: you need to specify whom to kill',
      'sh: you need to specify whom to kill', "sh: invalid number 'abc'", "sh: can't kill pid 99999: No such process", '',
    ].join('\n'));
    assert.equal(c.exec('kill -l').stdout.split('\n').length - 1, 31);
    assert.equal(c.exec('kill -l').stdout.split('\n')[15], '16) STKFLT');
  });

  it('runs exec -d without waiting: no output, exit 0, what sleeps on stays in ps until the container stops (20.10)', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    e.dockerSync(['run', '-d', '--name', 'det', IMAGE, 'sleep', '300']);
    assert.deepEqual(e.dockerSync(['exec', '-d', 'det', 'sh', '-c', 'echo hi; echo data > /f; sleep 100']), { exitCode: 0, stdout: '', stderr: '' });
    assert.deepEqual(e.dockerSync(['exec', '-dit', 'det', 'sh']), { exitCode: 0, stdout: '', stderr: '' });
    assert.deepEqual(e.dockerSync(['exec', '-d', 'det', '/etc']), {
      exitCode: 1,
      stdout: '',
      stderr: 'Error response from daemon: OCI runtime exec failed: exec failed: unable to start container process: exec: "/etc": permission denied: unknown\n',
    });
    assert.equal(e.dockerSync(['exec', 'det', 'cat', '/f']).stdout, 'data\n');
    // the detached sh -c ran its last command in place: it is `sleep 100` now; the -i shell waits for input
    assert.deepEqual(shape(e.dockerSync(['exec', 'det', 'ps']).stdout), ['PID   USER     COMMAND', '    1 0        sleep 300', 'a 0        sleep 100', 'b 0        sh', 'c 0        ps']);
    e.dockerSync(['restart', '-t', '0', 'det']);
    assert.deepEqual(shape(e.dockerSync(['exec', 'det', 'ps']).stdout), ['PID   USER     COMMAND', '    1 0        sleep 300', 'a 0        ps']);
  });

  it('keeps a detached exec when the main process wakes and runs on, with no PID given twice', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    e.dockerSync(['run', '-d', '--name', 'wake', IMAGE, 'sh', '-c', 'sleep 2; sleep 1000']);
    e.dockerSync(['exec', '-d', 'wake', 'sleep', '500']);
    e.dockerSync(['exec', 'wake', 'sleep', '3']); // the clock passes the main process's first sleep
    const rows = e.dockerSync(['exec', 'wake', 'ps', '-o', 'pid,ppid,args']).stdout.trimEnd().split('\n').slice(1);
    const pids = rows.map((r) => r.trim().split(/ +/)[0]);
    assert.equal(new Set(pids).size, pids.length, rows.join('\n'));
    // the last command of sh -c runs in place: once awake, PID 1 is `sleep 1000` (as on 20.10)
    assert.deepEqual(rows.map((r) => r.replace(/^ *\d+ +\d+ /, '')), ['sleep 1000', 'sleep 500', 'ps -o pid,ppid,args']);
    assert.equal(pids[0], '1');
  });

  it('reports an unknown exec user as the daemon does: the text with CRLF on stdout, 126; detached, its error (20.10)', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    e.dockerSync(['run', '-d', '--name', 'usr', IMAGE, 'sleep', '300']);
    const text = 'unable to find user nosuch: no matching entries in passwd file';
    assert.deepEqual(e.dockerSync(['exec', '-u', 'nosuch', 'usr', 'true']), { exitCode: 126, stdout: `${text}\r\n`, stderr: '' });
    assert.deepEqual(e.dockerSync(['exec', '-d', '-u', 'nosuch', 'usr', 'true']), { exitCode: 1, stdout: '', stderr: `Error response from daemon: ${text}\n` });
  });

  it('delivers a signal the shell sends itself as 20.10 does: trap, death (128+N, no EXIT trap), PID 1 ignoring it', () => {
    const c = withContainer();
    // observed with docker exec (a shell that is not PID 1) on 20.10
    const cases: [string, string, number][] = [
      ["trap 'echo caught' INT; kill -INT $$; echo after", 'caught\nafter\n', 0],
      ['kill $$; echo after', '', 143],
      ["trap 'echo t' TERM; kill $$; echo after; exit 3", 't\nafter\n', 3],
      ["trap 'echo e' EXIT; kill $$; echo after", '', 143],
      ["trap 'echo e' EXIT; kill -9 $$; echo after", '', 137],
      ["trap 'echo u' USR1; kill -USR1 $$ $$; echo after", 'u\nafter\n', 0],
      ['kill -HUP $$; echo after', '', 129],
      ['kill -USR1 $$; echo after', '', 138],
    ];
    for (const [script, stdout, exitCode] of cases) {
      const r = c.exec(script);
      assert.deepEqual([r.stdout, r.exitCode], [stdout, exitCode], script);
    }
    // as PID 1 (docker run) a signal without a trap is ignored, even SIGKILL
    assert.equal(c.run('sh', '-c', 'kill $$; echo after'), 'after\n');
    assert.equal(c.run('sh', '-c', "trap 'echo e' EXIT; kill -9 $$; echo after"), 'after\ne\n');
  });

  it('writes /etc/hosts as the daemon does for --network none (20.10)', () => {
    const c = withContainer();
    assert.equal(c.exec('cat /etc/hosts').stdout, '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n');
  });

  it('follows a symlink given with a trailing slash, and refuses a file given with one (20.10)', () => {
    const c = withContainer();
    const r = c.exec('ln -s /etc /tmp/e; stat -c %F /tmp/e/ /tmp/e; ls -ld /proc/self/ | cut -c1-10; cat /etc/hosts/');
    assert.equal(r.stdout, 'directory\nsymbolic link\ndr-xr-xr-x\n');
    assert.equal(r.stderr, "cat: can't open '/etc/hosts/': Not a directory\n");
  });

  it('ends a subshell at return or break as ash does, and leaves no process behind (20.10)', () => {
    const c = withContainer();
    const r = c.exec('f() { echo x | return 2; echo st=$?; }; f; echo after=$?; g() { (return 3); echo after $?; }; g; for i in 1 2; do (break); echo i=$i; done; ps -o args');
    assert.deepEqual(r.stdout.split('\n').slice(0, 5), ['st=2', 'after=0', 'after 3', 'i=1', 'i=2']);
    // the header, PID 1 and the exec's shell (become ps): no stage of the pipeline that returned is left over
    assert.equal(r.stdout.split('\n').slice(5).filter((l) => l !== '').length, 3);
  });

  it('lets an exit in a signal\'s trap end the shell (20.10: trap "…; exit 5" TERM)', () => {
    const c = withContainer();
    const r = c.exec('trap "echo got; exit 5" TERM; kill $$; echo after');
    assert.deepEqual([r.stdout, r.exitCode], ['got\n', 5]);
  });

  it('gives a replayed main process the PIDs it had: $! keeps its value across wake-ups', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    e.dockerSync(['run', '-d', '--name', 'rp', IMAGE, 'sh', '-c', 'sleep 10; sleep 2000 & echo bg=$!; sleep 10; echo later bg=$!; sleep 1000']);
    e.dockerSync(['exec', '-d', 'rp', 'sleep', '500']);
    e.dockerSync(['exec', 'rp', 'sleep', '11']);
    const first = e.dockerSync(['exec', 'rp', 'ps', '-o', 'pid,args']).stdout;
    e.dockerSync(['exec', 'rp', 'sleep', '11']);
    const second = e.dockerSync(['exec', 'rp', 'ps', '-o', 'pid,args']).stdout;
    const pidOf = (ps: string) => /^ *(\d+) sleep 2000$/m.exec(ps)?.[1];
    assert.ok(pidOf(first) !== undefined && pidOf(first) === pidOf(second), `${first}${second}`);
    const logs = e.dockerSync(['logs', 'rp']).stdout;
    assert.equal(logs, `bg=${pidOf(first)}\nlater bg=${pidOf(first)}\n`);
  });
});
