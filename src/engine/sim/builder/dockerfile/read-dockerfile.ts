// The whole parse-time path of `docker build` on Docker 20.10's legacy builder: the daemon refuses an empty
// file, then parses lines, then types instructions and groups stages. Everything it can refuse before step 1
// is refused here, first problem only.

import type { EscapeToken, ParserDirective } from './directives.js';
import { DockerfileError } from './dockerfile-error.js';
import type { DockerfileNode } from './node.js';
import { parseDockerfile } from './parser.js';
import { type BuildStage, parseStages } from './stages.js';
import type { ArgInstruction } from './instruction-types.js';

/** A Dockerfile ready to build. */
export interface ReadDockerfile {
  readonly stages: BuildStage[];
  readonly metaArgs: ArgInstruction[];
  readonly nodes: DockerfileNode[];
  readonly escapeToken: EscapeToken;
  readonly directives: ParserDirective[];
  /** Printed on stderr before step 1. */
  readonly warnings: string[];
}

/**
 * Reads a Dockerfile as the daemon does; `fileName` is the `-f` name (default `Dockerfile`). Throws
 * DockerfileError; print `Error response from daemon: ${err.daemonMessage}`.
 */
export function readDockerfile(text: string, fileName = 'Dockerfile'): ReadDockerfile {
  if (text.length === 0) {
    throw new DockerfileError('EMPTY_FILE', `the Dockerfile (${fileName}) cannot be empty`, 0, 0, fileName);
  }
  const parsed = parseDockerfile(text, { fileName });
  const { stages, metaArgs } = parseStages(parsed.nodes);
  return { ...parsed, stages, metaArgs };
}
