/// <reference lib="dom" />
// The exercise's checks as the student's report.html shows them: points, status, expected and actual values, the
// hint when a check fails, and a hidden check only as a placeholder with its points. The score counts the checks
// shown, with a note of the points that are not.

import type { CheckView, SessionView } from '../protocol.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** data-status as the tests read it: passed, failed, pending or hidden. */
function statusOf(c: CheckView): 'passed' | 'failed' | 'pending' | 'hidden' {
  if (c.status === 'error') return 'failed';
  if (c.status === 'skipped') return 'pending';
  return c.status;
}

const LABELS = { passed: '✓ passed', failed: '✗ failed', pending: '… not run yet', hidden: 'hidden' };

function row(c: CheckView): HTMLLIElement {
  const status = statusOf(c);
  const li = el('li', `check ${status}`);
  li.dataset.testid = 'check';
  li.dataset.status = status;
  const head = el('div', 'check-head');
  head.append(el('span', 'check-status', LABELS[status]), el('span', 'check-title', status === 'hidden' ? 'Hidden check' : (c.title ?? 'check')), el('span', 'check-points', `${c.points} pt${c.points === 1 ? '' : 's'}`));
  li.append(head);
  if (status !== 'failed') return li;
  for (const f of c.failures ?? []) {
    const box = el('div', 'failure');
    box.append(el('div', 'failure-message', f.message));
    if (f.expected !== undefined) box.append(el('div', 'label', 'expected'), el('pre', 'expected', f.expected));
    if (f.actual !== undefined) box.append(el('div', 'label', 'actual'), el('pre', 'actual', f.actual));
    li.append(box);
  }
  if (c.hint) {
    const hint = el('div', 'hint', c.hint);
    hint.dataset.testid = 'hint';
    li.append(hint);
  }
  return li;
}

/** Re-renders the check list and the score. */
export function renderChecks(list: HTMLElement, score: HTMLElement, view: SessionView): void {
  list.replaceChildren(...view.checks.map(row));
  const pending = view.checks.every((c) => c.status === 'pending' || c.status === 'hidden');
  score.textContent = pending
    ? `Score: – / ${view.outOf}`
    : `Score: ${view.score} / ${view.outOf}${view.hiddenPoints > 0 ? ` (${view.hiddenPoints} more point${view.hiddenPoints === 1 ? '' : 's'} in checks not shown)` : ''}`;
}
