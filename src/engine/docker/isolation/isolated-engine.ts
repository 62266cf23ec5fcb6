// One scenario on a real, shared Docker engine: every command is rewritten into the run's namespace (names,
// images, host paths; see isolate-argv.ts), everything printed or inspected is mapped back, host steps run in
// the run folder, and dispose() removes what the run made — containers, volumes and images by label, name
// prefix and tracking (what its builds printed included) — and never anything else.

import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandInput, CommandResult, DirEntryInfo, Engine, EngineCapabilities, ObjectRef } from '../../engine.js';
import type { Stat } from '../../fs-types.js';
import { DockerClient, type DockerClientOptions } from '../docker-client.js';
import type { BuildLeftoversState } from '../build-leftovers.js';
import { DockerEngine } from '../docker-engine.js';
import { runHostScript } from '../host-shell.js';
import type { LoadedImage } from '../loaded-images.js';
import { defaultJournalDir, RunJournal } from '../run-journal.js';
import { prepareBuildContext, rewriteDockerfile } from './build-context.js';
import { rewriteHostScript } from './host-script.js';
import { slotArgv } from './argv-slots.js';
import { absoluteHostPath, isolateArgv, type IsolatedCommand } from './isolate-argv.js';
import { isolateLoad } from './isolate-load.js';
import { psArgv } from './ps-view.js';
import { RunNames } from './run-names.js';
import { truncateId } from '../../../docker-cli/index.js';
import { writeRunFolderFiles } from './run-folder-files.js';

/** A file the scenario puts on its host before it runs (absolute scenario path). */
export interface HostFile {
  path: string;
  content: Uint8Array;
  mode: number;
}

/** How to make one scenario's engine. */
export interface IsolatedEngineOptions extends DockerClientOptions {
  runId: string;
  /** the run folder standing in for the host's `/` (made here, removed by dispose) */
  runDir: string;
  /** the working directory of docker commands and host steps, as the scenario sees it */
  cwd: string;
  /** IDs of the shared stand-in images, which every run may list */
  fixtureIds?: readonly string[];
  /** checked before each command runs (the untrusted-scenario policy); throws to refuse */
  guard?: (argv: readonly string[], command: IsolatedCommand, runDir: string) => void;
  /** where the run writes down what it makes without its label, for `drydock clean`; default defaultJournalDir() */
  journalDir?: string;
}

const DOCKER_TIMEOUT_NOTE = /drydock: docker .*: timed out after \d+ ms\n$/u;

/** A real engine seen through one run's namespace. */
export class IsolatedDockerEngine implements Engine {
  readonly name = 'docker' as const;
  readonly capabilities: EngineCapabilities;
  readonly names: RunNames;
  readonly inner: DockerEngine;
  private readonly client: DockerClient;
  private readonly hostCwd: string;
  private readonly env: Record<string, string>;
  private counter = 0;
  private readonly anonymousVolumes = new Set<string>();
  /** 12-digit IDs of images this run made or may see (the stand-ins), to keep other runs' out of listings */
  private readonly ownImages = new Set<string>();
  /** whether the run made images that carry its label (commit, import, load), so dispose must look for them */
  private labelledImages = false;
  /** what the run makes without its label, written as it goes (read by `drydock clean` if the run is killed) */
  readonly journal: RunJournal;

  constructor(private readonly options: IsolatedEngineOptions) {
    this.names = new RunNames(options.runId, options.runDir);
    this.hostCwd = this.names.hostPath(options.cwd);
    mkdirSync(this.hostCwd, { recursive: true });
    mkdirSync(join(options.runDir, '.drydock'), { recursive: true });
    this.env = options.env ?? {};
    this.client = new DockerClient({ ...options, cwd: this.hostCwd });
    // the stand-ins exist (prepared before any scenario), under every name a rewritten FROM can give them
    const known = ['drydock/busybox:1.35', ...['tomcat', 'centos', 'ubuntu'].flatMap((n) => [`drydock/${n}`, `drydock/${n}:latest`])];
    this.journal = new RunJournal(options.journalDir ?? defaultJournalDir(), options.runId);
    this.journal.open();
    this.inner = new DockerEngine({ client: this.client, runId: options.runId, hostDir: this.hostCwd, knownImages: (options.fixtureIds?.length ?? 0) > 0 ? known : [], journal: this.journal });
    this.capabilities = this.inner.capabilities;
    for (const id of options.fixtureIds ?? []) this.ownImages.add(id.replace(/^sha256:/u, '').slice(0, 12));
  }

