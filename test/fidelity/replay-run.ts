// Plans and runs the replay of the whole reference: one state per StateSetup, its transcripts in file order,
// hooks before the transcripts they are keyed to, and one result per transcript. Used by the mocha test and by
// the report writer.

import { planTranscript, SKIP_REASONS, type Plan, type SkipReason } from './command-plan.js';
import { differsOnlyInFixtureSizes, differsOnlyInRootLayout, type FixtureSizes, type Observed } from './compare.js';
import { installReferenceFixtures } from './fixtures.js';
import { derivedTranscript, type Reference, type Transcript } from './reference-transcripts.js';
import { ReplaySession, UntranslatableId } from './replay-session.js';
import { SetupError } from './sandbox.js';
import type { Hook, SetupContext, StateSetup } from './setup-types.js';
import { SECTION_2_STATES } from './states-2.js';
import { SECTION_3_5_STATES } from './states-3-5.js';

/** Every replay state, in file order. */
export const STATES: StateSetup[] = [...SECTION_2_STATES, ...SECTION_3_5_STATES];

/** Why a case is pending rather than compared. */
export type PendingReason = SkipReason | 'fixture-size' | 'fixture-layout';

/** One transcript with its plan and its test title. */
export interface PlannedCase {
  transcript: Transcript;
  plan: Plan;
  /** `<section> line <N>: <command>`, the key of known-mismatches.json */
  key: string;
  hooks: Hook[];
}

/** One state's cases. */
export interface PlannedState {
  name: string;
  setup: StateSetup;
  cases: PlannedCase[];
}

/** The outcome of one case. */
export interface CaseResult {
  key: string;
  transcript: Transcript;
  /** how the transcript was replayed (docker command, host script, input file) or that it was skipped */
  kind: Plan['kind'];
  status: 'match' | 'mismatch' | 'pending' | 'input';
  pending?: PendingReason;
  ran?: string;
  expected?: Observed;
  actual?: Observed;
  /** a setup failure or an untranslatable ID (the case counts as a mismatch) */
  error?: string;
}

/** Text of a pending reason. */
export function pendingText(reason: PendingReason): string {
  if (reason === 'fixture-size') {
    return "differs only in sizes that come from the real busybox rootfs (the reference's imported base is 1.98MB and its --install layer 3.06kB)";
  }
  if (reason === 'fixture-layout') {
    return "differs only in `ls /` showing sbin and usr, which drydock/busybox:1.35 has and the reference's imported rootfs has not";
  }
  return SKIP_REASONS[reason];
}

/** The test title and report key of a transcript. */
export function caseKey(t: Transcript): string {
  const command = t.command === '' ? '(command not shown)' : t.command;
  return `${t.section} line ${t.line}: ${command}`;
}

/** Splits the reference into states and cases; throws on a hook that matches no transcript. */
export function planStates(ref: Reference): PlannedState[] {
  return STATES.map((setup) => {
    const transcripts: Transcript[] = [];
    for (const id of setup.sections) {
      const section = ref.sections.find((s) => s.id === id);
      if (!section) throw new Error(`the reference has no section ${id}`);
      transcripts.push(...section.transcripts);
      for (const d of setup.derived ?? []) {
        if (d.section !== id) continue;
        const block = section.blocks.find((b) => b.lang === 'json' && b.lines[0]?.startsWith(d.startsWith));
        if (!block) throw new Error(`section ${id}: no JSON block for ${d.command}`);
        transcripts.push(derivedTranscript(block, d.command));
      }
    }
    transcripts.sort((a, b) => a.line - b.line);
    const cases = transcripts.map((t): PlannedCase => {
      const skip = setup.skips?.find((s) => s.command === t.command);
      const plan: Plan = skip ? { kind: 'skip', reason: skip.reason } : planTranscript(t);
      return { transcript: t, plan, key: caseKey(t), hooks: [] };
    });
    for (const hook of setup.hooks ?? []) {
      const matching = cases.filter((c) => c.transcript.command === hook.before);
      const target = matching[hook.nth ?? 0];
      if (!target) throw new Error(`state ${setup.sections.join(',')}: no transcript "${hook.before}" #${hook.nth ?? 0}`);
      target.hooks.push(hook);
    }
    return { name: stateName(setup), setup, cases };
  });
}

function stateName(setup: StateSetup): string {
  const s = setup.sections;
  return s.length === 1 ? `section ${s[0]}` : `sections ${s[0]}–${s[s.length - 1]}`;
}

