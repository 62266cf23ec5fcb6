// The Engine on a real Docker daemon through the docker CLI: commands pass through after the safety policy
// (no network, no pulls, drydock labels), checks read through `docker cp`, and dispose() removes what this
// instance made: what carries its drydock.run label, and what its commands printed (builds get no label).

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandInput, CommandResult, DirEntryInfo, Engine, EngineCapabilities, ObjectRef } from '../engine.js';
import { EngineError } from '../../errors/engine-error.js';
import type { Stat } from '../fs-types.js';
import type { ParsedCommand } from '../../docker-cli/index.js';
import { applyArgvPolicy } from './argv-policy.js';
import { parseDockerArgv } from '../../docker-cli/index.js';
import { ensureBaseImage, ensureFixtureImages, type FixtureOptions } from './base-image.js';
import { BuildLeftovers } from './build-leftovers.js';
import { buildSource, requiredImages } from './build-guard.js';
import { DockerClient, toCommandResult, type DockerClientOptions } from './docker-client.js';
import { DockerReader } from './docker-reader.js';
import { hostReadDir, hostReadFile, hostStat } from './host-reader.js';
import { runHostScript } from './host-shell.js';
import { slotArgv } from './isolation/argv-slots.js';
import { existingImages, LoadedImages, readSaveArchive } from './loaded-images.js';
import type { RunJournal } from './run-journal.js';
import { stopTimedOut, timedOutTarget } from './stop-timed-out.js';

/** How to reach the daemon and what to call this instance. */
export interface DockerEngineOptions extends DockerClientOptions {
  /** an existing client (tests); otherwise one is made from the other options */
  client?: DockerClient;
  /** the drydock.run label value; default: random */
  runId?: string;
  /** where the base image's inputs are (volume reads need the base image) */
  fixtures?: FixtureOptions;
  /** working directory of host() scripts; default: a fresh temporary folder, removed by dispose() */
  hostDir?: string;
  /** images known to exist (the stand-ins), which a build guard need not ask the daemon about */
  knownImages?: readonly string[];
  /** where to write down what the run makes without its label, for `drydock clean` after a crash */
  journal?: RunJournal;
}

// the subcommands the real engine runs; network and swarm commands are refused by the policy
const COMMANDS = [
  'attach', 'build', 'commit', 'cp', 'create', 'diff', 'exec', 'export', 'history', 'images', 'import', 'info',
  'inspect', 'kill', 'load', 'logs', 'pause', 'port', 'ps', 'rename', 'restart', 'rm', 'rmi', 'run', 'save',
  'start', 'stats', 'stop', 'tag', 'top', 'unpause', 'update', 'version', 'wait',
  'container ls', 'container ps', 'container run', 'container create', 'container rm', 'container inspect',
  'container prune', 'image ls', 'image build', 'image inspect', 'image rm', 'image prune', 'image history',
  'image tag', 'volume create', 'volume inspect', 'volume ls', 'volume prune', 'volume rm',
  'network ls', 'network inspect', 'system df',
];

/** A real Docker engine as an Engine. */
export class DockerEngine implements Engine {
  readonly name = 'docker' as const;
  readonly capabilities: EngineCapabilities = { commands: new Set(COMMANDS), realProcesses: true };
  readonly client: DockerClient;
  /** this instance's drydock.run label value */
  readonly runId: string;
  /** labels on everything this instance creates */
  readonly labels: Readonly<Record<string, string>>;
  private readonly reader: DockerReader;
  private baseImage: Promise<string> | undefined;
  private readonly givenHostDir: string | undefined;
  private readonly knownImages: ReadonlySet<string>;
  private scratchDir: string | undefined;
  private readonly journal: RunJournal | undefined;

  constructor(options: DockerEngineOptions = {}) {
    this.client = options.client ?? new DockerClient(options);
    this.runId = options.runId ?? randomBytes(6).toString('hex');
    this.labels = { 'drydock.managed': 'true', 'drydock.run': this.runId };
    this.givenHostDir = options.hostDir;
    this.knownImages = new Set(options.knownImages ?? []);
    this.journal = options.journal;
    this.reader = new DockerReader(this.client, this.labels, () => {
      this.baseImage ??= ensureBaseImage(this.client, options.fixtures).then(
        (report) => report.tag,
        (error: unknown) => {
          this.baseImage = undefined; // let a later read try again (e.g. after busybox-static is installed)
          throw error;
        },
      );
      return this.baseImage;
    });
  }

