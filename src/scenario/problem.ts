// A problem found in a scenario file: a code a caller can branch on, a position, the YAML path and an optional
// suggestion. Problems are collected (a file reports all of them at once) and never thrown; docs/errors.md
// lists every code.

/** Every code a scenario problem can carry (see docs/errors.md). */
export type ScenarioProblemCode =
  | 'FILE_UNREADABLE'
  | 'BINARY_FILE'
  | 'EMPTY_FILE'
  | 'YAML_SYNTAX'
  | 'DUPLICATE_KEY'
  | 'MULTIPLE_DOCUMENTS'
  | 'NOT_A_MAPPING'
  | 'RECURSIVE_ALIAS'
  | 'UNKNOWN_KEY'
  | 'MISSING_KEY'
  | 'WRONG_TYPE'
  | 'BAD_VALUE'
  | 'BAD_REGEX'
  | 'BAD_JMESPATH'
  | 'STEP_KIND'
  | 'CHECK_KIND'
  | 'TARGET_KIND'
  | 'BAD_PATH'
  | 'DUPLICATE_STEP_NAME'
  | 'BAD_TEMPLATE'
  | 'UNKNOWN_REFERENCE'
  | 'DOCKER_SYNTAX'
  | 'DOCKER_SHELL_OPERATOR'
  | 'DOCKER_UNKNOWN_COMMAND'
  | 'DOCKER_UNKNOWN_FLAG'
  | 'DOCKER_BAD_FLAG'
  | 'DOCKER_ARGUMENTS'
  | 'DOCKER_UNSUPPORTED';

/** A 1-based line and column. */
export interface LineCol {
  line: number;
  col: number;
}

/** One problem in one file. */
export interface ScenarioProblem {
  code: ScenarioProblemCode;
  message: string;
  file: string;
  /** where it starts (1-based); 1:1 for problems with the whole file */
  start: LineCol;
  /** where it ends (exclusive), when known */
  end?: LineCol;
  /** the YAML path of the value, e.g. ["steps", 3, "docker"] */
  path: (string | number)[];
  /** "did you mean `volumesFrom`?" */
  suggestion?: string;
  /** the source line(s) with a caret under the problem */
  frame?: string;
}

/** `steps[3].expect.stdout` from ["steps", 3, "expect", "stdout"]. */
function formatYamlPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** The last text split into lines: a file with many problems is split once, not once per problem. */
let split: { text: string; lines: string[] } | undefined;

function linesOf(text: string): string[] {
  if (split?.text !== text) split = { text, lines: text.split(/\r?\n/) };
  return split.lines;
}

/** The caret frame under a position: two lines of context, the line itself, and ^^^ under the range. */
export function codeFrame(text: string, start: LineCol, end?: LineCol): string {
  const lines = linesOf(text);
  const first = Math.max(1, start.line - 1);
  const last = Math.min(lines.length, start.line);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const src = (lines[n - 1] ?? '').replace(/\t/g, ' ');
    out.push(`${n === start.line ? '>' : ' '} ${String(n).padStart(width)} | ${src}`);
  }
  const lineText = lines[start.line - 1] ?? '';
  const endCol = end && end.line === start.line ? end.col : lineText.length + 1;
  const carets = Math.max(1, Math.min(endCol, lineText.length + 1) - start.col);
  out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, start.col - 1))}${'^'.repeat(carets)}`);
  return out.join('\n');
}

/** `file:line:col: message [CODE]`, then the YAML path, the suggestion and the frame, each on its own line. */
export function formatProblem(problem: ScenarioProblem): string {
  const head = `${problem.file}:${problem.start.line}:${problem.start.col}: ${problem.message} [${problem.code}]`;
  const parts = [head];
  if (problem.path.length > 0) parts.push(`  at ${formatYamlPath(problem.path)}`);
  if (problem.suggestion) parts.push(`  ${problem.suggestion}`);
  if (problem.frame) parts.push(problem.frame.replace(/^/gm, '  '));
  return parts.join('\n');
}
