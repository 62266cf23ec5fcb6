// Dockerfile text → instruction nodes, following the line parser Docker 20.10's legacy builder uses (buildkit
// v0.8 frontend/dockerfile/parser): directives at the top, comments, continuations with the escape token
// (comment and blank lines inside a continuation are skipped), a continuation at end of file, JSON vs shell
// form, flags before arguments, keywords in any case. Nothing is expanded or type-checked here; see
// instructions.ts for that.

import { type EscapeToken, type ParserDirective, DirectiveState } from './directives.js';
import { DockerfileError } from './dockerfile-error.js';
import { goToLower, trimLeftGoSpace } from './go-text.js';
import { LINE_PARSERS, parseIgnore } from './line-parsers.js';
import type { DockerfileNode } from './node.js';
import { splitCommand } from './split-command.js';

/** Options for parseDockerfile. */
export interface ParseOptions {
  /** The file's name as given to `-f` (default `Dockerfile`); it appears in `failed to parse <name>: …`. */
  readonly fileName?: string;
}

/** A parsed Dockerfile. */
export interface ParsedDockerfile {
  readonly nodes: DockerfileNode[];
  readonly escapeToken: EscapeToken;
  readonly directives: ParserDirective[];
  /** The lines the legacy builder prints on stderr before step 1 (empty continuation lines), or none. */
  readonly warnings: string[];
}

// bufio.Scanner's limit: a line of 64 KiB or more (without its newline) stops the scan.
const MAX_LINE_BYTES = 64 * 1024;
const encoder = new TextEncoder();

/** Parses Dockerfile text into nodes. Throws DockerfileError (code SYNTAX) with Docker's text. */
export function parseDockerfile(text: string, options: ParseOptions = {}): ParsedDockerfile {
  const fileName = options.fileName ?? 'Dockerfile';
  const { lines, tooLong } = scanLines(text.startsWith('\ufeff') ? text.slice(1) : text);
  const directives = new DirectiveState();
  const nodes: DockerfileNode[] = [];
  const warnings: string[] = [];
  const fail = (message: string, start: number, end = start): never => {
    throw new DockerfileError('SYNTAX', message, start, end, fileName);
  };
  const checkDirective = (line: string, lineNumber: number): void => {
    try {
      directives.check(line, lineNumber);
    } catch (err) {
      fail((err as Error).message, lineNumber);
    }
  };

  let current = 0;
  while (current < lines.length) {
    const first = trimLeftGoSpace(lines[current]);
    checkDirective(first, current + 1);
    current++;
    const startLine = current;
    let { text: line, endOfInstruction } = directives.trimContinuation(isComment(first) ? '' : first);
    if (endOfInstruction && line === '') continue;

    let emptyContinuation = false;
    while (!endOfInstruction && current < lines.length) {
      const raw = lines[current];
      checkDirective(raw, current + 1);
      current++;
      if (isComment(raw)) continue;
      if (trimLeftGoSpace(raw) === '') {
        emptyContinuation = true;
        continue;
      }
      const next = directives.trimContinuation(raw);
      line += next.text;
      endOfInstruction = next.endOfInstruction;
    }
    if (emptyContinuation) warnings.push(`[WARNING]: Empty continuation line found in:\n    ${line}`);

    try {
      nodes.push(nodeFromLine(line, directives.escapeToken, startLine, current));
    } catch (err) {
      fail((err as Error).message, startLine, current);
    }
  }
  if (warnings.length > 0) {
    warnings.push('[WARNING]: Empty continuation lines will become errors in a future release.');
  }
  if (nodes.length === 0) fail('file with no instructions', current);
  if (tooLong) fail(`dockerfile line greater than max allowed size of ${MAX_LINE_BYTES - 1}`, current + 1);
  return { nodes, escapeToken: directives.escapeToken, directives: directives.found, warnings };
}

/** One logical line → node; ONBUILD parses its trigger the same way. Throws Error with Docker's text. */
function nodeFromLine(line: string, escapeToken: EscapeToken, startLine: number, endLine: number): DockerfileNode {
  const { keyword, flags, rest } = splitCommand(line);
  const lower = goToLower(keyword);
  const base = { keyword, flags, original: line, startLine, endLine };
  if (lower === 'onbuild') {
    if (rest === '') return { ...base, args: [], json: false };
    return { ...base, args: [], json: false, trigger: nodeFromLine(rest, escapeToken, startLine, endLine) };
  }
  const parse = Object.hasOwn(LINE_PARSERS, lower) ? LINE_PARSERS[lower] : parseIgnore;
  return { ...base, ...parse(rest, escapeToken) };
}

// Go's `^#` after trimming leading whitespace.
function isComment(line: string): boolean {
  return trimLeftGoSpace(line).startsWith('#');
}

/** bufio.ScanLines: split on '\n', drop one '\r' before it; stops at the first line that is too long. */
function scanLines(text: string): { lines: string[]; tooLong: boolean } {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const raw = text.slice(start, nl < 0 ? text.length : nl);
    if (raw.length * 3 >= MAX_LINE_BYTES && encoder.encode(raw).length >= MAX_LINE_BYTES) {
      return { lines, tooLong: true };
    }
    lines.push(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    if (nl < 0) break;
    start = nl + 1;
  }
  return { lines, tooLong: false };
}
