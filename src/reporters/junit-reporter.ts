// The junit reporter: one <testcase> per scenario in <out>/junit.xml, with the failures of its steps and checks
// and the log of the commands it ran, for CI systems that read JUnit XML.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Failure, RunResult, ScenarioResult } from '../runner/result.js';
import type { Reporter } from './reporter.js';

/** Text safe inside XML attributes and elements (characters XML 1.0 forbids are dropped). */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function failureText(title: string, failures: Failure[]): string {
  return [title, ...failures.map((f) => `  ${f.message}${f.diff ? `\n${f.diff}` : ''}`)].join('\n');
}

function log(r: ScenarioResult): string {
  const out: string[] = [];
  for (const s of r.steps) {
    const cmd = typeof s.command === 'string' ? `$ ${s.command}` : `docker ${s.command.join(' ')}`;
    out.push(`[${s.status}] ${cmd}${s.exitCode === undefined ? '' : ` (exit ${s.exitCode})`}`);
    if (s.stdout) out.push(s.stdout.trimEnd());
    if (s.stderr) out.push(s.stderr.trimEnd());
  }
  for (const c of r.checks) out.push(`[${c.status}] check: ${c.title}`);
  return out.join('\n');
}

function testcase(r: ScenarioResult): string {
  const attrs = `classname="${xmlEscape(r.file)}" name="${xmlEscape(r.name)}" file="${xmlEscape(r.file)}" time="${seconds(r.durationMs)}"`;
  const body: string[] = [];
  if (r.status === 'skipped') body.push(`<skipped message="${xmlEscape(r.skipReason ?? 'skipped')}"/>`);
  const bad = [...r.steps, ...r.checks].filter((x) => x.status === 'failed' || x.status === 'error');
  if (r.error) body.push(`<error message="${xmlEscape(r.error)}" type="error">${xmlEscape(r.error)}</error>`);
  for (const x of bad) {
    const tag = x.status === 'error' ? 'error' : 'failure';
    const first = x.failures[0]?.message.split('\n')[0] ?? x.status;
    body.push(`<${tag} message="${xmlEscape(first)}" type="${x.status}">${xmlEscape(failureText(`${x.location.file}:${x.location.line}:${x.location.col} ${x.title}`, x.failures))}</${tag}>`);
  }
  if (r.steps.length > 0 || r.checks.length > 0) body.push(`<system-out>${xmlEscape(log(r))}</system-out>`);
  if (body.length === 0) return `    <testcase ${attrs}/>`;
  return `    <testcase ${attrs}>\n${body.map((b) => `      ${b}`).join('\n')}\n    </testcase>`;
}

/** Writes junit.xml when the run ends. */
export class JunitReporter implements Reporter {
  readonly name = 'junit';
  path: string | undefined;

  constructor(private readonly outDir: string) {}

  onEnd(result: RunResult): void {
    const s = result.summary;
    const counts = `tests="${s.total}" failures="${s.failed}" errors="${s.errors}" skipped="${s.skipped}" time="${seconds(s.durationMs)}"`;
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="drydock" ${counts}>`,
      `  <testsuite name="drydock (${xmlEscape(result.engine)})" ${counts} timestamp="${result.startedAt}">`,
      ...result.scenarios.map(testcase),
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n');
    mkdirSync(this.outDir, { recursive: true });
    this.path = join(this.outDir, 'junit.xml');
    writeFileSync(this.path, xml);
  }
}
