// The plain view model the HTML templates render (Playwright's HTML reporter: build data, then render): steps
// as terminal lines, checks with expected, actual and a line diff, durations as text. Everything stays text
// here; the templates escape it all, so what a submission printed can only ever show as text.

import { diffLines } from 'diff';
import type { CheckResult, Failure, Status, StepResult } from '../../runner/result.js';

/** One line of a coloured diff. */
export interface DiffLine {
  cls: 'add' | 'del' | 'ctx' | 'hunk' | 'legend';
  text: string;
}

/** A failure as shown. */
export interface FailureView {
  message: string;
  expected?: string;
  actual?: string;
  diff?: DiffLine[];
}

/** A step as a terminal transcript line. */
export interface StepView {
  ok: boolean;
  status: Status;
  command: string;
  where: string;
  stdout: string;
  stderr: string;
  /** the lines of a long output past the first few, shown folded */
  stdoutMore?: { text: string; lines: number };
  stderrMore?: { text: string; lines: number };
  exit?: number;
  exitBad: boolean;
  duration: string;
  note?: string;
  failures: FailureView[];
  /** a step whose command and output are not shown (a student's page: a withheld check reads it) */
  withheld?: true;
}

/** Consecutive steps under one heading (setup, your commands, …). */
export interface StepGroup {
  label: string;
  mine: boolean;
  steps: StepView[];
}

/** A check as shown. */
export interface CheckView {
  ok: boolean;
  status: Status;
  title: string;
  kind: string;
  where: string;
  duration: string;
  note?: string;
  failures: FailureView[];
}

/** The most of one output a page shows (a page stays small enough to e-mail). */
const OUTPUT_LIMIT = 20_000;

// ANSI colour and cursor sequences (a terminal's, not text), and control characters other than tab and newline.
const CONTROL = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text fit for a page: control characters removed, long text cut with a note. */
export function clean(text: string, limit = OUTPUT_LIMIT): string {
  const t = text.replace(/\r+\n/g, '\n').replace(/\r/g, '').replace(CONTROL, '');
  return t.length > limit ? `${t.slice(0, limit)}\n… (${t.length - limit} more characters not shown)` : t;
}

/** "3ms", "1.2s". */
export function duration(ms: number): string {
  if (ms < 1) return '<1ms';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  return `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`;
}

function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  return JSON.stringify(v, null, 2) ?? String(v);
}

/** The coloured line diff of expected (−) and actual (+); undefined when it would show nothing useful. */
export function diffView(expected: unknown, actual: unknown): DiffLine[] | undefined {
  const e = clean(asText(expected), 5000);
  const a = clean(asText(actual), 5000);
  if (e === a || (!e.includes('\n') && !a.includes('\n') && e.length + a.length < 60)) return undefined;
  const withNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
  const lines: DiffLine[] = [{ cls: 'legend', text: '− expected   + actual' }];
  for (const part of diffLines(withNewline(e), withNewline(a))) {
    const cls = part.added ? 'add' : part.removed ? 'del' : 'ctx';
    const mark = part.added ? '+ ' : part.removed ? '− ' : '  ';
    for (const line of part.value.replace(/\n$/, '').split('\n')) lines.push({ cls, text: `${mark}${line}` });
  }
  return lines.length > 400 ? [...lines.slice(0, 400), { cls: 'hunk', text: `… ${lines.length - 400} more lines` }] : lines;
}

/** A unified diff text (a failure's own `diff`) as coloured lines. */
function unifiedView(diff: string): DiffLine[] {
  return clean(diff, 20_000)
    .split('\n')
    .map((text): DiffLine => ({ cls: text.startsWith('@@') ? 'hunk' : text.startsWith('+') ? 'add' : text.startsWith('-') ? 'del' : 'ctx', text }));
}

/** A failure as shown: message, expected and actual, and the diff when it helps. */
function failureView(f: Failure): FailureView {
  const v: FailureView = { message: clean(f.message, 4000) };
  if (f.expected !== undefined) v.expected = clean(asText(f.expected), 4000);
  if (f.actual !== undefined) v.actual = clean(asText(f.actual), 4000);
  const diff = f.expected !== undefined && f.actual !== undefined ? diffView(f.expected, f.actual) : f.diff ? unifiedView(f.diff) : undefined;
  if (diff) v.diff = diff;
  return v;
}

/** Lines of an output shown before the rest is folded away. */
const HEAD_LINES = 25;

function fold(text: string): [string, { text: string; lines: number } | undefined] {
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines.length <= HEAD_LINES + 5) return [text, undefined];
  return [lines.slice(0, HEAD_LINES).join('\n'), { text: lines.slice(HEAD_LINES).join('\n'), lines: lines.length - HEAD_LINES }];
}

// A step's "exit code 1, expected 0" repeats what its exit code and stderr already show.
const PLAIN_EXIT = /^exit code -?\d+, expected 0(\n|$)/;

/** A step as a transcript line. */
export function stepView(s: StepResult): StepView {
  const command = typeof s.command === 'string' ? s.command.trimEnd() : s.title.startsWith('docker') ? s.title : `docker ${s.command.join(' ')}`;
  const v: StepView = {
    ok: s.status === 'passed' || s.status === 'skipped',
    status: s.status,
    command: clean(command, 4000),
    where: `${s.location.file}:${s.location.line}`,
    stdout: '',
    stderr: '',
    exitBad: s.exitCode !== undefined && s.exitCode !== 0,
    duration: duration(s.durationMs),
    failures: s.status === 'failed' || s.status === 'error' ? s.failures.filter((f) => !PLAIN_EXIT.test(f.message)).map(failureView) : [],
  };
  const [out, outMore] = fold(clean(s.stdout));
  const [err, errMore] = fold(clean(s.stderr));
  v.stdout = out;
  v.stderr = err;
  if (outMore) v.stdoutMore = outMore;
  if (errMore) v.stderrMore = errMore;
  if (s.exitCode !== undefined) v.exit = s.exitCode;
  if (s.skipReason) v.note = s.skipReason;
  return v;
}

/** A check as shown. */
export function checkView(c: CheckResult): CheckView {
  const v: CheckView = {
    ok: c.status === 'passed' || c.status === 'skipped',
    status: c.status,
    title: clean(c.title, 1000),
    kind: c.kind,
    where: `${c.location.file}:${c.location.line}`,
    duration: duration(c.durationMs),
    failures: c.failures.map(failureView),
  };
  if (c.skipReason) v.note = c.skipReason;
  return v;
}

/** Steps grouped under headings, each group the consecutive steps `label` names alike; `view` shows a step. */
export function groupSteps<S extends StepResult>(steps: readonly S[], label: (s: S) => { label: string; mine: boolean }, view: (s: S) => StepView = stepView): StepGroup[] {
  const groups: StepGroup[] = [];
  for (const s of steps) {
    const l = label(s);
    const last = groups[groups.length - 1];
    if (last && last.label === l.label) last.steps.push(view(s));
    else groups.push({ ...l, steps: [view(s)] });
  }
  return groups;
}
