// An error the simulated daemon answers with. The message is moby's own text; the CLI layer adds the framing
// docker's client adds ("Error response from daemon: ", "docker: … .\nSee 'docker run --help'.").

/** How the client frames the error; `local` errors are the client's own ("Error: No such container: x"). */
export type DaemonErrorKind = 'daemon' | 'local' | 'runtime';

/** A refused request, with docker's wording. */
export class DaemonError extends Error {
  constructor(
    message: string,
    readonly kind: DaemonErrorKind = 'daemon',
    /** exit code for `docker run` when the process could not start (126/127) */
    readonly exitCode?: number,
  ) {
    super(message);
    this.name = 'DaemonError';
  }
}
