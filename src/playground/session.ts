// One playground session in the worker: a fresh simulator state with the exercise's files on its sandbox host,
// the exercise's setup run, then what the student types, line by line. Docker lines run exactly as under
// `drydock docker`; other lines run on the sandbox host's shell (the busybox applets, as a scenario's host
// steps do). After every line the exercise's visible checks run again. Nothing here touches Node or the DOM.

import type { Assertion, CheckContext } from '../assertions/types.js';
import { builtinAssertions } from '../assertions/registry.js';
import type { CommandResult } from '../engine/engine.js';
import { buildFixtures, type FixtureSet } from '../engine/sim/fixture-images.js';
import { TreeBackend } from '../engine/sim/fs/tree-backend.js';
import type { LiveEntry } from '../engine/sim/layer/entry.js';
import { SimEngine } from '../engine/sim/sim-engine.js';
import { parseCommands } from '../grading/submission.js';
import { runStep, type StepState } from '../runner/run-step.js';
import { SCENARIO_DIR, type Scenario } from '../scenario/model.js';
import { renderDeep } from '../scenario/template.js';
import { commandClock, type CommandClock } from './command-clock.js';
import { scenarioFromSerial, type PlaygroundExercise } from './exercise-data.js';
import type { CheckView, LineOutput, SessionEvent, SessionView } from './protocol.js';

const registry = builtinAssertions();
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** What the session remembers of each line for the hand-in. */
interface Typed {
  line: string;
  /** the words after `docker` when the line is one docker command */
  docker?: string[];
  output: LineOutput;
}

function ensureDir(host: TreeBackend, path: string, mtime: number): void {
  if (path === '/' || host.get(path)?.kind === 'dir') return;
  ensureDir(host, path.slice(0, path.lastIndexOf('/')) || '/', mtime);
  host.put(path, { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime });
}

/** A simulator state the student works in, with the exercise's checks. */
export class PlaygroundSession {
  readonly engine: SimEngine;
  readonly typed: Typed[] = [];
  private readonly clock: CommandClock;
  private readonly scenario: Scenario | undefined;
  private readonly state: StepState;
  /** host paths under the scenario directory the student wrote (editor or host shell): the hand-in's files */
  private readonly written = new Set<string>();
  /** set by the first line: before it the checks are `pending` */
  private started = false;

  constructor(
    private readonly exercise: PlaygroundExercise | null,
    fixtures: FixtureSet,
    createdAt: number,
  ) {
    this.clock = commandClock(createdAt);
    this.scenario = exercise ? scenarioFromSerial(exercise.scenario) : undefined;
    const host = new TreeBackend();
    ensureDir(host, SCENARIO_DIR, createdAt);
    for (const f of this.scenario?.files ?? []) {
      ensureDir(host, f.path.slice(0, f.path.lastIndexOf('/')) || '/', createdAt);
      host.put(f.path, { kind: 'file', data: f.content, mode: f.mode, uid: 0, gid: 0, mtime: createdAt });
    }
    this.engine = new SimEngine({
      fixtures: buildFixtures(fixtures),
      host,
      cwd: SCENARIO_DIR,
      env: this.scenario?.env ?? new Map(),
      clock: this.clock,
      ...(exercise ? { stepBudget: exercise.stepBudget } : {}),
    });
    this.state = { steps: new Map(), vars: new Map(this.scenario?.vars ?? []), env: this.scenario?.env ?? new Map() };
  }

  /** The exercise's setup and its steps before the submission marker (as `drydock grade` runs them). */
  async start(): Promise<void> {
    if (!this.scenario || !this.exercise) return;
    for (const step of [...this.scenario.setup, ...this.scenario.steps.slice(0, this.exercise.submissionAt)]) {
      await runStep(step, this.engine, this.state);
    }
  }