  /** What the engine remembered (own images, anonymous volumes, shadowed stand-ins), for a later process. */
  saveState(): string {
    return JSON.stringify({
      images: [...this.ownImages],
      volumes: [...this.anonymousVolumes],
      shadowed: this.names.shadowedNames(),
      created: [...this.names.created],
      builds: this.inner.builds.saveState(),
      loads: this.inner.loads.saveState(),
      // numbers the cidfiles and build folders: a later process must not reuse one (docker refuses an existing cidfile)
      commands: this.counter,
    });
  }

  /** Takes back what saveState() gave. */
  loadState(text: string): void {
    const state = JSON.parse(text) as {
      images: string[]; volumes: string[]; shadowed: string[]; created?: string[]; builds?: BuildLeftoversState; loads?: LoadedImage[]; commands?: number;
    };
    for (const id of state.images) this.ownImages.add(id);
    for (const v of state.volumes) this.anonymousVolumes.add(v);
    for (const name of state.shadowed) this.names.shadow(name);
    for (const ref of state.created ?? []) this.names.created.add(ref);
    if (state.builds !== undefined) this.inner.builds.loadState(state.builds);
    if (state.loads !== undefined) this.inner.loads.loadState(state.loads);
    this.counter = Math.max(this.counter, state.commands ?? 0);
  }

  /** Puts the scenario's files into the run folder. */
  writeFiles(files: readonly HostFile[]): void {
    writeRunFolderFiles(this.options.runDir, files);
  }

  async docker(argv: readonly string[], input: CommandInput = {}): Promise<CommandResult> {
    const n = this.counter++;
    const command = isolateArgv(argv, this.names, { cidfile: join(this.options.runDir, '.drydock', `cid-${n}`) });
    this.options.guard?.(argv, command, this.options.runDir);
    const run = [...command.argv];
    let stdin = input.stdin;
    if (command.build !== undefined) {
      const context = absoluteHostPath(command.build.context, this.hostCwd);
      const file = command.build.file === undefined ? undefined : absoluteHostPath(command.build.file, this.hostCwd);
      const copy = prepareBuildContext(context, file, join(this.options.runDir, '.drydock', `build-${n}`), this.names);
      if (copy !== null) {
        run[command.build.contextIndex] = copy.context;
        if (command.build.fileIndex !== undefined && copy.file !== undefined) run[command.build.fileIndex] = (command.build.filePrefix ?? '') + copy.file;
      }
    } else if (/(^| )build$/u.test(command.path) && typeof stdin === 'string') {
      stdin = rewriteDockerfile(stdin, this.names);
    }
    if (/(^| )build$/u.test(command.path) && !argv.some((a) => a === '--cache-from' || a.startsWith('--cache-from='))) {
      // the legacy builder's cache spans the whole engine; only the run's own images may be cache sources
      const at = run.indexOf('build') + 1;
      run.splice(at, 0, ...['drydock/busybox:1.35', ...[...this.ownImages].filter((id) => !this.isFixture(id))].flatMap((id) => ['--cache-from', id]));
    }
    if (command.path === 'volume prune') return this.pruneVolumes(argv);
    for (const operand of command.ambiguous ?? []) run[operand.index] = operand.prefix + (await this.resolveAmbiguous(operand.value));
    for (const { shared, local } of command.untagShared ?? []) await this.client.run(['tag', shared, local]);
    if ((command.path === 'rm' || command.path === 'container rm') && !argv.includes('-v') && !argv.includes('--volumes')) {
      await this.rememberVolumes((slotArgv(run)?.slots ?? []).filter((s) => s.position !== undefined).map((s) => s.value));
    }
    if (command.path === 'load' || command.path === 'image load') {
      const load = await isolateLoad(run, stdin, this.names, this.client, join(this.options.runDir, '.drydock', `load-${n}.tar`), (id) => this.ownImages.has(truncateId(id)), this.hostCwd);
      run.splice(0, run.length, ...load.argv);
      stdin = load.stdin;
      for (const id of load.ids) this.ownImages.add(truncateId(id));
    }
    // a failed build's kept step container has no run label, yet `ps -a` on docker shows it
    if (command.listing === undefined && /^(container )?(ps|ls|list)$/u.test(command.path)) run.splice(0, run.length, ...(await psArgv(run, argv, this.options.runId, this.client, this.inner.builds)));
    const quietImages = command.listing === 'images' && quietImagesArgv(run);
    const forwarded: CommandInput = { ...input };
    if (stdin !== undefined) forwarded.stdin = stdin;
    const result = await this.inner.docker(run, forwarded);
    if (result.timedOut || (result.exitCode === 124 && DOCKER_TIMEOUT_NOTE.test(result.stderr))) await this.killTimedOut(command);
    let stdout = result.stdout;
    // a failed build's steps exist too (`images -a` lists them, later builds may use them as cache); a failed
    // `build -q` prints its steps on stderr
    this.rememberImages(command.path, `${stdout}\n${result.stderr}`);
    if (/(^| )(commit|import|load)$/u.test(command.path)) this.labelledImages = true;
    if (command.listing === 'images') stdout = this.ownImageRows(stdout, quietImages);
    if (command.listing === 'volumes') stdout = await this.ownVolumeRows(argv, stdout);
    const out: CommandResult = { exitCode: result.exitCode, stdout: this.names.unmap(stdout), stderr: this.names.unmap(result.stderr) };
    if (result.timedOut) out.timedOut = true;
    return out;
  }

