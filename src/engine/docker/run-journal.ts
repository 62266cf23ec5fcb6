// What a run on a real engine made that carries neither its label nor its name prefix (the step containers a
// failed build keeps, the images build steps commit, the images a load creates, anonymous volumes its `rm`
// left), written down as the run goes, one JSON line per event, so `drydock clean` can remove what a run that
// was killed (SIGKILL, a crash) recorded. The journal sits outside the run folder, where the scenario's host
// steps and bind mounts cannot write, in a folder only this user may write; a journal whose owning process is
// still alive belongs to a live run, which `drydock clean` leaves alone. dispose() deletes the journal.

import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildLeftoversState } from './build-leftovers.js';
import type { LoadedImage } from './loaded-images.js';

/** One line of a journal. */
export type JournalEntry =
  /** the process that wrote the lines after it (a run may span processes: `drydock compare`) */
  | { kind: 'owner'; pid: number; hostname: string; boot?: string; start?: string }
  | { kind: 'build'; leftovers: BuildLeftoversState }
  | { kind: 'load'; images: LoadedImage[] }
  | { kind: 'volumes'; names: string[] };

/** A journal found on disk. */
export interface RunJournalFile {
  runId: string;
  path: string;
  entries: JournalEntry[];
  /** true while a process that wrote it is still running (on this machine, since this boot) */
  live: boolean;
}

/** Where journals go: `<tmp>/drydock-journal-<uid>/`. */
export function defaultJournalDir(): string {
  return join(tmpdir(), `drydock-journal-${process.getuid?.() ?? 'user'}`);
}

/** Appends to one run's journal; never throws (a run must not fail because its notes could not be written). */
export class RunJournal {
  readonly path: string;
  private opened = false;

  constructor(
    readonly dir: string,
    readonly runId: string,
  ) {
    this.path = join(dir, `${runId}.jsonl`);
  }

  /** Starts the journal with a line naming this process, so `drydock clean` knows the run is live. */
  open(): void {
    if (this.opened) return;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      appendFileSync(this.path, `${JSON.stringify(ownerEntry())}\n`, { mode: 0o600 });
      this.opened = true;
    } catch {
      // a full or read-only temp folder: the run still cleans up after itself; only `drydock clean` knows less
    }
  }

  /** Appends an entry (after this process's owner line). */
  write(entry: Exclude<JournalEntry, { kind: 'owner' }>): void {
    this.open();
    try {
      appendFileSync(this.path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    } catch {
      // as in open()
    }
  }

  /** Deletes the journal (everything it names is gone). */
  remove(): void {
    rmSync(this.path, { force: true });
    // the folder goes with the last journal (another run may be writing one: then it is not empty)
    try {
      rmdirSync(this.dir);
    } catch {
      // not empty, or gone already
    }
  }
}

/** The journals in `dir` that this user wrote (others' files, or files others may write, are not trusted). */
export function readJournals(dir: string = defaultJournalDir()): RunJournalFile[] {
  let names: string[];
  try {
    if (!trusted(dir)) return [];
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: RunJournalFile[] = [];
  for (const name of names) {
    const m = /^([0-9a-f]{12})\.jsonl$/u.exec(name);
    const path = join(dir, name);
    let text: string;
    try {
      if (m === null || !trusted(path)) continue;
      text = readFileSync(path, 'utf8');
    } catch {
      continue; // its run ended (and removed it) since the folder was read
    }
    const entries: JournalEntry[] = [];
    for (const line of text.split('\n')) {
      try {
        if (line !== '') entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        // the last line of a run killed while writing it
      }
    }
    const live = entries.some((e) => e.kind === 'owner' && isAlive(e));
    out.push({ runId: m?.[1] ?? '', path, entries, live });
  }
  return out;
}

function trusted(path: string): boolean {
  const s = statSync(path);
  const uid = process.getuid?.();
  return (uid === undefined || s.uid === uid) && (s.mode & 0o022) === 0;
}

function ownerEntry(): JournalEntry {
  const boot = readOrUndefined('/proc/sys/kernel/random/boot_id');
  const start = processStart(process.pid);
  return { kind: 'owner', pid: process.pid, hostname: hostname(), ...(boot !== undefined ? { boot } : {}), ...(start !== undefined ? { start } : {}) };
}

/** Whether the process an owner line names still runs; unknown (another machine) counts as alive. */
function isAlive(owner: Extract<JournalEntry, { kind: 'owner' }>): boolean {
  if (owner.hostname !== hostname()) return true;
  const boot = readOrUndefined('/proc/sys/kernel/random/boot_id');
  if (owner.boot !== undefined && boot !== undefined) {
    if (owner.boot !== boot) return false;
    // the same PID since this boot is the same process only if it started at the same moment
    if (owner.start !== undefined) return processStart(owner.pid) === owner.start;
  }
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot
function processStart(pid: number): string | undefined {
  const stat = readOrUndefined(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}
