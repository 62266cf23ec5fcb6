// The hand-in: the session as a submission `drydock grade` takes (a folder with commands.sh, the docker lines in
// the order typed, and the files the student wrote), zipped with a transcript of everything typed beside it.

import { strToU8, zipSync } from 'fflate';
import type { PlaygroundSession } from './session.js';
import { COMMANDS_FILE } from '../grading/submission.js';

/** A folder name safe on every system (the student's name, or the exercise's). */
export function safeFolder(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'submission';
}

/** commands.sh: each docker line as typed (it parsed as one command); a host line stays a comment (grading runs none). */
export function commandsFile(session: PlaygroundSession, title: string): string {
  const lines = [`# ${title}: handed in from the drydock playground`];
  for (const t of session.typed) {
    if (t.docker) lines.push(t.line.trim());
    else lines.push(`# host (not run by drydock grade; files it wrote are in this folder): ${t.line.replace(/\n/g, ' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What a terminal showed: each line typed, what it printed, and its exit code. */
function transcript(session: PlaygroundSession): string {
  return session.typed
    .map((t) => `$ ${t.line}\n${t.output.stdout}${t.output.stderr}${t.output.exitCode === 0 ? '' : `[exit ${t.output.exitCode}]\n`}`)
    .join('');
}

/** The zip: `<folder>/commands.sh`, `<folder>/<files>`, and `<folder>.transcript.txt` beside the folder. */
export function handInZip(session: PlaygroundSession, folder: string, title: string): Uint8Array {
  const entries: Record<string, Uint8Array> = { [`${folder}/${COMMANDS_FILE}`]: strToU8(commandsFile(session, title)) };
  for (const f of session.handInFiles()) if (f.name !== COMMANDS_FILE) entries[`${folder}/${f.name}`] = f.content;
  entries[`${folder}.transcript.txt`] = strToU8(transcript(session));
  return zipSync(entries, { level: 6, mtime: new Date(Date.UTC(2026, 0, 1)) });
}