  async host(script: string, input: CommandInput = {}): Promise<CommandResult> {
    const result = await runHostScript(rewriteHostScript(script, this.options.runDir), this.hostCwd, input, this.env);
    return { ...result, stdout: this.names.unmap(result.stdout), stderr: this.names.unmap(result.stderr) };
  }

  async inspect(ref: ObjectRef): Promise<unknown> {
    try {
      return this.names.unmapJson(await this.inner.inspect(this.mapRef(ref)));
    } catch (e) {
      throw e instanceof Error ? new Error(readerMessage(this.names.unmap(e.message))) : e;
    }
  }

  stat(ref: ObjectRef, path: string): Promise<Stat | null> {
    return this.unmapErrors(this.inner.stat(this.mapRef(ref), this.mapPath(ref, path)));
  }

  readFile(ref: ObjectRef, path: string): Promise<Uint8Array> {
    return this.unmapErrors(this.inner.readFile(this.mapRef(ref), this.mapPath(ref, path)));
  }

  readDir(ref: ObjectRef, path: string): Promise<DirEntryInfo[]> {
    return this.unmapErrors(this.inner.readDir(this.mapRef(ref), this.mapPath(ref, path)));
  }

  /**
   * Removes the run's containers (with their anonymous volumes), images (its prefix, its label) and volumes
   * (its prefix and label, the anonymous ones it remembered), then its folder; throws naming anything left.
   * Few docker calls: each costs a CLI start-up, and this runs after every scenario.
   */
  async dispose(): Promise<void> {
    const label = `label=drydock.run=${this.options.runId}`;
    const lines = async (argv: string[]) => (await this.client.run(argv)).stdout.split('\n').filter((l) => l !== '');
    const containers = await lines(['ps', '-aq', '--no-trunc', '--filter', label]);
    // -v takes their anonymous volumes along
    const problems: string[] = [];
    if (containers.length > 0) {
      const removed = await this.client.run(['rm', '-f', '-v', ...containers]);
      if (removed.exitCode !== 0) problems.push(`containers (${removed.stderr.trim()})`);
    }
    // a failed build's step containers carry no run label (builds get none): they are known from its output
    problems.push(...(await this.inner.builds.removeContainers(this.client)));
    // tags under the run's prefix (removing them deletes what only they held), then what carries the label
    // (listing every image on a busy engine costs more than the rest of the clean-up together), then what the
    // builds printed and no tag holds (a failed build's steps, an untagged build)
    const refs = [...this.names.created];
    if (refs.length > 0) await this.client.run(['rmi', '-f', ...refs]);
    for (let pass = 0; pass < 5 && this.labelledImages; pass++) {
      const labelled = await lines(['images', '-q', '--no-trunc', '--filter', label]);
      if (labelled.length === 0) break;
      await this.client.run(['rmi', '-f', ...new Set(labelled)]);
    }
    await this.inner.builds.removeImages(this.client);
    await this.inner.loads.removeImages(this.client);
    // named volumes by prefix (`run -v name:/x` makes them unlabelled), anonymous ones as remembered
    const all = await lines(['volume', 'ls', '--format', '{{.Name}} {{.Label "drydock.run"}}']);
    const doomed = all
      .map((line) => line.split(' '))
      .filter(([name = '', run]) => name.startsWith(this.names.objectPrefix) || run === this.options.runId || this.anonymousVolumes.has(name))
      .map(([name = '']) => name);
    if (doomed.length > 0) await this.client.run(['volume', 'rm', '-f', ...doomed]);
    try {
      rmSync(this.options.runDir, { recursive: true, force: true });
    } catch {
      problems.push(`host folder ${this.options.runDir}`);
    }
    if (problems.length > 0) throw new Error(`drydock could not remove what run ${this.options.runId} created: ${problems.join(', ')}`);
    this.journal.remove();
  }

