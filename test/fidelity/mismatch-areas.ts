// Groups mismatches by the part of the simulator they point at, and says in one line what differs, for the
// report and for the reasons in known-mismatches.json.

import { commandPath } from '../../src/runner/normalize/normalize-output.js';
import type { CaseResult } from './replay-run.js';
import { parseShellLine } from './shell-line.js';

/** The simulator areas of the report, in report order. */
export const AREAS = [
  'shell/applet texts',
  'builder output',
  'rmi',
  'ps/images/history tables',
  'inspect shapes',
  'volumes',
  'errors',
  'containers and other commands',
  'harness setup',
] as const;

export type Area = (typeof AREAS)[number];

/** The docker argv of a transcript's command (first command of a pipeline), or [] for host commands. */
export function dockerWords(command: string): string[] {
  try {
    const first = parseShellLine(command.replaceAll('<HOSTDIR>', 'HOSTDIR')).pipeline[0] ?? [];
    const words = first.map((w) => (w.kind === 'literal' ? w.text : '$(…)'));
    return words[0] === 'docker' ? words.slice(1) : [];
  } catch {
    return [];
  }
}

/** The area of a mismatch. */
export function areaOf(r: CaseResult): Area {
  if (r.error?.startsWith('setup failed')) return 'harness setup';
  const argv = dockerWords(r.transcript.command);
  const path = commandPath(argv);
  if (path === 'build' || path === 'image build') return 'builder output';
  if (path === 'rmi' || path === 'image rm') return 'rmi';
  if (path.startsWith('volume ')) return 'volumes';
  if ((r.transcript.exitCode ?? 0) !== 0 && !['run', 'exec', 'start'].includes(path)) return 'errors';
  if (['images', 'image ls', 'ps', 'container ls', 'history', 'image history'].includes(path)) return 'ps/images/history tables';
  if (['inspect', 'image inspect', 'container inspect', 'volume inspect'].includes(path)) return 'inspect shapes';
  if (['run', 'exec', 'create', 'start', 'container run'].includes(path) && r.expected && r.actual) {
    const daemonLine = /^(docker:|Error|time=|See '|OCI runtime)/;
    const changed = changedLines(r.expected.stdout, r.actual.stdout).concat(changedLines(r.expected.stderr, r.actual.stderr));
    if (changed.length > 0 && changed.every((l) => !daemonLine.test(l))) return 'shell/applet texts';
    return 'errors';
  }
  if ((r.transcript.exitCode ?? 0) !== 0) return 'errors';
  return 'containers and other commands';
}

/** Lines present on one side only (a cheap symmetric difference, enough to classify). */
function changedLines(a: string, b: string): string[] {
  const left = a.split('\n');
  const right = b.split('\n');
  return [...left.filter((l) => !right.includes(l)), ...right.filter((l) => !left.includes(l))];
}

/** One line saying what differs: the first differing stream and line, both texts cut around the first change. */
export function firstDifference(r: CaseResult): string {
  if (r.error) return r.error;
  if (!r.expected || !r.actual) return 'no output';
  for (const stream of ['stdout', 'stderr'] as const) {
    const e = r.expected[stream].split('\n');
    const a = r.actual[stream].split('\n');
    for (let i = 0; i < Math.max(e.length, a.length); i++) {
      if (e[i] === a[i]) continue;
      let col = 0;
      while (e[i] !== undefined && a[i] !== undefined && e[i]![col] === a[i]![col]) col++;
      return `${stream} line ${i + 1}: expected ${around(e[i], col)}, got ${around(a[i], col)}`;
    }
  }
  return `exit code: expected ${r.expected.exitCode}, got ${r.actual.exitCode}`;
}

/** A line shown from a little before column `col`, at most ~100 characters. */
function around(line: string | undefined, col: number): string {
  if (line === undefined) return '(nothing)';
  const from = Math.max(0, col - 30);
  const text = (from > 0 ? '…' : '') + line.slice(from, from + 100) + (line.length > from + 100 ? '…' : '');
  return JSON.stringify(text);
}
