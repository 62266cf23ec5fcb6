// Reads the README's "Folders and what each may import" table: the import rules live in the README and nowhere
// else, so the document a newcomer reads is the rule the test enforces.

import { readFileSync } from 'node:fs';

/** One row: a folder under src/ and what its files may import besides the folder itself. */
export interface LayoutRule {
  folder: string;
  allowed: string[];
}

const HEADING = '### Folders and what each may import';

/** The rules of the README at `readmePath`, most specific folder first. */
export function readLayoutTable(readmePath: string): LayoutRule[] {
  const text = readFileSync(readmePath, 'utf8');
  const start = text.indexOf(HEADING);
  if (start < 0) throw new Error(`${readmePath}: no "${HEADING}" section`);
  const rows = text
    .slice(start)
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  const rules = rows.map((line): LayoutRule => {
    const cells = line.split('|').map((c) => c.trim());
    const folder = (cells[1] ?? '').replace(/`/g, '').replace(/\/$/, '');
    const allowed = [...(cells[3] ?? '').matchAll(/`([^`]+)`/g)].map((m) => (m[1] as string).replace(/\/$/, ''));
    return { folder, allowed };
  });
  if (rules.length === 0) throw new Error(`${readmePath}: the "${HEADING}" table has no rows`);
  return rules.sort((a, b) => b.folder.length - a.folder.length);
}

/** The rule of the most specific folder holding `file` (a path under src/), if any. */
export function ruleFor(rules: LayoutRule[], file: string): LayoutRule | undefined {
  return rules.find((r) => file.startsWith(`${r.folder}/`));
}

/** Whether an import of `target` (a path under src/) is allowed by `entry` (a folder or a file under src/). */
export function allows(entry: string, target: string): boolean {
  if (entry === '*') return true;
  if (entry.endsWith('.ts')) return target === entry;
  return target.startsWith(`${entry}/`);
}