  private mapRef(ref: ObjectRef): ObjectRef {
    if (ref.kind === 'host') return ref;
    return { kind: ref.kind, name: ref.kind === 'image' ? this.names.sourceImage(ref.name) : this.names.object(ref.name) };
  }

  private mapPath(ref: ObjectRef, path: string): string {
    return ref.kind === 'host' ? this.names.hostPath(path) : path;
  }

  private async unmapErrors<T>(promise: Promise<T>): Promise<T> {
    try {
      return await promise;
    } catch (e) {
      if (e instanceof Error) e.message = readerMessage(this.names.unmap(e.message));
      throw e;
    }
  }

  // `docker inspect dc01`: a container, an image or a volume, in docker's own order of trying
  private async resolveAmbiguous(name: string): Promise<string> {
    const container = this.names.object(name);
    if ((await this.client.run(['container', 'inspect', '--format', '{{.Id}}', container])).exitCode === 0) return container;
    const image = this.names.sourceImage(name);
    if ((await this.client.run(['image', 'inspect', '--format', '{{.Id}}', image])).exitCode === 0) return image;
    const volume = this.names.object(name);
    if ((await this.client.run(['volume', 'inspect', '--format', '{{.Name}}', volume])).exitCode === 0) return volume;
    return container;
  }

  // anonymous volumes carry no labels; remember them before `rm` without -v leaves them behind
  private async rememberVolumes(containers: readonly string[]): Promise<void> {
    if (containers.length === 0) return;
    const names = await this.volumesOf(containers);
    for (const name of names) this.anonymousVolumes.add(name);
    if (names.length > 0) this.journal.write({ kind: 'volumes', names });
  }

  private async volumesOf(containers: readonly string[]): Promise<string[]> {
    const format = '{{range .Mounts}}{{if eq .Type "volume"}}{{.Name}} {{end}}{{end}}';
    const result = await this.client.run(['container', 'inspect', '--format', format, ...containers]);
    return result.stdout.split(/\s+/u).filter((name) => /^[0-9a-f]{64}$/u.test(name));
  }

  private async killTimedOut(command: IsolatedCommand): Promise<void> {
    if (command.cidfile === undefined) return;
    let id: string;
    try {
      id = readFileSync(command.cidfile, 'utf8').trim();
    } catch {
      return;
    }
    if (id !== '') await this.client.run(['kill', id]);
  }

  private ownImageRows(stdout: string, quiet: boolean): string {
    const other = new RegExp(`drydock-run-(?!${this.options.runId}/)[0-9a-z]+/`, 'u');
    const rows = stdout
      .split('\n')
      .filter((line, i) => {
        if (other.test(line)) return false;
        // drydock's own bookkeeping tags of the stand-ins (drydock/content:<repo>-<hash>) are no image of the run
        if (/(^|\s)drydock\/content(:|\s)/u.test(line)) return false;
        // the run's prefix is hex like an image ID: it must not be taken for one
        const ids = [...line.replaceAll(this.names.imagePrefix, '').matchAll(/(?<![\w:])(?:sha256:)?([0-9a-f]{12})(?:[0-9a-f]{52})?(?![\w])/gu)].map((m) => m[1]!);
        // a row naming an image ID is the run's when the run made or may use that image
        return i === 0 && /^REPOSITORY/u.test(line) ? true : ids.length === 0 || ids.some((id) => this.ownImages.has(id));
      });
    // `images -q` ran with a format that names each row's reference too (see quietImagesArgv): keep the ID
    return (quiet ? rows.map((row) => row.split('\t')[0] ?? '') : rows).join('\n');
  }

