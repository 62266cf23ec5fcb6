// What a legacy `docker build` leaves on the engine. A failed step keeps its container (unless --force-rm, which
// would change the output compared with the simulator), and every step that committed keeps its image, untagged
// when the build failed or had no -t. None of them carries drydock.run (builds get no labels), so the engines
// record what the build printed, whatever its exit code, and remove exactly that when they are disposed.
// A RUN step's own output could print the same lines, naming someone else's object: an object is removed only if
// the daemon says it was created while the build ran.

import type { DockerClient } from './docker-client.js';
import { truncateId } from '../../docker-cli/index.js';

/** The objects one build's output names as made by that build. */
export interface BuildOutputObjects {
  /** 12-digit IDs of step containers the builder did not say it removed */
  containers: string[];
  /** 12-digit IDs of images the steps committed, parents first (cache hits and FROM images left out) */
  images: string[];
  /** full IDs that `build -q` printed alone: its steps are not printed, so their images are found later */
  quiet: string[];
}

/** An object a build printed and when that build ran (ms since the epoch, this machine's clock). */
export interface BuildObject {
  id: string;
  since: number;
  until: number;
}

/** What BuildLeftovers remembers, as plain data (saved between processes by the compare command). */
export interface BuildLeftoversState {
  containers: BuildObject[];
  images: BuildObject[];
  quiet: BuildObject[];
}

// the daemon's timestamps against this machine's clock: rounding, and a little drift
const CLOCK_SLACK_MS = 2000;

const STEP = /^Step \d+\/\d+ : (\S+)/u;
const TRIGGERS = /^# Executing \d+ build triggers?$/u;
const USING_CACHE = /^ ---> Using cache$/u;
const RUNNING = /^ ---> Running in ([0-9a-f]{12})$/u;
const REMOVED = /^Removing intermediate container ([0-9a-f]{12})$/u;
const IMAGE = /^ ---> ([0-9a-f]{12})$/u;
const QUIET = /^(sha256:[0-9a-f]{64})$/u;

/**
 * Reads a legacy builder's output (stdout and stderr together: a failed `build -q` prints its steps on stderr).
 * A step's image is the build's own unless the step was a cache hit or a FROM without triggers, which print an
 * image someone else may own.
 */
export function parseBuildOutput(output: string): BuildOutputObjects {
  const containers = new Set<string>();
  const images: string[] = [];
  const quiet: string[] = [];
  let from = false;
  let cached = false;
  for (const raw of output.split(/\r\n|\r|\n/u)) {
    const line = raw.trimEnd();
    const step = STEP.exec(line);
    let m: RegExpExecArray | null;
    if (step !== null) {
      from = step[1]!.toUpperCase() === 'FROM';
      cached = false;
    } else if (TRIGGERS.test(line)) {
      from = false; // ONBUILD triggers commit a new image in the FROM step
    } else if (USING_CACHE.test(line)) {
      cached = true;
    } else if ((m = RUNNING.exec(line)) !== null) {
      containers.add(m[1]!);
    } else if ((m = REMOVED.exec(line)) !== null) {
      containers.delete(m[1]!);
    } else if ((m = IMAGE.exec(line)) !== null) {
      if (!from && !cached && !images.includes(m[1]!)) images.push(m[1]!);
      cached = false;
    } else if ((m = QUIET.exec(line)) !== null) {
      quiet.push(m[1]!);
    }
  }
  return { containers: [...containers], images, quiet };
}

/** The containers and untagged images an engine's builds left, removed on dispose. */
export class BuildLeftovers {
  private readonly containers: BuildObject[] = [];
  private readonly images: BuildObject[] = [];
  private readonly quiet: BuildObject[] = [];

  /** Remembers what one build printed; `since` and `until` (ms) are when it ran. */
  record(output: string, since: number, until: number): void {
    const found = parseBuildOutput(output);
    this.containers.push(...found.containers.map((id) => ({ id, since, until })));
    this.addImages(found.images.map((id) => ({ id, since, until })));
    this.quiet.push(...found.quiet.map((id) => ({ id, since, until })));
  }

  /** What is remembered, for a later process (the compare command runs one process per docker command). */
  saveState(): BuildLeftoversState {
    return { containers: [...this.containers], images: [...this.images], quiet: [...this.quiet] };
  }

  /** Takes back what saveState() gave. */
  loadState(state: BuildLeftoversState): void {
    this.containers.push(...state.containers);
    this.addImages(state.images);
    this.quiet.push(...state.quiet);
  }

