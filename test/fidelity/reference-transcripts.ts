// Reads docker-reference.md (real Docker 20.10 transcripts) into sections and commands, so the fidelity test
// can replay each command on the simulator and compare what it prints.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { literalArgv, parseShellLine } from './shell-line.js';

/** One `$ command` of the reference with what the real engine printed. */
export interface Transcript {
  /** numbered section the command is in ("2.1", "3.10", "4.2") */
  section: string;
  /** 1-based line of the `$` line in docker-reference.md */
  line: number;
  /** the command line as typed, without the `$ ` and without a trailing `# comment` */
  command: string;
  /** a trailing `# …` comment of the command line, if any */
  comment: string | null;
  stdout: string;
  stderr: string;
  /** null when the transcript shows no `[exit code: N]` (setup lines, excerpts, cut-off blocks) */
  exitCode: number | null;
  /** lines between the previous command and this one in the same block (`# …` annotations, file listings) */
  notes: string[];
  /** the output contains an elision marker (`... (steps 1-122 omitted)`, `(… text …)`) */
  elided: boolean;
  /** the block ended before an exit code line: the output may be incomplete */
  cutOff: boolean;
  /** 'derived': a JSON block whose command is named in the prose (section 4), not typed in the block */
  origin: 'transcript' | 'derived';
}

/** One fenced block: its first line, its language tag and its raw lines. */
export interface ReferenceBlock {
  section: string;
  line: number;
  lang: string;
  lines: string[];
}

/** A numbered section (`### 2.1 …`, `### 3.10 …`, or `## 0. …`). */
export interface ReferenceSection {
  id: string;
  title: string;
  line: number;
  blocks: ReferenceBlock[];
  transcripts: Transcript[];
}

/** The parsed reference. */
export interface Reference {
  path: string;
  sections: ReferenceSection[];
}

const EXIT_LINE = /^(.*)\[exit code: (\d+)\]$/;
const RC_LINE = /^rc=(\d+)$/;
const ELISION = /^(\.\.\. \(.*\)|\(… .* …\)|… \(.*\) …)$/;

/** Where docker-reference.md lives: $DRYDOCK_SHARED, else `<repo>/../shared`. */
export function referencePath(): string {
  const shared = process.env.DRYDOCK_SHARED ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');
  return join(shared, 'docker-reference.md');
}

/** Loads and parses the reference, or returns null when the file is not there. */
export function loadReference(path = referencePath()): Reference | null {
  if (!existsSync(path)) return null;
  return { path, sections: parseReference(readFileSync(path, 'utf8')) };
}