  private isFixture(id: string): boolean {
    return (this.options.fixtureIds ?? []).some((f) => f.replace(/^sha256:/u, '').startsWith(id));
  }

  // image IDs a command printed: every step of a build, a commit's, an import's, a load's
  private rememberImages(path: string, stdout: string): void {
    if (!/(^| )(build|commit|import|load)$/u.test(path)) return;
    for (const m of stdout.matchAll(/(?:---> |Successfully built |sha256:|Loaded image ID: sha256:)([0-9a-f]{12})/gu)) this.ownImages.add(m[1]!);
  }

  // `volume prune` on a shared engine: only the run's unused volumes (named ones by prefix, anonymous ones as
  // remembered), removed one by one, with docker's own report
  private async pruneVolumes(argv: readonly string[]): Promise<CommandResult> {
    const dangling = (await this.client.run(['volume', 'ls', '-q', '--filter', 'dangling=true'])).stdout.split('\n').filter((l) => l !== '');
    const containers = (await this.client.run(['ps', '-aq', '--filter', `label=drydock.run=${this.options.runId}`])).stdout.split('\n').filter((l) => l !== '');
    const owned = new Set([...this.anonymousVolumes, ...(containers.length > 0 ? await this.volumesOf(containers) : [])]);
    const mine = dangling.filter((v) => v.startsWith(this.names.objectPrefix) || owned.has(v));
    if (!argv.includes('-f') && !argv.includes('--force')) {
      return { exitCode: 1, stdout: '', stderr: 'drydock: `volume prune` without -f would wait for a confirmation; add -f\n' };
    }
    const deleted: string[] = [];
    for (const volume of mine) {
      if ((await this.client.run(['volume', 'rm', volume])).exitCode === 0) deleted.push(volume);
    }
    const listing = deleted.length === 0 ? '' : `Deleted Volumes:\n${deleted.join('\n')}\n\n`;
    return { exitCode: 0, stdout: this.names.unmap(`${listing}Total reclaimed space: 0B\n`), stderr: '' };
  }

  private async ownVolumeRows(argv: readonly string[], stdout: string): Promise<string> {
    const containers = (await this.client.run(['ps', '-aq', '--filter', `label=drydock.run=${this.options.runId}`])).stdout.split('\n').filter((l) => l !== '');
    const owned = new Set([...this.anonymousVolumes, ...(containers.length > 0 ? await this.volumesOf(containers) : [])]);
    const at = argv.findIndex((a) => a === '--format' || a.startsWith('--format='));
    const format = at === -1 ? undefined : argv[at]!.startsWith('--format=') ? argv[at]!.slice('--format='.length) : argv[at + 1];
    const quiet = argv.some((a) => a === '-q' || a === '--quiet');
    const table = !quiet && (format === undefined || format.startsWith('table'));
    const lines = stdout.split('\n');
    return lines
      .filter((line, i) => (table && i === 0) || line === '' || line.includes(this.names.objectPrefix) || line.split(/\s+/u).some((w) => owned.has(w)))
      .join('\n');
  }
}

// the read facet reports what is missing as the simulator does, without the CLI's "Error: " framing
function readerMessage(message: string): string {
  return message.replace(/^(Error: |Error response from daemon: )+/u, '');
}


/**
 * `images -q` prints one ID per tag, so a stand-in's bookkeeping tag would add a row no simulator has: the IDs
 * come with their references (a custom format overrides -q in the docker CLI) to filter on, and are cut back
 * to the ID column afterwards. Changes `run` in place; false when the user gave a format of their own.
 */
function quietImagesArgv(run: string[]): boolean {
  const slotted = slotArgv(run);
  if (slotted === null || !slotted.booleans.includes('quiet') || slotted.slots.some((s) => s.flag === 'format')) return false;
  run.splice(slotted.commandEnd, 0, '--format', '{{.ID}}\t{{.Repository}}:{{.Tag}}');
  return true;
}
