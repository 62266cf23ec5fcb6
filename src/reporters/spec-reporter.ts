// The console reporter, after mocha's spec: each scenario with its steps and checks (✓ ✗ -), then every failure
// numbered with its position, expected and actual values and diff, then one summary line with counts and time.
// A scenario is printed whole when it ends, so parallel jobs never interleave their lines.

import type { CheckResult, Failure, RunResult, ScenarioInfo, ScenarioResult, StepResult } from '../runner/result.js';
import type { Colors } from './colors.js';
import type { Reporter } from './reporter.js';

/** Where the spec reporter writes, and how. */
export interface SpecReporterOptions {
  write: (text: string) => void;
  colors: Colors;
}

function ms(n: number): string {
  return n < 1000 ? `${Math.round(n)}ms` : `${(n / 1000).toFixed(1)}s`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

function showValue(v: unknown, max = 400): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** mocha-spec-like console output. */
export class SpecReporter implements Reporter {
  readonly name = 'spec';
  private readonly failures: { scenario: ScenarioResult; title: string; location: string; failures: Failure[] }[] = [];

  constructor(private readonly options: SpecReporterOptions) {}

  onBegin(): void {
    this.options.write('\n');
  }

  onScenarioEnd(_info: ScenarioInfo, r: ScenarioResult): void {
    const c = this.options.colors;
    const lines: string[] = [];
    const mark = r.status === 'passed' ? c.green('✓') : r.status === 'skipped' ? c.cyan('-') : c.red('✗');
    lines.push(`  ${mark} ${c.bold(r.name)} ${c.gray(`${r.file} ${ms(r.durationMs)}`)}`);
    if (r.status === 'skipped') {
      lines.push(`      ${c.cyan(`skipped${r.skipReason && r.skipReason !== 'skipped' ? `: ${r.skipReason}` : ''}`)}`);
    }
    if (r.error) {
      const n = this.record(r, 'scenario', `${r.file}:${r.location.line}:${r.location.col}`, [{ message: r.error }]);
      lines.push(`      ${c.red(`${n}) ${r.error}`)}`);
    }
    for (const s of r.steps) lines.push(this.line(r, s, s.title, s.phase === 'steps' ? '' : `${s.phase}: `));
    for (const k of r.checks) lines.push(this.line(r, k, k.title, 'check: '));
    if (r.engineNote) lines.push(`      ${c.cyan(r.engineNote)}`);
    if (r.comparison) {
      const { identical, total, differences } = r.comparison;
      const figure = `sim vs docker: ${identical}/${total} steps and checks identical`;
      lines.push(`      ${differences.length === 0 ? c.green(figure) : c.red(figure)}`);
      for (const d of differences) {
        const n = this.record(r, `sim ≠ docker: ${d.where} (${d.field})`, `${r.file}`, [{ message: `${d.field} differs`, ...(d.diff ? { diff: d.diff } : { expected: d.sim, actual: d.docker }) }]);
        lines.push(`      ${c.red(`≠ ${n}) ${d.where.replace(/\n/g, ' ')} (${d.field})`)}`);
        lines.push(...sideBySide(d.sim, d.docker).map((l) => `          ${c.gray(l)}`));
      }
    }
    this.options.write(`${lines.join('\n')}\n`);
  }

  private line(r: ScenarioResult, item: StepResult | CheckResult, title: string, prefix: string): string {
    const c = this.options.colors;
    const time = item.durationMs >= 75 ? c.gray(` (${ms(item.durationMs)})`) : '';
    const text = `${prefix}${title.replace(/\n/g, ' ')}`;
    if (item.status === 'passed') return `      ${c.green('✓')} ${c.gray(text)}${time}`;
    if (item.status === 'skipped') {
      const why = item.skipReason && item.skipReason !== 'skipped' ? c.gray(` (${item.skipReason})`) : '';
      return `      ${c.cyan(`- ${text}`)}${why}`;
    }
    const n = this.record(r, text, `${item.location.file}:${item.location.line}:${item.location.col}`, item.failures);
    return `      ${c.red(`✗ ${n}) ${text}`)}${time}`;
  }

  private record(scenario: ScenarioResult, title: string, location: string, failures: Failure[]): number {
    this.failures.push({ scenario, title, location, failures });
    return this.failures.length;
  }

  onEnd(result: RunResult): void {
    const c = this.options.colors;
    const out: string[] = [''];
    this.failures.forEach((f, i) => {
      out.push(`  ${i + 1}) ${f.scenario.name} › ${f.title}`);
      out.push(c.gray(`     at ${f.location}`));
      for (const failure of f.failures) out.push('', indent(this.failure(failure), 5));
      out.push('');
    });
    const s = result.summary;
    const parts = [c.green(`${s.passed} passed`)];
    if (s.failed > 0) parts.push(c.red(`${s.failed} failed`));
    if (s.errors > 0) parts.push(c.red(`${s.errors} error${s.errors === 1 ? '' : 's'}`));
    if (s.skipped > 0) parts.push(c.cyan(`${s.skipped} skipped`));
    const steps = result.scenarios.reduce((n, r) => n + r.steps.length, 0);
    const checks = result.scenarios.reduce((n, r) => n + r.checks.length, 0);
    out.push(`  ${parts.join(', ')} ${c.gray(`(${plural(s.total, 'scenario')}, ${plural(steps, 'step')}, ${plural(checks, 'check')}, ${ms(s.durationMs)})`)}`, '');
    if (s.fidelity) {
      const pct = s.fidelity.total === 0 ? 100 : (100 * s.fidelity.identical) / s.fidelity.total;
      out.push(`  fidelity: ${s.fidelity.identical}/${s.fidelity.total} steps and checks identical on sim and docker (${pct.toFixed(1)}%)`, '');
    }
    this.options.write(`${out.join('\n')}\n`);
  }

  private failure(f: Failure): string {
    const c = this.options.colors;
    const out = [c.red(f.message)];
    if (f.diff) {
      for (const line of f.diff.split('\n')) {
        if (line.startsWith('-')) out.push(c.red(line));
        else if (line.startsWith('+')) out.push(c.green(line));
        else if (line.startsWith('@@')) out.push(c.cyan(line));
        else out.push(line);
      }
    } else if ('expected' in f || 'actual' in f) {
      out.push(`${c.red('expected:')} ${showValue(f.expected)}`, `${c.green('actual:  ')} ${showValue(f.actual)}`);
    }
    return out.join('\n');
  }
}

// two texts in two columns (simulator left, real engine right), at most 20 rows
function sideBySide(sim: string, docker: string, width = 48): string[] {
  const left = sim.replace(/\n$/u, '').split('\n');
  const right = docker.replace(/\n$/u, '').split('\n');
  const cut = (t: string) => (t.length > width ? `${t.slice(0, width - 1)}…` : t.padEnd(width));
  const rows = [`${cut('sim')} │ docker`];
  for (let i = 0; i < Math.min(20, Math.max(left.length, right.length)); i++) {
    const a = left[i] ?? '';
    const b = right[i] ?? '';
    rows.push(`${cut(a)} ${a === b ? '│' : '≠'} ${b}`);
  }
  return rows;
}
