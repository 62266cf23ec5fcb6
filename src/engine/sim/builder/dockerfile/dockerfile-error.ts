// A Dockerfile that Docker 20.10's legacy builder refuses before step 1. The daemon words each kind of refusal
// differently (see daemonMessage), so the error keeps Docker's bare text, the kind, and the line it belongs to.

/**
 * How the daemon reports the error:
 * - EMPTY_FILE: the file has no bytes at all (`the Dockerfile (Dockerfile) cannot be empty`).
 * - SYNTAX: the line parser refused the file (`failed to parse Dockerfile: …`, no line number).
 * - INSTRUCTION: a parsed instruction is invalid (`dockerfile parse error line N: …`).
 * - NO_STAGE: an instruction other than ARG comes before the first FROM (bare text).
 */
export type DockerfileErrorCode = 'EMPTY_FILE' | 'SYNTAX' | 'INSTRUCTION' | 'NO_STAGE';

/** A parse-time Dockerfile error; `message` is Docker's own text without any prefix. */
export class DockerfileError extends Error {
  constructor(
    readonly code: DockerfileErrorCode,
    message: string,
    /** 1-based line where the offending instruction starts (0 when the error has no line, e.g. an empty file). */
    readonly line: number,
    /** 1-based line where it ends (continuation lines included). */
    readonly endLine: number = line,
    /** The Dockerfile's name as given to `docker build -f`, used in SYNTAX and EMPTY_FILE texts. */
    readonly fileName: string = 'Dockerfile',
  ) {
    super(message);
    this.name = 'DockerfileError';
  }

  /** The text the 20.10 CLI prints after `Error response from daemon: `. */
  get daemonMessage(): string {
    switch (this.code) {
      case 'INSTRUCTION':
        return `dockerfile parse error line ${this.line}: ${this.message}`;
      case 'SYNTAX':
        return `failed to parse ${this.fileName}: ${this.message}`;
      default:
        return this.message;
    }
  }
}
