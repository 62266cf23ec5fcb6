// Runs moby cases on the real 20.10 engine (through /usr/bin/docker) and returns what each step printed, with
// the case's host folder written as <HOSTDIR>. The engine is shared: every container a case makes is named
// under its prefix, and afterwards the recorder removes exactly what the case made (containers and volumes by
// prefix, images by the tags and IDs the case printed), never anything else.

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { DockerClient } from '../../../src/engine/docker/docker-client.js';
import { fixturesDir } from '../../../src/engine/docker/fixtures-dir.js';
import { parseRootfsManifest, rootfsEntries } from '../../../src/tar/rootfs-manifest.js';
import { writeTar } from '../../../src/tar/tar.js';
import { tarListing } from './tar-listing.js';
import { CASE_BASE, CASE_BASE_CMD, expand, type LoadedCase, type RecordedStep } from './case-file.js';

const run = promisify(execFile);

/** Imports the corpus base (drydock's busybox rootfs, no labels) when the engine lacks it; returns its ID. */
export async function ensureCaseBase(client: DockerClient): Promise<string> {
  const have = await client.run(['image', 'inspect', '-f', '{{.Id}}', CASE_BASE]);
  if (have.exitCode === 0) return have.stdout.trim();
  const manifest = parseRootfsManifest(JSON.parse(readFileSync(join(fixturesDir(), 'base', 'rootfs.json'), 'utf8')));
  const busyboxPath = process.env.DRYDOCK_BUSYBOX ?? manifest.busybox.hostPath;
  if (!existsSync(busyboxPath)) throw new Error(`${busyboxPath} is missing: apt-get install busybox-static`);
  const tarball = writeTar(rootfsEntries(manifest, new Uint8Array(readFileSync(busyboxPath))));
  const made = await client.run(['import', '--change', CASE_BASE_CMD, '-', CASE_BASE], { input: tarball, timeoutMs: 120_000 });
  if (made.exitCode !== 0) throw new Error(`docker import of ${CASE_BASE} failed: ${made.stderr}`);
  return made.stdout.trim();
}

/** Records one case on the real engine (the base must exist). */
export async function recordCase(client: DockerClient, c: LoadedCase, keepImages: ReadonlySet<string>): Promise<RecordedStep[]> {
  const dir = mkdtempSync(join(tmpdir(), `drydock-moby-${c.prefix}-`));
  const here = new DockerClient({ binary: client.binary, cwd: dir });
  const out: RecordedStep[] = [];
  const bytes: Uint8Array[] = [];
  // a recording killed part-way (a CI run stopped, Ctrl-C) leaves what it made under the case's own prefix: it
  // goes first, so the case starts from what it expects (seen: "the container name /mb427e61-c is already in use")
  await cleanUp(client, c, [], keepImages);
  try {
    for (const [path, content] of Object.entries(c.spec.files ?? {})) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const outs: string[] = [];
    for (const step of c.spec.steps) {
      const input = step.stdinFrom !== undefined ? bytes[step.stdinFrom] : step.stdin;
      let result: RecordedStep;
      let raw: Uint8Array;
      if (step.docker) {
        const argv = step.docker.map((a) => expand(a, c.prefix, dir, outs));
        const client = step.env ? new DockerClient({ binary: here.binary, cwd: dir, env: step.env }) : here;
        const r = await client.runBytes(argv, { ...(input !== undefined ? { input } : {}), timeoutMs: 120_000 });
        raw = r.stdout;
        result = { stdout: step.binary ? '' : new TextDecoder().decode(r.stdout), stderr: r.stderr, exitCode: r.exitCode };
      } else if (step.tar) {
        result = tarListing(bytes[step.tar.step]!, step.tar, outs);
        raw = new TextEncoder().encode(result.stdout);
      } else {
        result = await hostShell(expand(step.host!, c.prefix, dir, outs), dir);
        raw = new TextEncoder().encode(result.stdout);
      }
      bytes.push(raw);
      outs.push(result.stdout);
      out.push(hidePath(result, dir));
    }
  } finally {
    await cleanUp(client, c, out, keepImages);
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** Records several cases, `parallel` at a time, in the given order of results. */
export async function recordCases(cases: readonly LoadedCase[], parallel = 4): Promise<RecordedStep[][]> {
  const client = new DockerClient();
  const base = await ensureCaseBase(client);
  const keep = new Set<string>([base]);
  const dd = await client.run(['image', 'inspect', '-f', '{{.Id}}', 'drydock/busybox:1.35']);
  if (dd.exitCode === 0) keep.add(dd.stdout.trim());
  const results: RecordedStep[][] = new Array(cases.length);
  // the legacy builder's cache is engine-wide: two cases building the same steps at once would see each other's
  // intermediate images ("Using cache" or not by timing), so every case that builds runs in one lane, one after
  // the other (each removes its images before the next starts)
  const builds = cases.map((c, i) => (c.spec.steps.some((s) => commandOf(s.docker) === 'build' || commandOf(s.docker) === 'image build') ? i : -1)).filter((i) => i >= 0);
  const others = cases.map((_, i) => i).filter((i) => !builds.includes(i));
  const lane = async (queue: number[]): Promise<void> => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) results[i] = await recordCase(client, cases[i]!, keep);
  };
  const lanes = [lane(builds), ...Array.from({ length: Math.max(1, Math.min(parallel - (builds.length ? 1 : 0), others.length)) }, () => lane(others))];
  await Promise.all(lanes);
  return results;
}