/** Runs one planned state's cases in order, on one simulator state. */
export class StateRunner {
  private session: ReplaySession | null = null;
  private setupError: string | null = null;
  private next = 0;
  private sizes: FixtureSizes | null = null;

  constructor(
    private readonly ref: Reference,
    private readonly state: PlannedState,
  ) {}

  /** Fresh simulator, fixtures, prelude. A failure is kept and reported by every case. */
  async start(): Promise<void> {
    this.session = new ReplaySession();
    try {
      installReferenceFixtures(this.session.box, this.ref);
      this.sizes = fixtureSizes(this.session);
      await this.state.setup.prelude?.(this.context());
    } catch (error) {
      this.setupError = describe(error);
    }
  }

  /** Runs every case up to and including `target` (hooks of skipped cases included) and returns its result. */
  async run(target: PlannedCase): Promise<CaseResult> {
    const index = this.state.cases.indexOf(target);
    let result: CaseResult | null = null;
    while (this.next <= index) {
      const c = this.state.cases[this.next++]!;
      const r = await this.runOne(c);
      if (c === target) result = r;
    }
    return result ?? { key: target.key, transcript: target.transcript, kind: target.plan.kind, status: 'mismatch', error: 'case already run' };
  }

  /** Runs all cases. */
  async runAll(): Promise<CaseResult[]> {
    await this.start();
    const out: CaseResult[] = [];
    for (const c of this.state.cases) out.push(await this.run(c));
    return out;
  }

  private async runOne(c: PlannedCase): Promise<CaseResult> {
    const base = { key: c.key, transcript: c.transcript, kind: c.plan.kind };
    if (!this.setupError) {
      try {
        for (const hook of c.hooks) await hook.run(this.context());
      } catch (error) {
        this.setupError = `${describe(error)} (hook before line ${c.transcript.line})`;
      }
    }
    if (c.plan.kind === 'skip') return { ...base, status: 'pending', pending: c.plan.reason };
    if (this.setupError) return { ...base, status: 'mismatch', error: `setup failed: ${this.setupError}` };
    try {
      const { ran, comparison } = await this.session!.replay(c.transcript, c.plan);
      const { expected, actual, equal } = comparison;
      const common = { ...base, ran, expected, actual };
      if (equal) return { ...common, status: c.plan.kind === 'input' ? 'input' : 'match' };
      if (this.sizes && (expected.exitCode === null || expected.exitCode === actual.exitCode)) {
        const only = (e: string, a: string): boolean => e === a || differsOnlyInFixtureSizes(e, a, this.sizes!);
        if (only(expected.stdout, actual.stdout) && only(expected.stderr, actual.stderr)) return { ...common, status: 'pending', pending: 'fixture-size' };
      }
      if (expected.exitCode === actual.exitCode && expected.stderr === actual.stderr && differsOnlyInRootLayout(expected.stdout, actual.stdout)) {
        return { ...common, status: 'pending', pending: 'fixture-layout' };
      }
      return { ...common, status: 'mismatch' };
    } catch (error) {
      if (error instanceof UntranslatableId) return { ...base, status: 'mismatch', error: error.message };
      // a crash of the simulator is a mismatch of this command, not of the harness
      return { ...base, status: 'mismatch', error: `the simulator threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
    }
  }

  private context(): SetupContext {
    const session = this.session!;
    return {
      session,
      ref: this.ref,
      transcript: (section, command, nth = 0) => {
        const found = this.ref.sections.find((s) => s.id === section)?.transcripts.filter((t) => t.command === command)[nth];
        if (!found) throw new Error(`no transcript "${command}" #${nth} in section ${section}`);
        return found;
      },
      plan: planTranscript,
    };
  }
}

/** The fixture-dependent sizes of the reference (2.1's history, 4.2's Size) and of the simulator. */
function fixtureSizes(session: ReplaySession): FixtureSizes {
  const history = (ref: string): string[] => session.box.must(['history', '--format', '{{.Size}}', ref]).stdout.trim().split('\n');
  const base = history('localtest/busybox:1')[0]!;
  const install = history('cv-bb:1')[0]!;
  const cvBbBytes = Number(session.box.must(['image', 'inspect', '-f', '{{.Size}}', 'cv-bb:1']).stdout.trim());
  // 4.2: cv-xpu/tomcat_02 (cv-bb + 65B + 53B + 0B) is 1985525 bytes, so cv-bb:1 is 1985407
  return { human: [['1.98MB', base], ['3.06kB', install]], byteDelta: cvBbBytes - 1985407 };
}

function describe(error: unknown): string {
  return error instanceof SetupError || error instanceof Error ? error.message : String(error);
}
