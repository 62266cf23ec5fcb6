// What the replay needs to know about a section beyond its transcripts: the objects made earlier in the
// reference (or off-screen) that it uses, the working directory of its commands, files the transcripts only
// describe, and skips that depend on the section's state. Hooks are keyed by the exact command text.

import type { Plan, SkipReason } from './command-plan.js';
import type { Reference, ReferenceBlock, Transcript } from './reference-transcripts.js';
import type { ReplaySession } from './replay-session.js';

/** What setup code gets. */
export interface SetupContext {
  session: ReplaySession;
  ref: Reference;
  /** the transcript of a section with this exact command (the `nth` such, from 0) */
  transcript(section: string, command: string, nth?: number): Transcript;
  plan(t: Transcript): Plan;
}

/** Setup code run before one transcript: the `nth` (from 0) of the state's transcripts whose command is `before`. */
export interface Hook {
  before: string;
  nth?: number;
  run(ctx: SetupContext): Promise<void> | void;
}

/** One replay state and how to prepare it. */
export interface StateSetup {
  /** the sections replayed, in file order, in this state */
  sections: string[];
  /** run after the fixtures are installed, before the first transcript */
  prelude?(ctx: SetupContext): Promise<void> | void;
  hooks?: Hook[];
  /** transcripts not replayable in this state (exact command text → reason) */
  skips?: Array<{ command: string; reason: SkipReason }>;
  /** JSON blocks whose command is named in the prose: the block's section and the command */
  derived?: Array<{ section: string; startsWith: string; command: string }>;
}

/** The content of a `cat <file>` transcript (the file as the reference showed it). */
export function catOutput(ctx: SetupContext, section: string, path: string): string {
  return ctx.transcript(section, `cat ${path}`).stdout;
}

/** A file shown in the notes before a transcript: the lines after `# <name>` up to a blank line. */
export function noteFile(t: Transcript, name: string): string {
  const at = t.notes.indexOf(`# ${name}`);
  if (at < 0) throw new Error(`line ${t.line}: no "# ${name}" in the notes before the command`);
  const lines: string[] = [];
  for (const line of t.notes.slice(at + 1)) {
    if (line.trim() === '') break;
    lines.push(line);
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** The text of a block (not a transcript) of a section whose first line is `firstLine`. */
export function blockText(ctx: SetupContext, section: string, firstLine: string): string {
  const block: ReferenceBlock | undefined = ctx.ref.sections
    .find((s) => s.id === section)
    ?.blocks.find((b) => b.lines[0] === firstLine);
  if (!block) throw new Error(`section ${section}: no block starting with ${firstLine}`);
  return block.lines.map((l) => `${l}\n`).join('');
}
