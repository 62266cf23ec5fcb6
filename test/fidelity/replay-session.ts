// One replay state (a top-level section of the reference, or a group of sections that share objects): the
// simulator sandbox, one normaliser per side, and the translation of the reference's IDs in command lines
// (`docker rmi 61b980b8845e`) into the simulator's IDs for the same objects.

import type { CommandResult } from '../../src/engine/engine.js';
import { ID_PATTERN, isIdToken } from '../../src/runner/normalize/docker-ids.js';
import { commandPath, PairedNormalizer } from '../../src/runner/normalize/normalize-output.js';
import type { ArgPart, Plan } from './command-plan.js';
import { compareResult, type Comparison } from './compare.js';
import { runFilter } from './pipeline-filters.js';
import type { Transcript } from './reference-transcripts.js';
import { HOSTDIR, Sandbox } from './sandbox.js';

/** The ID translation failed: the reference's ID has no counterpart in the simulator's output. */
export class UntranslatableId extends Error {}

/** What happened when one transcript was replayed. */
export interface Replayed {
  /** the command as run on the simulator (IDs and `<HOSTDIR>` translated) */
  ran: string;
  comparison: Comparison;
}

/** A simulator state plus the bookkeeping that lets transcripts of the reference be replayed on it. */
export class ReplaySession {
  readonly box = new Sandbox();
  readonly normalizer = new PairedNormalizer({ actual: { hostRoots: [HOSTDIR] } });
  /** the client's working directory for the next commands */
  cwd = HOSTDIR;
  private readonly early = new Map<number, { ran: string; result: CommandResult; argv: string[] }>();

  /** Declares that an ID the reference shows (in any form) is the simulator's `actualId`. */
  bindId(referenceForm: string, actualId: string): void {
    const hex = referenceForm.replace(/…$/, '').replace(/^sha256:/, '');
    const [e, a] = this.normalizer.ids.pair(hex, actualId.replace(/^sha256:/, ''));
    if (e !== a) throw new Error(`bindId(${referenceForm}): already bound elsewhere (${e} vs ${a})`);
  }

  /** The reference's IDs in a command word, replaced by the simulator's IDs of the same objects. */
  translate(word: string): string {
    return word.replaceAll('<HOSTDIR>', HOSTDIR).replace(ID_PATTERN, (whole, hex: string, ellipsis: string) => {
      if (!isIdToken(hex, ellipsis === '…')) return whole;
      const { placeholder, value: id } = this.normalizer.counterpart(hex);
      if (!placeholder) throw new UntranslatableId(`ID ${whole} does not appear in the reference's output before this command`);
      if (!id) throw new UntranslatableId(`the simulator never printed an ID for ${placeholder} (${whole} in the reference)`);
      if (ellipsis === '…' || hex.length === 64) return id;
      return id.slice(0, hex.length);
    });
  }

  /** Runs a transcript's docker command now, to compare its result when the replay reaches its line. */
  async runEarly(t: Transcript, plan: Plan, cwd = this.cwd): Promise<CommandResult> {
    if (plan.kind !== 'docker') throw new Error(`line ${t.line}: only docker commands can run early`);
    const { ran, result, argv } = this.runDocker(plan.argv, plan.filters, cwd);
    this.early.set(t.line, { ran, result, argv });
    return result;
  }

  /** Replays one transcript and compares; throws UntranslatableId when a command cannot be formed. */
  async replay(t: Transcript, plan: Plan): Promise<Replayed> {
    const expectedArgv = plan.kind === 'docker' ? plan.argv.flatMap((p) => (p.kind === 'literal' ? [p.text] : [])) : [];
    let ran: string;
    let result: CommandResult;
    let argv: string[] = [];
    const early = this.early.get(t.line);
    if (early) {
      ({ ran, result, argv } = early);
      ran = `${ran}   (run earlier, in the reference's chronological order)`;
    } else if (plan.kind === 'docker') {
      ({ ran, result, argv } = this.runDocker(plan.argv, plan.filters, this.cwd));
    } else if (plan.kind === 'host') {
      ran = this.translate(plan.script);
      result = await this.box.sh(ran, this.cwd);
    } else if (plan.kind === 'input') {
      const path = plan.path.startsWith('/') ? plan.path : `${this.cwd}/${plan.path}`;
      this.box.writeFile(path, t.stdout);
      ran = `cat ${plan.path}`;
      result = await this.box.sh(ran, this.cwd);
    } else {
      throw new Error(`line ${t.line}: skipped transcripts are not replayed`);
    }
    const comparison = compareResult(
      t,
      result,
      this.normalizer,
      { expected: { argv: expectedArgv, headerlessTable: rowsOnly(plan, expectedArgv) }, actual: { argv, headerlessTable: rowsOnly(plan, argv) } },
    );
    return { ran, comparison };
  }

  private runDocker(parts: readonly ArgPart[], filters: readonly string[][], cwd: string): { ran: string; result: CommandResult; argv: string[] } {
    const argv: string[] = [];
    for (const part of parts) {
      if (part.kind === 'literal') argv.push(this.translate(part.text));
      else argv.push(...this.box.docker(part.argv.map((w) => this.translate(w)), cwd).stdout.split(/\s+/).filter(Boolean));
    }
    let result = this.box.docker(argv, cwd);
    const tail: string[] = [];
    for (const filter of filters) {
      const words = filter.map((w) => this.translate(w));
      const f = runFilter(words, result.stdout);
      result = { ...result, stdout: f.stdout, exitCode: f.exitCode };
      tail.push(words.join(' '));
    }
    const ran = ['docker ' + argv.map(quote).join(' '), ...tail].join(' | ');
    return { ran, result, argv };
  }
}

function quote(word: string): string {
  return /^[\w@%+=:,./<>-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Table commands (no `-q`, no `--format`) piped through a grep that drops the header. */
function rowsOnly(plan: Plan, argv: readonly string[]): boolean {
  if (plan.kind !== 'docker' || !plan.filters.some((f) => f[0] === 'grep' && !f.includes('-c'))) return false;
  if (argv.some((a) => a === '-q' || a === '--quiet' || a.startsWith('--format'))) return false;
  return ['images', 'image ls', 'ps', 'container ls', 'history', 'image history', 'volume ls'].includes(commandPath(argv));
}
