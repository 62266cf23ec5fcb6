// The engine contract (after moby's graphtest): one list of behaviours, asserted the same way on every engine.
// It runs on the simulator always and on the real engine wherever a daemon answers, so the simulator is held
// to what Docker really does and both engines keep the same Engine semantics.

import assert from 'node:assert/strict';
import type { CommandResult, Engine } from '../../../src/engine/engine.js';

/** What differs between engines: how to reach the fixture images and where host paths live. */
export interface ContractSetup {
  engine: Engine;
  /** scenario image name → the engine's tag ("tomcat" → "drydock/tomcat:latest" on a real engine) */
  image(name: 'tomcat' | 'centos' | 'ubuntu' | 'busybox'): string;
  /** a host path as the engine's bind mounts see it */
  hostPath(path: string): string;
}

/** Prefix of every object the contract creates (the real engine's cleanup also goes by label). */
export const P = 'drydock-ct-';

/** Registers the contract's tests; `setup` is called once, in a before hook, and may skip. */
export function defineEngineContract(title: string, setup: (ctx: Mocha.Context) => Promise<ContractSetup>): void {
  describe(`engine contract: ${title}`, function () {
    this.timeout(120_000);
    let s: ContractSetup;
    const docker = async (line: string[] | string, stdin?: string): Promise<CommandResult> =>
      s.engine.docker(typeof line === 'string' ? line.split(' ') : line, stdin === undefined ? {} : { stdin });
    const ok = async (line: string[] | string, stdin?: string): Promise<string> => {
      const r = await docker(line, stdin);
      assert.equal(r.exitCode, 0, `docker ${String(line)} failed: ${r.stderr}`);
      return r.stdout;
    };

    before(async function () {
      s = await setup(this);
    });
    after(async () => {
      await s?.engine.dispose();
    });

    it('runs a command in a fresh container and returns its output and exit code', async () => {
      assert.equal(await ok(['run', '--rm', s.image('tomcat'), 'ls', 'webapps']), 'docs\n');
      const r = await docker(['run', '--rm', s.image('centos'), 'sh', '-c', 'echo out; echo err >&2; exit 3']);
      assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['out\n', 'err\n', 3]);
    });

    it('goes through create, start, pause, unpause, stop and rm with docker\'s states', async () => {
      const id = await ok(['create', '--name', `${P}life`, s.image('centos'), 'sleep', '300']);
      assert.match(id, /^[0-9a-f]{64}\n$/);
      const status = async () => (await ok(['ps', '-a', '--filter', `name=${P}life`, '--format', '{{.Status}}'])).trim();
      assert.equal(await status(), 'Created');
      assert.equal(await ok(['start', `${P}life`]), `${P}life\n`);
      assert.match(await status(), /^Up /);
      await ok(['pause', `${P}life`]);
      assert.match(await status(), /^Up .*\(Paused\)$/);
      const paused = await docker(['exec', `${P}life`, 'ls']);
      assert.deepEqual([paused.stderr, paused.exitCode], [`Error response from daemon: Container ${P}life is paused, unpause the container before exec\n`, 1]);
      await ok(['unpause', `${P}life`]);
      const running = await docker(['rm', `${P}life`]);
      assert.equal(running.exitCode, 1);
      assert.equal(running.stderr, `Error response from daemon: You cannot remove a running container ${id.trim()}. Stop the container before attempting removal or force remove\n`);
      assert.equal(await ok(['stop', '-t', '1', `${P}life`]), `${P}life\n`);
      assert.match(await status(), /^Exited \(137\) /);
      const stopped = await docker(['exec', `${P}life`, 'ls']);
      assert.deepEqual([stopped.stderr, stopped.exitCode], [`Error response from daemon: Container ${id.trim()} is not running\n`, 1]);
      assert.equal(await ok(['rm', `${P}life`]), `${P}life\n`);
    });

    it("answers missing objects with docker's texts and exit codes", async () => {
      const rm = await docker(['rm', `${P}nope`]);
      assert.deepEqual([rm.stderr, rm.exitCode], [`Error: No such container: ${P}nope\n`, 1]);
      const rmf = await docker(['rm', '-f', `${P}nope`]);
      assert.deepEqual([rmf.stderr, rmf.exitCode], [`Error: No such container: ${P}nope\n`, 0]);
      const run = await docker(['run', '--pull', 'never', '--network', 'none', `${P}nope`]);
      assert.deepEqual([run.stderr, run.exitCode], [`docker: Error response from daemon: No such image: ${P}nope:latest.\nSee 'docker run --help'.\n`, 125]);
      const stop = await docker(['stop', `${P}nope`]);
      assert.deepEqual([stop.stderr, stop.exitCode], [`Error response from daemon: No such container: ${P}nope\n`, 1]);
      const inspect = await docker(['inspect', `${P}nope`]);
      assert.deepEqual([inspect.stdout, inspect.stderr, inspect.exitCode], ['[]\n', `Error: No such object: ${P}nope\n`, 1]);
    });

    it('fails to start a command the image does not have, as runc reports it', async () => {
      const r = await docker(['run', '--name', `${P}nobash`, s.image('busybox'), '/bin/bash']);
      assert.equal(r.exitCode, 127);
      assert.match(r.stderr, /^docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "\/bin\/bash": stat \/bin\/bash: no such file or directory: unknown\.\n/);
      assert.equal((await ok(['ps', '-a', '--filter', `name=${P}nobash`, '--format', '{{.Status}}'])).trim(), 'Created');
      await ok(['rm', `${P}nobash`]);
    });

    it('copies on write: docker diff lists A/C/D and the image is untouched', async () => {
      await ok(['run', '-d', '--name', `${P}cow`, s.image('tomcat')]);
      await ok(['exec', `${P}cow`, 'sh', '-c', 'echo edited >> webapps/docs/index.html; rm NOTICE; echo hi > /tmp/new.txt']);
      const diff = (await ok(['diff', `${P}cow`])).trim().split('\n').sort();
      assert.deepEqual(diff, [
        'A /tmp/new.txt', 'C /tmp', 'C /usr', 'C /usr/local', 'C /usr/local/tomcat', 'C /usr/local/tomcat/webapps',
        'C /usr/local/tomcat/webapps/docs', 'C /usr/local/tomcat/webapps/docs/index.html', 'D /usr/local/tomcat/NOTICE',
      ]);
      assert.equal(await ok(['run', '--rm', s.image('tomcat'), 'cat', 'webapps/docs/index.html']), '<h1>Tomcat docs</h1>\n');
      const id = await ok(['commit', '-m', 'no notice', '-a', 'Tim', `${P}cow`, `${P}img:1`]);
      assert.match(id, /^sha256:[0-9a-f]{64}\n$/);
      assert.equal(await ok(['image', 'inspect', '-f', '{{.Comment}}|{{.Author}}|{{json .Config.Cmd}}', `${P}img:1`]), 'no notice|Tim|["catalina.sh","run"]\n');
      const ls = await docker(['run', '--rm', `${P}img:1`, 'ls', 'NOTICE']);
      assert.deepEqual([ls.stderr, ls.exitCode], ['ls: NOTICE: No such file or directory\n', 1]);
      await ok(['rm', '-f', `${P}cow`]);
      assert.equal(await ok(['rmi', `${P}img:1`]).then((o) => o.split('\n')[0]), `Untagged: ${P}img:1`);
    });

    it('shares volumes with --volumes-from and keeps them after the first container is gone', async () => {
      const dockerfile = `FROM ${s.image('centos')}\nVOLUME ["/dataVolume1", "/dataVolume2"]\nCMD /bin/bash\n`;
      await ok(['build', '-q', '-t', `${P}tim/centos`, '-'], dockerfile);
      await ok(['run', '-dit', '--name', `${P}dc01`, `${P}tim/centos`]);
      await ok(['run', '-dit', '--name', `${P}dc02`, '--volumes-from', `${P}dc01`, `${P}tim/centos`]);
      await ok(['run', '-dit', '--name', `${P}dc03`, '--volumes-from', `${P}dc01`, `${P}tim/centos`]);
      const volumes = (await ok(['inspect', '-f', '{{range .Mounts}}{{.Name}} {{end}}', `${P}dc01`])).trim().split(' ');
      assert.equal(volumes.length, 2);
      await ok(['rm', '-f', `${P}dc01`]);
      await ok(['exec', `${P}dc02`, 'touch', '/dataVolume1/dc02_update.txt']);
      assert.equal(await ok(['exec', `${P}dc03`, 'ls', '/dataVolume1']), 'dc02_update.txt\n');
      assert.equal(await ok(['image', 'inspect', '-f', '{{json .Config.Volumes}}', `${P}tim/centos`]), '{"/dataVolume1":{},"/dataVolume2":{}}\n');
      await ok(['rm', '-f', `${P}dc02`, `${P}dc03`]);
      for (const v of volumes) assert.equal((await ok(['volume', 'inspect', '-f', '{{.Name}}', v])).trim(), v, 'volumes outlive every container');
      await ok(['volume', 'rm', ...volumes]);
      await ok(['rmi', `${P}tim/centos`]);
    });

    it('removes anonymous volumes with rm -v but never named ones', async () => {
      await ok(['volume', 'create', `${P}named`]);
      await ok(['create', '--name', `${P}rv`, '-v', '/anon', '-v', `${P}named:/named`, s.image('centos'), 'true']);
      const anon = (await ok(['inspect', '-f', '{{range .Mounts}}{{if eq .Destination "/anon"}}{{.Name}}{{end}}{{end}}', `${P}rv`])).trim();
      assert.match(anon, /^[0-9a-f]{64}$/);
      await ok(['rm', '-v', `${P}rv`]);
      const gone = await docker(['volume', 'inspect', anon]);
      assert.deepEqual([gone.stdout, gone.stderr, gone.exitCode], ['[]\n', `Error: No such volume: ${anon}\n`, 1]);
      assert.equal(await ok(['volume', 'rm', `${P}named`]), `${P}named\n`);
    });

    it('refuses writes into a read-only bind mount with busybox\'s texts while the host can still write', async () => {
      await s.engine.host('mkdir -p ro && echo original > ro/a.txt');
      await ok(['run', '-d', '--name', `${P}ro`, '-v', `${s.hostPath('ro')}:/data:ro`, s.image('centos'), 'sleep', '300']);
      const write = await docker(['exec', `${P}ro`, 'sh', '-c', 'echo x > /data/new.txt']);
      assert.deepEqual([write.stderr, write.exitCode], ['sh: can\'t create /data/new.txt: Read-only file system\n', 1]);
      const touch = await docker(['exec', `${P}ro`, 'touch', '/data/t.txt']);
      assert.deepEqual([touch.stderr, touch.exitCode], ['touch: /data/t.txt: Read-only file system\n', 1]);
      await s.engine.host('echo host-change >> ro/a.txt');
      assert.equal(await ok(['exec', `${P}ro`, 'cat', '/data/a.txt']), 'original\nhost-change\n');
      assert.equal(await ok(['inspect', '-f', '{{json .Mounts}}', `${P}ro`]), `[{"Type":"bind","Source":"${s.hostPath('ro')}","Destination":"/data","Mode":"ro","RW":false,"Propagation":"rprivate"}]\n`);
      await ok(['rm', '-f', `${P}ro`]);
    });

    it('reads files, listings and modes of images, containers and volumes through the read facet', async () => {
      const image = { kind: 'image' as const, name: s.image('tomcat') };
      const text = new TextDecoder().decode(await s.engine.readFile(image, '/usr/local/tomcat/webapps/docs/index.html'));
      assert.equal(text, '<h1>Tomcat docs</h1>\n');
      const st = await s.engine.stat(image, '/usr/local/tomcat/bin/catalina.sh');
      assert.equal(st?.kind, 'file');
      assert.equal((st?.mode ?? 0) & 0o111, 0o111);
      assert.equal(await s.engine.stat(image, '/nope'), null);
      const names = (await s.engine.readDir(image, '/usr/local/tomcat/webapps.dist')).map((e) => e.name);
      assert.deepEqual(names, ['ROOT', 'docs', 'examples']);
      await ok(['run', '--name', `${P}rf`, '-v', `${P}rfvol:/v`, s.image('centos'), 'sh', '-c', 'echo layer > /root/f.txt; echo vol > /v/g.txt']);
      const container = { kind: 'container' as const, name: `${P}rf` };
      assert.equal(new TextDecoder().decode(await s.engine.readFile(container, '/root/f.txt')), 'layer\n');
      assert.equal(new TextDecoder().decode(await s.engine.readFile({ kind: 'volume', name: `${P}rfvol` }, '/g.txt')), 'vol\n');
      await ok(['rm', `${P}rf`]);
      await ok(['volume', 'rm', `${P}rfvol`]);
    });

    it('shows the processes of a container as busybox ps does (PIDs by order: runc\'s threads make real ones vary)', async () => {
      await ok(['run', '-d', '--name', `${P}ps`, s.image('busybox'), 'sleep', '300']);
      // only processes that wait for others, or sleep, so nothing races with ps on the real engine
      const script = 'sleep 5 & sleep 1; sh -c "ps -o pid,ppid,comm,args; true"; true';
      const r = await docker(['exec', `${P}ps`, 'sh', '-c', script]);
      assert.equal(r.exitCode, 0, r.stderr);
      const [header, ...rows] = r.stdout.trimEnd().split('\n');
      assert.equal(header, 'PID   PPID  COMMAND          COMMAND');
      const label = new Map<string, string>([['0', '0'], ['1', '1']]);
      const named = (pid: string) => {
        if (!label.has(pid)) label.set(pid, String.fromCharCode(0x41 + label.size - 2));
        return label.get(pid) as string;
      };
      const table = rows.map((row) => {
        const m = /^ *(\d+) +(\d+) (\S+) +(.*)$/.exec(row);
        assert.ok(m, row);
        return [named(m[1] as string), named(m[2] as string), m[3], m[4]];
      });
      const inner = 'sh -c ps -o pid,ppid,comm,args; true';
      assert.deepEqual(table, [
        ['1', '0', 'sleep', 'sleep 300'],
        ['A', '0', 'sh', `sh -c ${script}`],
        ['B', 'A', 'sleep', 'sleep 5'],
        ['C', 'A', 'sh', inner],
        ['D', 'C', 'ps', `{ps} ${inner}`],
      ]);
      await ok(['rm', '-f', `${P}ps`]);
    });
  });
}
