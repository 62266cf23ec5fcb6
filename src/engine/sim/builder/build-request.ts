// What `docker build` asks of the legacy builder and what it answers, apart from the builder so the step
// modules (stage.ts, run-step.ts) can name them without importing the builder itself.

import type { Image } from '../image/image.js';
import type { BuildContext } from './build-context.js';

/** What `docker build` asks for. */
export interface BuildRequest {
  context: BuildContext;
  dockerfileName: string;
  dockerfileText: string;
  /** familiar references, already validated */
  tags: string[];
  /** --build-arg values; null for a name given without a value and unset in the client's environment */
  buildArgs: Map<string, string | null>;
  noCache: boolean;
  /** --network: 'none' (the only one the simulator builds with) or absent for the default network */
  network?: string;
  /** --rm (default true): remove a step's container once the step succeeded */
  rm: boolean;
  /** --force-rm: remove it even when the step failed */
  forceRm: boolean;
  quiet: boolean;
  labels: Record<string, string>;
  target: string | null;
  /** --cache-from references (null without the flag): the only images whose steps the cache may reuse */
  cacheFrom: string[] | null;
  /** the daemon's refusal of the request (a bad --platform, no Dockerfile in an archive), once the context is sent */
  refusal?: string | null;
  /** FROM's image lookup (reference parsing lives in the CLI layer) */
  resolveImage: (name: string) => Image | undefined;
}

/** What the docker CLI would have printed, and the image built (null when the build failed). */
export interface BuildResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  image: Image | null;
}