/** Splits the markdown into numbered sections, fenced blocks and transcripts. */
export function parseReference(markdown: string): ReferenceSection[] {
  const lines = markdown.split('\n');
  const sections: ReferenceSection[] = [];
  let current: ReferenceSection | null = null;
  let block: ReferenceBlock | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^```(\S*)\s*$/.exec(line);
    if (fence) {
      if (block) {
        current?.blocks.push(block);
        current?.transcripts.push(...parseBlock(block));
        block = null;
      } else if (current) {
        block = { section: current.id, line: i + 1, lang: fence[1] ?? '', lines: [] };
      }
      continue;
    }
    if (block) {
      block.lines.push(line);
      continue;
    }
    const heading = /^(?:## (\d+)\. |### (\d+\.\d+) )(.*)$/.exec(line);
    if (heading) {
      current = { id: heading[1] ?? heading[2]!, title: heading[3]!.trim(), line: i + 1, blocks: [], transcripts: [] };
      sections.push(current);
    }
  }
  return sections;
}

/** The transcripts of one fenced block (a block without `$` lines gives none). */
export function parseBlock(block: ReferenceBlock): Transcript[] {
  const out: Transcript[] = [];
  let notes: string[] = [];
  let cur: (Transcript & { stream: 'stdout' | 'stderr' }) | null = null;
  const finish = (exitCode: number | null, cutOff: boolean): void => {
    if (!cur) return;
    const { stream: _stream, ...t } = cur;
    out.push({ ...t, exitCode, cutOff });
    cur = null;
  };
  block.lines.forEach((text, index) => {
    const lineNo = block.line + 1 + index;
    if (text.startsWith('$ ')) {
      finish(null, false);
      const { command, comment } = splitTrailingComment(text.slice(2));
      cur = {
        section: block.section,
        line: lineNo,
        command,
        comment,
        stdout: '',
        stderr: '',
        exitCode: null,
        notes,
        elided: false,
        cutOff: false,
        origin: 'transcript',
        stream: 'stdout',
      };
      notes = [];
      return;
    }
    if (!cur) {
      notes.push(text);
      return;
    }
    const c: Transcript & { stream: 'stdout' | 'stderr' } = cur;
    if (text.endsWith('--- stderr:')) {
      // the marker starts a new line of the wrapper's output even when stdout did not end with a newline
      c.stdout += text.slice(0, -'--- stderr:'.length).replaceAll('\\x1b', '\x1b');
      c.stream = 'stderr';
      return;
    }
    const exit = EXIT_LINE.exec(text) ?? (RC_LINE.test(text) ? [text, '', RC_LINE.exec(text)![1]!] : null);
    if (exit) {
      if (exit[1]) c[c.stream] += exit[1];
      finish(Number(exit[2]), false);
      return;
    }
    if (ELISION.test(text)) c.elided = true;
    c[c.stream] += `${text.replaceAll('\\x1b', '\x1b')}\n`;
  });
  finish(null, true);
  // an output with no `$` line before it (the command was cut from the reference)
  const orphan = orphanOutput(block, notes, out);
  return orphan ? [orphan, ...out] : out;
}

/** A block that opens with output and `[exit code]` but no command: kept so the report can name it. */
function orphanOutput(block: ReferenceBlock, _trailing: string[], parsed: Transcript[]): Transcript | null {
  const firstCommand = parsed[0]?.line ?? Infinity;
  for (let i = 0; i < block.lines.length && block.line + 1 + i < firstCommand; i++) {
    const exit = EXIT_LINE.exec(block.lines[i]!);
    if (!exit) continue;
    const body = block.lines.slice(0, i).filter((l) => l.trim() !== '');
    if (body.some((l) => l.startsWith('#'))) return null;
    return {
      section: block.section,
      line: block.line + 1,
      command: '',
      comment: null,
      stdout: body.map((l) => `${l}\n`).join(''),
      stderr: '',
      exitCode: Number(exit[2]),
      notes: [],
      elided: false,
      cutOff: false,
      origin: 'transcript',
    };
  }
  return null;
}

/** `cmd   # comment` → the command and the comment (a `#` that starts a word outside quotes). */
export function splitTrailingComment(text: string): { command: string; comment: string | null } {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\') i++;
    else if (ch === '#' && i > 0 && /\s/.test(text[i - 1]!)) {
      return { command: text.slice(0, i).trimEnd(), comment: text.slice(i + 1).trim() };
    }
  }
  return { command: text, comment: null };
}

/** A JSON block of section 4 as a transcript of the command the prose names. */
export function derivedTranscript(block: ReferenceBlock, command: string): Transcript {
  return {
    section: block.section,
    line: block.line,
    command,
    comment: null,
    stdout: block.lines.map((l) => `${l}\n`).join(''),
    stderr: '',
    exitCode: 0,
    notes: [],
    elided: false,
    cutOff: false,
    origin: 'derived',
  };
}

/**
 * The argv after `docker` of a transcript's command when it is a plain docker command (`$ docker run --rm …
 * sh -c 'ls …'` → ['run', '--rm', …, 'sh', '-c', 'ls …']); null for pipelines, substitutions and host commands.
 */
export function dockerArgv(command: string): string[] | null {
  const line = parseShellLine(command.replaceAll('<HOSTDIR>', '@@HOSTDIR@@'));
  if (line.complex || line.pipeline.length !== 1) return null;
  const argv = literalArgv(line.pipeline[0]!);
  if (!argv || argv[0] !== 'docker') return null;
  return argv.slice(1).map((a) => a.replaceAll('@@HOSTDIR@@', '<HOSTDIR>'));
}