  /** Runs a docker command after the policy; throws POLICY_REFUSED instead of running an unsafe one. */
  async docker(argv: readonly string[], input: CommandInput = {}): Promise<CommandResult> {
    // one reading of the line (docker-cli's parser) for the policy, the guard and the bookkeeping; a line docker
    // stops at parse time gets docker's own output from the same parser, and never reaches the daemon
    const parsed = parseDockerArgv(argv, { env: process.env });
    if (!parsed.ok) return { exitCode: parsed.exitCode, stdout: parsed.stdout, stderr: parsed.stderr };
    const rewritten = applyArgvPolicy(argv, { labels: this.labels });
    const command = parsed.command;
    const words = command.name;
    const build = words === 'build';
    if (build) await this.guardBuild(command, input.stdin);
    const options = {
      ...(input.stdin !== undefined ? { input: input.stdin } : {}),
      ...(input.timeoutMs !== undefined ? { timeoutMs: input.timeoutMs } : {}),
    };
    const loading = words === 'load' ? await this.imagesBeforeLoad(rewritten, input.stdin) : undefined;
    const startedAt = Date.now();
    const result = toCommandResult(await this.client.run(rewritten, options));
    if (result.timedOut === true) {
      // killing the client stopped neither an exec'd process nor a container it was attached to
      const target = timedOutTarget(rewritten);
      if (target !== null) await stopTimedOut(this.client, target, Date.now() - startedAt);
    }
    // a failed build keeps its step containers and images too; a failed `build -q` prints its steps on stderr
    if (build) {
      const one = new BuildLeftovers();
      one.record(result.stdout + result.stderr, startedAt, Date.now());
      const leftovers = one.saveState();
      this.builds.loadState(leftovers);
      if (leftovers.containers.length + leftovers.images.length + leftovers.quiet.length > 0) this.journal?.write({ kind: 'build', leftovers });
    }
    if (loading !== undefined) await this.recordLoad(loading);
    if (result.exitCode === 0) this.track(command, result.stdout);
    return result;
  }

  /** Images this instance's loads created (not those the engine had before), removed by dispose(). */
  readonly loads = new LoadedImages();

  // the images a `docker load` archive holds, and which of them the engine already has (someone else's)
  private async imagesBeforeLoad(argv: readonly string[], stdin: string | Uint8Array | undefined): Promise<{ ids: string[]; tags: Map<string, string[]>; before: Set<string> } | undefined> {
    const file = slotArgv(argv)?.slots.find((s) => s.flag === 'input')?.value;
    let archive: Uint8Array | undefined;
    try {
      archive = file !== undefined ? readFileSync(file) : typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
    } catch {
      return undefined; // docker says what is wrong with the file
    }
    if (archive === undefined || archive.length === 0) return undefined;
    let images;
    try {
      images = readSaveArchive(archive);
    } catch {
      return undefined; // not an archive docker can load either, or one drydock cannot read: nothing to remember
    }
    const ids = images.map((i) => i.id);
    return { ids, tags: new Map(images.map((i) => [i.id, i.repoTags])), before: new Set((await existingImages(this.client, ids)).keys()) };
  }

  private async recordLoad(loading: { ids: string[]; tags: Map<string, string[]>; before: Set<string> }): Promise<void> {
    const now = new Set((await existingImages(this.client, loading.ids)).keys());
    const created = loading.ids.filter((id) => now.has(id) && !loading.before.has(id));
    if (created.length === 0) return;
    this.loads.record(created);
    for (const id of created) for (const tag of loading.tags.get(id) ?? []) this.images.add(tag);
    this.journal?.write({ kind: 'load', images: this.loads.saveState().filter((i) => created.includes(i.id)) });
  }

  /** Images this instance made without a label (commits, tags, loads, build tags), removed by dispose(). */
  private readonly images = new Set<string>();
  /** What this instance's builds printed (step containers and images), removed by dispose(). */
  readonly builds = new BuildLeftovers();

  private track(command: ParsedCommand, stdout: string): void {
    const tags = [...stdout.matchAll(/^Successfully tagged (\S+)$/gm)].map((m) => m[1] as string);
    if (command.name === 'build') {
      // the built IDs are in this.builds, which leaves out a fully cached build's image (someone else's)
      for (const tag of tags) this.images.add(tag);
    }
    if (command.name === 'commit') {
      const ids = [...stdout.matchAll(/^(sha256:[0-9a-f]{64}|[0-9a-f]{12})\s*$/gm)].map((m) => m[1] as string);
      for (const id of [...ids, ...tags]) this.images.add(id);
      if (command.args[1] !== undefined) this.images.add(command.args[1]);
    }
    if (command.name === 'tag' && command.args[1] !== undefined) this.images.add(command.args[1]);
  }

  /** Runs a shell script on this machine, in the host folder (absolute paths are the machine's own). */
  host(script: string, input: CommandInput = {}): Promise<CommandResult> {
    return runHostScript(script, this.hostDir(), input);
  }

  inspect(ref: ObjectRef): Promise<unknown> {
    if (ref.kind === 'host') return Promise.reject(new Error('the host has nothing to docker inspect'));
    return this.reader.inspect(ref);
  }

  stat(ref: ObjectRef, path: string): Promise<Stat | null> {
    return ref.kind === 'host' ? hostStat(path) : this.reader.stat(ref, path);
  }

  readFile(ref: ObjectRef, path: string): Promise<Uint8Array> {
    return ref.kind === 'host' ? hostReadFile(path) : this.reader.readFile(ref, path);
  }

