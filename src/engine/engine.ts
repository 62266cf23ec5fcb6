// The one interface both engines implement (after container-structure-test's Driver): the runner hands it a
// Docker command line and gets back what the docker CLI would have printed; checks read state through the
// read facet. Only plain, serialisable data crosses it.

import type { Stat } from './fs-types.js';

/** What a docker command printed and how it exited. */
export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** set when the engine stopped the command at its time limit (exit code 124) */
  timedOut?: boolean;
}

/** Input for one docker command. */
export interface CommandInput {
  /** bytes for the command's stdin (`docker import -`, `docker build -`, `docker run -i`) */
  stdin?: string | Uint8Array;
  /** give up after this long; the result then says so with exit code 124 */
  timeoutMs?: number;
}

/** Something a check can look into. */
export type ObjectRef =
  | { kind: 'container'; name: string }
  | { kind: 'image'; name: string }
  | { kind: 'volume'; name: string }
  | { kind: 'host' };

/** One directory entry as the read facet returns it. */
export interface DirEntryInfo {
  name: string;
  stat: Stat;
}

/** Which features an engine can run, declared up front so the runner can refuse early. */
export interface EngineCapabilities {
  /** docker subcommands it accepts ("run", "volume create", …) */
  commands: ReadonlySet<string>;
  /** true when containers really run processes (only the real engine) */
  realProcesses: boolean;
}

/** A Docker engine: the simulator or the real daemon behind the docker CLI. */
export interface Engine {
  readonly name: 'sim' | 'docker';
  readonly capabilities: EngineCapabilities;
  /** Runs one docker command; `argv` is everything after the word `docker`. */
  docker(argv: readonly string[], input?: CommandInput): Promise<CommandResult>;
  /** Runs a shell script on the (sandbox) host, where the scenario's host paths live. */
  host(script: string, input?: CommandInput): Promise<CommandResult>;
  /** `docker inspect` of one object, as parsed JSON (the first element of the array docker prints). */
  inspect(ref: ObjectRef): Promise<unknown>;
  /** lstat of a path inside a container, image, volume or the sandbox host; null when absent. */
  stat(ref: ObjectRef, path: string): Promise<Stat | null>;
  readFile(ref: ObjectRef, path: string): Promise<Uint8Array>;
  readDir(ref: ObjectRef, path: string): Promise<DirEntryInfo[]>;
  /** Frees what the engine holds (the real engine removes what it created). */
  dispose(): Promise<void>;
}
