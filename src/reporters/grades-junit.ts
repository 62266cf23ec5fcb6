// junit.xml for a grading batch: a <testsuite> per student, a <testcase> per check (failed checks with their
// failures and hint), so a CI system can show a batch like a test run.

import { xmlEscape } from './junit-reporter.js';
import type { SubmissionGrade } from '../grading/grade-result.js';

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function suite(g: SubmissionGrade): string {
  const failed = g.checks.filter((c) => c.status === 'failed').length;
  const errors = g.checks.filter((c) => c.status === 'error').length + (g.status === 'error' || g.status === 'rejected' ? 1 : 0);
  const skipped = g.checks.filter((c) => c.status === 'skipped').length;
  const head = `  <testsuite name="${xmlEscape(g.student)}" tests="${g.checks.length}" failures="${failed}" errors="${errors}" skipped="${skipped}" time="${seconds(g.durationMs)}" timestamp="${g.startedAt}">`;
  const props = `    <properties><property name="score" value="${g.score}"/><property name="maxScore" value="${g.maxScore}"/><property name="status" value="${g.status}"/></properties>`;
  const cases = g.checks.map((c) => {
    const attrs = `classname="${xmlEscape(g.student)}" name="${xmlEscape(`${c.title} (${c.earned}/${c.points})`)}" time="${seconds(c.durationMs)}"`;
    if (c.status === 'passed') return `    <testcase ${attrs}/>`;
    if (c.status === 'skipped') return `    <testcase ${attrs}><skipped message="${xmlEscape(c.skipReason ?? 'skipped')}"/></testcase>`;
    const tag = c.status === 'error' ? 'error' : 'failure';
    const body = [...c.failures.map((f) => f.message), ...(c.hint ? [`Hint: ${c.hint}`] : [])].join('\n');
    return `    <testcase ${attrs}><${tag} message="${xmlEscape(c.failures[0]?.message.split('\n')[0] ?? c.status)}" type="${c.status}">${xmlEscape(body)}</${tag}></testcase>`;
  });
  const err = g.error ? [`    <system-err>${xmlEscape(g.error)}</system-err>`] : [];
  return [head, props, ...cases, ...err, '  </testsuite>'].join('\n');
}

/** The junit.xml text for the grades. */
export function gradesJunit(grades: readonly SubmissionGrade[]): string {
  const count = (f: (g: SubmissionGrade) => number) => grades.reduce((n, g) => n + f(g), 0);
  const tests = count((g) => g.checks.length);
  const failures = count((g) => g.checks.filter((c) => c.status === 'failed').length);
  const time = seconds(count((g) => g.durationMs));
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="drydock grade" tests="${tests}" failures="${failures}" time="${time}">`, ...grades.map(suite), '</testsuites>', ''].join('\n');
}
