// Parser directives (`# escape=`` ` and `# syntax=…`) as Docker 20.10 (buildkit v0.8) reads them: only in the
// unbroken run of directive lines at the very top; the first line that is not one (a blank line, any other
// comment, an instruction) ends the run for good. The escape token also decides what continues a line.

/** The two escape tokens Docker accepts. */
export type EscapeToken = '\\' | '`';

/** A directive found at the top of the file. */
export interface ParserDirective {
  readonly name: 'escape' | 'syntax';
  readonly value: string;
  readonly line: number;
}

// Go's RE2 `\s` is [\t\n\f\r ] and its `.` matches '\r', unlike JavaScript's.
const DIRECTIVE = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]+?)[\t\n\f\r ]*$/;

/** Directive state while a file is read: which directives were seen, the escape token, the continuation rule. */
export class DirectiveState {
  escapeToken: EscapeToken = '\\';
  readonly found: ParserDirective[] = [];
  private done = false;
  private continuation = continuationPattern('\\');

  /**
   * Looks at one line (left-trimmed when it starts an instruction) for a directive. Throws Error with Docker's
   * text for a repeated directive or a bad escape token.
   */
  check(line: string, lineNumber: number): void {
    if (this.done) return;
    const match = DIRECTIVE.exec(line);
    const name = match?.[1].toLowerCase();
    if (match === null || (name !== 'escape' && name !== 'syntax')) {
      this.done = true;
      return;
    }
    if (this.found.some((d) => d.name === name)) {
      throw new Error(`only one ${name} parser directive can be used`);
    }
    const value = match[2];
    this.found.push({ name, value, line: lineNumber });
    if (name === 'escape') this.setEscapeToken(value);
  }

  /**
   * Removes a trailing continuation token (and the blanks after it). Returns the line and whether it ends the
   * instruction. An escaped escape token (`\\` at the end) does not continue the line.
   */
  trimContinuation(line: string): { text: string; endOfInstruction: boolean } {
    if (!this.continuation.test(line)) return { text: line, endOfInstruction: true };
    return { text: line.replace(this.continuation, '$1'), endOfInstruction: false };
  }

  private setEscapeToken(value: string): void {
    if (value !== '`' && value !== '\\') {
      throw new Error(`invalid escape token '${value}' does not match \` or \\`);
    }
    this.escapeToken = value;
    this.continuation = continuationPattern(value);
  }
}

function continuationPattern(token: EscapeToken): RegExp {
  const t = token === '\\' ? '\\\\' : '`';
  // The second branch is a token alone on its line, which has no character before it.
  return new RegExp(`([^${t}])${t}[ \\t]*$|^${t}[ \\t]*$`);
}
