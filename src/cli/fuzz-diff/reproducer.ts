// A difference as a shell script anyone can rerun with `drydock compare repro.sh`: the host files first,
// then the docker commands, each word quoted for sh.

import type { FuzzStep } from './model.js';

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/u.test(word) ? word : `'${word.replace(/'/gu, `'\\''`)}'`;
}

/** The reproducer script of `steps` over `files` (relative host paths → content). */
export function reproducerScript(seed: number, files: Record<string, string>, steps: readonly FuzzStep[], note: string): string {
  const needed = Object.entries(files).filter(([path]) => path.startsWith('data/') || path === 'out/.keep' || steps.some((s) => s.argv.includes(path.split('/')[0]!)));
  const dirs = [...new Set(needed.map(([p]) => p.slice(0, p.lastIndexOf('/'))))].sort();
  const lines = [
    '#!/bin/sh',
    `# drydock fuzz:diff, seed ${seed}: ${note.split('\n')[0]}`,
    '# rerun on both engines with: drydock compare <this file>',
    `mkdir -p ${dirs.map(quote).join(' ')}`,
    ...needed.map(([path, content]) => `printf '%s' ${quote(content)} > ${quote(path)}`),
    ...steps.map((s) => `docker ${s.argv.map(quote).join(' ')}`),
  ];
  return `${lines.join('\n')}\n`;
}
