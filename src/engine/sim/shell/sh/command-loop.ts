// Source text parsed and run one top-level command at a time, as ash's cmdloop (a script, `sh -c`) and
// evalstring (eval, `.`) do: a command runs before the next is parsed, so a syntax error further on stops the
// text only where it stands. What each does on a syntax error and around a command is its own.

import type { Command } from './ast.js';
import { Parser } from './parser.js';
import { ShellSyntaxError } from './syntax-error.js';

/**
 * Parses `src` (its first line numbered `startLine`) and hands each top-level command to `run`, until the
 * text ends, `run` returns false, or a syntax error, which goes to `onSyntaxError` (which may throw) and ends it.
 */
export function eachCommand(
  src: string,
  startLine: number,
  onSyntaxError: (e: ShellSyntaxError, parser: Parser) => void,
  run: (cmd: Command, parser: Parser) => boolean,
): void {
  const parser = new Parser(src, startLine);
  for (;;) {
    let cmd;
    try {
      cmd = parser.parseNext();
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      onSyntaxError(e, parser);
      return;
    }
    if (!cmd || !run(cmd, parser)) return;
  }
}
