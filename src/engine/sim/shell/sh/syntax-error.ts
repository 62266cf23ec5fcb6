// A syntax error of the shell's: its own file so the word reader, the lexer, the parser and the builtins that
// parse (eval, .) share one class without importing each other.

/** A syntax error; `detail` is ash's text after "syntax error: ". */
export class ShellSyntaxError extends Error {
  constructor(readonly detail: string) {
    super(`syntax error: ${detail}`);
    this.name = 'ShellSyntaxError';
  }
}