async function hostShell(script: string, cwd: string): Promise<RecordedStep> {
  try {
    const r = await run('/bin/sh', ['-c', script], { cwd, encoding: 'utf8' });
    return { stdout: r.stdout, stderr: r.stderr, exitCode: 0 };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number };
    return { stdout: err.stdout ?? '', stderr: err.stderr ?? '', exitCode: typeof err.code === 'number' ? err.code : 1 };
  }
}

function hidePath(step: RecordedStep, dir: string): RecordedStep {
  return { ...step, stdout: step.stdout.replaceAll(dir, '<HOSTDIR>'), stderr: step.stderr.replaceAll(dir, '<HOSTDIR>') };
}

// what the case made: its named containers and volumes, images tagged under its prefix, and images whose IDs it
// printed (commit, build, import, load); the base images are kept
const MAKERS = new Set(['commit', 'build', 'import', 'load', 'container commit', 'image build', 'image import', 'image load']);

function commandOf(argv: readonly string[] | undefined): string {
  const words = (argv ?? []).filter((a) => !a.startsWith('-'));
  return ['container', 'image'].includes(words[0] ?? '') ? `${words[0]} ${words[1]}` : (words[0] ?? '');
}

async function cleanUp(client: DockerClient, c: LoadedCase, printed: readonly RecordedStep[], keep: ReadonlySet<string>): Promise<void> {
  const lines = async (argv: string[]): Promise<string[]> => (await client.run(argv)).stdout.split('\n').filter(Boolean);
  const containers = await lines(['ps', '-aq', '--no-trunc', '--filter', `name=${c.prefix}`]);
  // a build leaves its failed step's container (and, with --rm=false, every step's): named by "Running in"
  const all = printed.map((s) => `${s.stdout}\n${s.stderr}`).join('\n');
  for (const m of all.matchAll(/ ---> Running in ([0-9a-f]{12})\b/g)) containers.push(m[1]!);
  if (containers.length > 0) await client.run(['rm', '-fv', ...containers]);
  const tags = (await lines(['images', '--format', '{{.Repository}}:{{.Tag}}'])).filter((t) => t.includes(c.prefix));
  // only commands that make images: a listing may show other users' IDs
  const text = printed.filter((_, i) => MAKERS.has(commandOf(c.spec.steps[i]!.docker))).map((s) => `${s.stdout}\n${s.stderr}`).join('\n');
  const ids = new Set([...text.matchAll(/\b(?:sha256:)?([0-9a-f]{64}|[0-9a-f]{12})\b/g)].map((m) => m[1]!));
  const images: string[] = [...tags];
  for (const id of ids) {
    const full = (await client.run(['image', 'inspect', '-f', '{{.Id}}', id])).stdout.trim();
    if (full && !keep.has(full)) images.push(full);
  }
  // children first: newer images were printed later
  for (const image of images.reverse()) await client.run(['rmi', '-f', image]);
  const volumes = await lines(['volume', 'ls', '-q', '--filter', `name=${c.prefix}`]);
  if (volumes.length > 0) await client.run(['volume', 'rm', '-f', ...volumes]);
}