  /** Whether any build printed a step container it kept. */
  get hasContainers(): boolean {
    return this.containers.length > 0;
  }

  /** The step containers that still exist and were made by the builds that printed them (full IDs); removes nothing. */
  async findContainers(client: DockerClient): Promise<string[]> {
    if (this.containers.length === 0) return [];
    const inspected = await client.run(['container', 'inspect', '--format', '{{.Id}} {{.Created}}', ...this.containers.map((c) => c.id)]);
    return made(inspected.stdout, this.containers).map(([id]) => id!);
  }

  /** Removes the step containers that still exist; returns what could not be removed. */
  async removeContainers(client: DockerClient): Promise<string[]> {
    const doomed = await this.findContainers(client);
    this.containers.splice(0);
    if (doomed.length === 0) return [];
    // -f: a build stopped by a timeout may still be running its step; -v: a base image's VOLUME gave it one
    const removed = await client.run(['rm', '-f', '-v', ...doomed]);
    return removed.exitCode === 0 ? [] : errorLines(removed.stderr).map((e) => `build container (${e})`);
  }

  /**
   * Turns each `build -q` image into the images its build made, found through its history: call this while the
   * build's tags still hold it if they are to be removed with --no-prune.
   */
  async resolveQuiet(client: DockerClient): Promise<void> {
    const quiet = this.quiet.splice(0);
    if (quiet.length === 0) return;
    // only the `-q` images still there need their history (removing a tag may have taken the rest)
    const present = await client.run(['image', 'inspect', '--format', '{{.Id}}', ...quiet.map((q) => q.id)]);
    for (const build of quiet) if (present.stdout.includes(build.id)) this.addImages(await chainOf(client, build));
  }

  /**
   * Removes the recorded images that no tag holds, children before parents, with --no-prune so docker's own
   * cascade never reaches a parent the build did not make. An image with a tag, a child or a container that is
   * not ours stays: it is someone else's now.
   */
  async removeImages(client: DockerClient): Promise<void> {
    const doomed = await this.findImages(client);
    this.images.splice(0);
    if (doomed.length > 0) await client.run(['rmi', '--no-prune', ...doomed]);
  }

  /** The recorded images that exist, were made by their build and have no tag, children first; removes nothing. */
  async findImages(client: DockerClient): Promise<string[]> {
    await this.resolveQuiet(client);
    if (this.images.length === 0) return [];
    const inspected = await client.run(['image', 'inspect', '--format', '{{.Id}} {{.Created}} {{len .RepoTags}}', ...this.images.map((i) => i.id)]);
    const untagged = new Set(made(inspected.stdout, this.images).filter(([, tags]) => tags === '0').map(([id]) => truncateId(id!)));
    return this.images.map((i) => i.id).filter((id) => untagged.has(id)).reverse();
  }

  private addImages(images: readonly BuildObject[]): void {
    for (const image of images) if (!this.images.some((i) => i.id === image.id)) this.images.push(image);
  }
}

// rows `<id> <created> [more…]` of objects created while the build that printed them ran: [id, more…]
function made(rows: string, recorded: readonly BuildObject[]): string[][] {
  const out: string[][] = [];
  for (const [id = '', created = '', ...more] of rows.split('\n').map((line) => line.split(' '))) {
    const build = recorded.find((r) => r.id === truncateId(id));
    if (build !== undefined && within(created, build)) out.push([id, ...more]);
  }
  return out;
}

function within(created: string, build: BuildObject): boolean {
  const at = Date.parse(created);
  return at >= build.since - CLOCK_SLACK_MS && at <= build.until + CLOCK_SLACK_MS;
}

// a `build -q` image and the parents its build made (the others are older: FROM images and cache hits)
async function chainOf(client: DockerClient, build: BuildObject): Promise<BuildObject[]> {
  const history = await client.run(['history', '--no-trunc', '--format', '{{.ID}} {{.CreatedAt}}', build.id]);
  if (history.exitCode !== 0) return [];
  const own: BuildObject[] = [];
  for (const [row = '', created = ''] of history.stdout.split('\n').map((line) => line.split(' '))) {
    if (!/^sha256:[0-9a-f]{64}$/u.test(row) || !within(created, build)) break;
    own.push({ ...build, id: truncateId(row) });
  }
  return own.reverse();
}


// docker's per-object errors, one per line, but for objects already gone
function errorLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/No such container/u.test(line));
}