  /** Applies one event (typed now or replayed); a line gives what it printed. */
  async apply(event: SessionEvent): Promise<LineOutput | undefined> {
    this.clock.at(event.at);
    this.started = true;
    if (event.kind === 'write') {
      this.trackWrites(() => this.writeHostFile(event.path, event.content));
      return undefined;
    }
    const { commands, problems } = parseCommands(event.line, 'terminal');
    let result: CommandResult;
    const command = commands[0];
    if (command) {
      result = this.engine.dockerSync(command.words);
    } else if (/^\s*docker(\s|$)/.test(event.line) && problems[0]) {
      // what `drydock grade` would say of this line in commands.sh: the hand-in could not replay it
      result = { exitCode: 2, stdout: '', stderr: `drydock: ${problems[0].message}\n` };
    } else {
      const script = event.line;
      result = { exitCode: 0, stdout: '', stderr: '' };
      await this.trackWritesAsync(async () => {
        result = await this.engine.host(script);
      });
    }
    const output: LineOutput = { line: event.line, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
    this.typed.push({ line: event.line, ...(command ? { docker: command.words } : {}), output });
    return output;
  }

  private writeHostFile(path: string, content: string): void {
    const full = path.startsWith('/') ? path : `${SCENARIO_DIR}/${path}`;
    const host = this.engine.daemon.host as TreeBackend;
    const now = this.clock.now();
    ensureDir(host, full.slice(0, full.lastIndexOf('/')) || '/', now);
    const old = host.get(full);
    host.put(full, { kind: 'file', data: encoder.encode(content), mode: old?.kind === 'file' ? old.mode : 0o644, uid: 0, gid: 0, mtime: now });
  }

  private snapshot(): Map<string, LiveEntry> {
    const out = new Map<string, LiveEntry>();
    for (const [path, entry] of (this.engine.daemon.host as TreeBackend).entries()) if (path.startsWith(`${SCENARIO_DIR}/`)) out.set(path, entry);
    return out;
  }

  private noteChanges(before: Map<string, LiveEntry>): void {
    const after = this.snapshot();
    for (const [path, entry] of after) if (before.get(path) !== entry) this.written.add(path);
  }

  private trackWrites(change: () => void): void {
    const before = this.snapshot();
    change();
    this.noteChanges(before);
  }

  private async trackWritesAsync(change: () => Promise<void>): Promise<void> {
    const before = this.snapshot();
    await change();
    this.noteChanges(before);
  }

  /** A host file's text, or null when there is none. */
  readHostFile(path: string): string | null {
    const entry = this.engine.daemon.host.get(path.startsWith('/') ? path : `${SCENARIO_DIR}/${path}`);
    return entry?.kind === 'file' ? decoder.decode(entry.data) : null;
  }

  /** The regular files of the sandbox host under the scenario directory and the exercise's own files. */
  hostFiles(): string[] {
    const files = new Set<string>();
    for (const [path, entry] of (this.engine.daemon.host as TreeBackend).entries()) {
      if (entry.kind === 'file' && path.startsWith(`${SCENARIO_DIR}/`)) files.add(path);
    }
    for (const f of this.scenario?.files ?? []) if (this.engine.daemon.host.get(f.path)?.kind === 'file') files.add(f.path);
    return [...files].sort();
  }

  /** The files a hand-in carries: those the student wrote under the scenario directory, by relative name. */
  handInFiles(): { name: string; content: Uint8Array }[] {
    const out: { name: string; content: Uint8Array }[] = [];
    for (const path of [...this.written].sort()) {
      const entry = this.engine.daemon.host.get(path);
      if (entry?.kind === 'file') out.push({ name: path.slice(SCENARIO_DIR.length + 1), content: entry.data });
    }
    return out;
  }

  /** The visible checks run on the current state; hidden ones as placeholders. */
  async view(): Promise<SessionView> {
    const checks: CheckView[] = [];
    for (const check of this.scenario?.checks ?? []) {
      const points = check.points ?? 1;
      if (check.visibility === 'hidden' || check.visibility === 'after_due_date') {
        checks.push({ index: check.index, points, status: 'hidden' });
        continue;
      }
      const assertion = registry.get(check.kind);
      const title = check.name ?? describe(assertion, check.spec);
      const v: CheckView = { index: check.index, points, title, status: 'pending', ...(check.hint !== undefined ? { hint: check.hint } : {}) };
      if (check.skip !== undefined) v.status = 'skipped';
      else if (this.started) Object.assign(v, await runOne(assertion, check.templated ? renderDeep(check.spec, this.state) : check.spec, { engine: this.engine, hostDir: SCENARIO_DIR }));
      checks.push(v);
    }
    const shown = checks.filter((c) => c.status !== 'hidden' && c.status !== 'skipped');
    const daemon = this.engine.daemon;
    return {
      checks,
      score: round(shown.filter((c) => c.status === 'passed').reduce((s, c) => s + c.points, 0)),
      outOf: round(shown.reduce((s, c) => s + c.points, 0)),
      hiddenPoints: round(checks.filter((c) => c.status === 'hidden').reduce((s, c) => s + c.points, 0)),
      files: this.hostFiles(),
      names: {
        containers: [...daemon.containers.values()].map((c) => c.name.replace(/^\//, '')).sort(),
        images: daemon.images.all().flatMap((i) => daemon.images.refsOf(i.id)).sort(),
        volumes: daemon.volumes.all().map((v) => v.name).sort(),
      },
    };
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function describe(assertion: Assertion | undefined, spec: Record<string, unknown>): string {
  try {
    return assertion?.describe(spec) ?? 'check';
  } catch {
    return 'check';
  }
}

/** Shown values are text: JSON for anything that is not a string already. */
function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function runOne(assertion: Assertion | undefined, spec: Record<string, unknown>, ctx: CheckContext): Promise<Pick<CheckView, 'status' | 'failures'>> {
  if (!assertion) return { status: 'error', failures: [{ message: 'unknown check kind' }] };
  try {
    const outcome = await assertion.run(spec, ctx);
    const failures = outcome.failures.map((f) => {
      const expected = shown(f.expected);
      const actual = shown(f.actual);
      return { message: f.message, ...(expected !== undefined ? { expected } : {}), ...(actual !== undefined ? { actual } : {}) };
    });
    return { status: outcome.status, failures };
  } catch (e) {
    return { status: 'error', failures: [{ message: e instanceof Error ? e.message : String(e) }] };
  }
}
