// `npm run bench -- cli`: drydock as a process against the real docker CLI (/usr/bin/docker, a real engine),
// side by side in the same run, paired (each round runs every side, the order rotating), medians of 10. The
// drydock sides: `node bin/drydock.js` (Node per command), bin/drydock without a daemon (the launcher's cost on
// that path) and bin/drydock with `drydock daemon start` on its state (the thin client).
// Issue 13's targets: `docker ps` on a state with 3 containers at most the real CLI's time (aim 0.6×);
// `drydock --help` and `drydock docker version` under 60 ms; a script of 50 mixed docker commands through
// `drydock docker` faster than through the real CLI. Uses the built bundle (bin/drydock.js): `npm run build`.
//
//   DRYDOCK_BENCH_ROUNDS   rounds (default 10)
//   DRYDOCK_BENCH_BASELINE another drydock's bin/drydock.js (say main's) to time beside this one
//   DRYDOCK_BENCH_PREFIX   prefix of what is created on the real engine (default drydock-bench-cli)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROUNDS = Number(process.env.DRYDOCK_BENCH_ROUNDS ?? 10);
const DOCKER = '/usr/bin/docker';
const P = process.env.DRYDOCK_BENCH_PREFIX ?? 'drydock-bench-cli';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Side {
  name: string;
  /** argv that runs `docker …` */
  docker: string[];
  /** argv that runs the program itself (`drydock --help`, `docker --help`) */
  top: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

function time(argv: string[], env: NodeJS.ProcessEnv, cwd: string, input?: string): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(argv[0] as string, argv.slice(1), { env, cwd, input, stdio: ['pipe', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs every side's command once per round (order rotating), after one uncounted warm-up round. */
function paired(label: string, sides: Side[], argsOf: (side: Side) => { argv: string[]; input?: string }): Map<string, number> {
  const times = new Map<string, number[]>(sides.map((s) => [s.name, []]));
  for (let round = 0; round <= ROUNDS; round++) {
    const order = sides.map((_, i) => sides[(i + round) % sides.length] as Side);
    for (const side of order) {
      const { argv, input } = argsOf(side);
      const ms = time(argv, side.env, side.cwd, input);
      if (round > 0) times.get(side.name)?.push(ms);
    }
  }
  const medians = new Map([...times].map(([name, t]) => [name, median(t)]));
  const real = medians.get('docker');
  const cells = [...medians].map(([name, ms]) => `${name} ${ms.toFixed(0)} ms${real && name !== 'docker' ? ` (${(ms / real).toFixed(2)}×)` : ''}`);
  console.log(`${label.padEnd(34)} ${cells.join('   ')}`);
  return medians;
}

/** Fifty docker commands in the notes' manner: a build, runs, execs, a commit, volumes, removals. */
export function script(p: string, base: string, runFlags: string): string {
  const lines = [
    `$D build -q -t ${p}-tim/centos .`,
    `$D volume create ${p}-v1`,
    `$D volume create ${p}-v2`,
    `$D run -dit ${runFlags} --name ${p}-dc01 ${p}-tim/centos`,
    `$D run -dit ${runFlags} --name ${p}-dc02 --volumes-from ${p}-dc01 ${p}-tim/centos`,
    `$D run -dit ${runFlags} --name ${p}-dc03 --volumes-from ${p}-dc01 ${p}-tim/centos`,
    `$D exec ${p}-dc02 touch /dataVolume1/dc02_update.txt`,
    `$D exec ${p}-dc03 ls /dataVolume1`,
    `$D exec ${p}-dc01 sh -c 'echo hello > /dataVolume2/greeting'`,
    `$D exec ${p}-dc03 cat /dataVolume2/greeting`,
    `$D ps`,
    `$D ps -a`,
    `$D rm -f ${p}-dc01`,
    `$D exec ${p}-dc02 ls /dataVolume1`,
    `$D run --rm ${runFlags} -v ${p}-v1:/data ${base} sh -c 'echo one > /data/a'`,
    `$D run --rm ${runFlags} -v ${p}-v1:/data ${base} cat /data/a`,
    `$D run -d ${runFlags} --name ${p}-w -v ${p}-v2:/data ${base} sleep 300`,
    `$D exec ${p}-w sh -c 'echo two > /data/b'`,
    `$D exec ${p}-w ls -l /data`,
    `$D exec ${p}-w mkdir -p /srv/app`,
    `$D exec ${p}-w sh -c 'echo app > /srv/app/index.html'`,
    `$D commit ${p}-w ${p}-app:1`,
    `$D run --rm ${runFlags} ${p}-app:1 cat /srv/app/index.html`,
    `$D images`,
    `$D inspect -f '{{.State.Status}}' ${p}-w`,
    `$D volume ls`,
    `$D volume inspect ${p}-v2`,
    `$D stop -t 0 ${p}-w`,
    `$D start ${p}-w`,
    `$D exec ${p}-w cat /data/b`,
    `$D logs ${p}-dc02`,
    `$D diff ${p}-w`,
    `$D top ${p}-dc02`,
    `$D rename ${p}-dc03 ${p}-dc04`,
    `$D ps --format '{{.Names}}'`,
    `$D exec ${p}-dc04 ls /dataVolume1`,
    `$D history ${p}-app:1`,
    `$D tag ${p}-app:1 ${p}-app:2`,
    `$D rmi ${p}-app:2`,
    `$D run ${runFlags} --name ${p}-once ${base} echo done`,
    `$D rm ${p}-once`,
    `$D kill ${p}-dc02`,
    `$D rm -v ${p}-dc02`,
    `$D rm -f -v ${p}-dc04`,
    `$D rm -f ${p}-w`,
    `$D rmi ${p}-app:1`,
    `$D rmi ${p}-tim/centos`,
    `$D volume rm ${p}-v1 ${p}-v2`,
    `$D volume ls -q --filter name=${p}-`,
    `$D ps -a`,
  ];
  if (lines.length !== 50) throw new Error(`the script has ${lines.length} commands, not 50`);
  return `set -e\nD="$DOCKER"\n${lines.map((l) => `${l} >/dev/null`).join('\n')}\n`;
}

/** Prints the figures; needs the bundle and a reachable engine. */
export function benchCli(): void {
  const js = join(root, 'bin', 'drydock.js');
  const launcher = join(root, 'bin', 'drydock');
  if (!existsSync(join(root, 'dist', 'bundle', 'drydock.js'))) {
    console.log('cli: skipped (run `npm run build` first: the bench times the bundle)');
    return;
  }
  if (spawnSync(DOCKER, ['version'], { stdio: 'ignore' }).status !== 0) {
    console.log('cli: skipped (no docker engine answers /usr/bin/docker)');
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'drydock-bench-cli-'));
  const baseline = process.env.DRYDOCK_BENCH_BASELINE;
  const side = (name: string, docker: string[], top: string[]): Side => {
    const dir = join(work, name);
    mkdirSync(join(dir, 'host'), { recursive: true });
    return {
      name,
      docker,
      top,
      env: { ...process.env, DRYDOCK_STATE: join(dir, 'state'), DRYDOCK_HOST_ROOT: join(dir, 'host'), DRYDOCK_CACHE: join(work, `cache-${name}`) },
      cwd: join(dir, 'host'),
    };
  };
  // in process: Node per command (what drydock did before the daemon); the launcher without a daemon: the same
  // plus what bin/drydock adds; with the daemon: bin/drydock → the Perl client → the resident simulator
  const node = side('node', [process.execPath, js, 'docker'], [process.execPath, js]);
  const plain = side('sh+node', [launcher, 'docker'], [launcher]);
  const daemon = side('daemon', [launcher, 'docker'], [launcher]);
  const sides: Side[] = [node, plain, daemon, ...(baseline ? [side('baseline', [process.execPath, baseline, 'docker'], [process.execPath, baseline])] : [])];
  const real: Side = { name: 'docker', docker: [DOCKER], top: [DOCKER], env: { ...process.env, DOCKER_BUILDKIT: '0' }, cwd: join(work, 'real') };
  mkdirSync(real.cwd, { recursive: true });
  const all = [...sides, real];
  const cleanup = () => {
    spawnSync('/bin/sh', ['-c', `${DOCKER} rm -f $(${DOCKER} ps -aq --filter name=^${P}-) >/dev/null 2>&1; ${DOCKER} volume rm $(${DOCKER} volume ls -q --filter name=^${P}-) >/dev/null 2>&1; ${DOCKER} rmi $(${DOCKER} images -q --filter reference='${P}-*') >/dev/null 2>&1; true`]);
  };
  try {
    cleanup();
    time([process.execPath, js, 'daemon', 'start'], daemon.env, daemon.cwd);
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`drydock vs ${DOCKER} on a real engine: medians of ${ROUNDS}, paired (× = drydock's time / docker's); load average ${load} on ${cpus().length} cores`);
    for (const s of all) {
      for (let i = 1; i <= 3; i++) {
        const flags = s === real ? ['--network', 'none', '--pull', 'never'] : ['--network', 'none'];
        const image = s === real ? 'drydock/ubuntu' : 'ubuntu';
        time([...s.docker, 'run', '-d', ...flags, '--name', `${P}-ps${i}`, image, 'sleep', '3000'], s.env, s.cwd);
      }
    }
    paired('docker ps (3 containers)', all, (s) => ({ argv: [...s.docker, 'ps'] }));
    paired('--help', all, (s) => ({ argv: [...s.top, '--help'] }));
    paired('docker version', all, (s) => ({ argv: [...s.docker, 'version'] }));
    for (const s of all) time([...s.docker, 'rm', '-f', `${P}-ps1`, `${P}-ps2`, `${P}-ps3`], s.env, s.cwd);
    // the launcher without a daemon is the in-process path again: the script is timed on the three others
    const scripted = all.filter((s) => s !== plain);
    for (const s of scripted) {
      const base = s === real ? 'drydock/centos' : 'centos';
      writeFileSync(join(s.cwd, 'Dockerfile'), `FROM ${base}\nVOLUME ["/dataVolume1", "/dataVolume2"]\nCMD /bin/bash\n`);
      writeFileSync(join(s.cwd, 'fifty.sh'), script(P, base, s === real ? '--network none --pull never' : '--network none'));
    }
    for (const s of scripted) s.env = { ...s.env, DOCKER: s.docker.join(' ') };
    paired('script of 50 docker commands', scripted, (s) => ({ argv: ['/bin/sh', join(s.cwd, 'fifty.sh')], input: '' }));
  } finally {
    spawnSync(process.execPath, [js, 'daemon', 'stop'], { env: daemon.env, cwd: daemon.cwd, stdio: 'ignore' });
    cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchCli();