  readDir(ref: ObjectRef, path: string): Promise<DirEntryInfo[]> {
    return ref.kind === 'host' ? hostReadDir(path) : this.reader.readDir(ref, path);
  }

  /** Removes this instance's containers (with their anonymous volumes), images and volumes. */
  async dispose(): Promise<void> {
    const filter = ['--filter', `label=drydock.run=${this.runId}`];
    const containers = await this.list(['ps', '-aq', '--no-trunc', ...filter]);
    if (containers.length > 0) await this.client.run(['rm', '-f', '-v', ...containers]);
    const problems: string[] = await this.builds.removeContainers(this.client);
    await this.builds.resolveQuiet(this.client);
    // tags first (removing a tag never touches an image someone else also tagged), then our IDs; --no-prune:
    // docker's cascade would reach untagged parents the run did not make (the build's own are in this.builds)
    for (const ref of [...this.images].filter((r) => !/^(sha256:)?[0-9a-f]{12,64}$/.test(r))) {
      await this.client.run(['rmi', '--no-prune', ref]);
    }
    for (const id of [...this.images].filter((r) => /^(sha256:)?[0-9a-f]{12,64}$/.test(r))) {
      const refs = await this.client.run(['image', 'inspect', '-f', '{{len .RepoTags}}', id]);
      if (refs.exitCode === 0 && refs.stdout.trim() === '0') await this.client.run(['rmi', '--no-prune', id]);
    }
    this.images.clear();
    await this.builds.removeImages(this.client);
    await this.loads.removeImages(this.client);
    // an image built from another of ours inherits the label; children first, so repeat while that helps
    let images = await this.list(['images', '-q', '--no-trunc', ...filter]);
    for (let pass = 0; pass < 10 && images.length > 0; pass++) {
      for (const id of images) await this.client.run(['rmi', '-f', id]);
      const left = await this.list(['images', '-q', '--no-trunc', ...filter]);
      if (left.length >= images.length) break;
      images = left;
    }
    const volumes = await this.list(['volume', 'ls', '-q', ...filter]);
    if (volumes.length > 0) await this.client.run(['volume', 'rm', '-f', ...volumes]);
    if (this.scratchDir !== undefined) {
      try {
        rmSync(this.scratchDir, { recursive: true, force: true });
        this.scratchDir = undefined;
      } catch {
        // files a container wrote through a bind mount may belong to another user
        problems.push(`host folder ${this.scratchDir}`);
      }
    }
    problems.push(
      ...(await this.list(['ps', '-aq', ...filter])).map((id) => `container ${id}`),
      ...(await this.list(['images', '-q', ...filter])).map((id) => `image ${id}`),
      ...(await this.list(['volume', 'ls', '-q', ...filter])).map((name) => `volume ${name}`),
    );
    if (problems.length > 0) throw new Error(`drydock could not remove what run ${this.runId} created: ${problems.join(', ')}`);
    this.journal?.remove();
  }

  /** Makes sure the base and fixture images exist (built once, reused across runs). */
  async prepareFixtures(options?: FixtureOptions): Promise<void> {
    await ensureFixtureImages(this.client, options);
  }

  // the legacy builder would pull a missing FROM image, and no registry may be contacted
  private async guardBuild(command: ParsedCommand, stdin: string | Uint8Array | undefined): Promise<void> {
    const source = buildSource(command, stdin, readTextOrNull);
    if (source.kind === 'remote') {
      throw new EngineError('POLICY_REFUSED', `refusing to build from ${source.context}: remote contexts need a network`);
    }
    if (source.kind !== 'dockerfile') return;
    for (const image of requiredImages(source.text, source.buildArgs)) {
      if (this.knownImages.has(image)) continue;
      const found = await this.client.run(['image', 'inspect', '--format', '{{.Id}}', image]);
      if (found.exitCode !== 0) {
        throw new EngineError(
          'POLICY_REFUSED',
          `refusing to build: the image ${image} is not on this engine, and the builder would try to pull it from a registry`,
        );
      }
    }
  }

  private hostDir(): string {
    if (this.givenHostDir !== undefined) return this.givenHostDir;
    this.scratchDir ??= mkdtempSync(join(tmpdir(), `drydock-host-${this.runId}-`));
    return this.scratchDir;
  }

  private async list(argv: readonly string[]): Promise<string[]> {
    const result = await this.client.run(argv);
    return result.exitCode === 0 ? [...new Set(result.stdout.split('\n').filter((line) => line !== ''))] : [];
  }
}

/** Connects to the daemon (ENGINE_UNREACHABLE otherwise) and, unless told not to, prepares the fixture images. */
export async function createDockerEngine(options: DockerEngineOptions & { prepareFixtures?: boolean } = {}): Promise<DockerEngine> {
  const engine = new DockerEngine(options);
  await engine.client.checkReachable();
  if (options.prepareFixtures !== false) await engine.prepareFixtures(options.fixtures);
  return engine;
}

function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
