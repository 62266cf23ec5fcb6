// Typed Dockerfile instructions, the simulator's counterpart of buildkit's instructions package (commands.go).
// Words are as written: variables are not expanded and quotes are still there (expand-instruction.ts does both
// when the instruction runs, as the legacy builder does).

/** What every instruction carries. */
export interface InstructionBase {
  /** The keyword as written (`run`, `RUN`). */
  readonly keyword: string;
  /** The line as written, trimmed, continuations joined: what `Step 1/4 : …` prints. */
  readonly code: string;
  readonly startLine: number;
  readonly endLine: number;
}

/** A `key=value` pair (ENV, LABEL). */
export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

/** An ARG: a name and maybe a default. */
export interface ArgDefinition {
  readonly key: string;
  /** undefined for `ARG name` (no default), '' for `ARG name=`. */
  readonly value: string | undefined;
}

/** A command line of RUN, CMD, ENTRYPOINT: exec form, or one string that gets the shell put in front. */
export interface CommandLine {
  /** Exec form: the array; shell form: one element, the whole text. */
  readonly command: string[];
  /** True for shell form (`RUN echo hi` runs `/bin/sh -c "echo hi"`). */
  readonly prependShell: boolean;
}

/** HEALTHCHECK's settings, durations in nanoseconds (0 = not set), as container.HealthConfig. */
export interface HealthConfig {
  /** `["NONE"]`, `["CMD", …args]` (exec form) or `["CMD-SHELL", "text"]`. */
  readonly test: string[];
  readonly interval: number;
  readonly timeout: number;
  readonly startPeriod: number;
  readonly retries: number;
}

/** FROM: starts a build stage. */
export interface FromInstruction extends InstructionBase {
  readonly kind: 'FROM';
  readonly image: string;
  /** The `AS name`, lower-cased; '' when there is none. */
  readonly stageName: string;
  /** The --platform flag, '' when absent. */
  readonly platform: string;
}

/** RUN. */
export interface RunInstruction extends InstructionBase, CommandLine {
  readonly kind: 'RUN';
  /** The --mount values (the legacy builder refuses them when the step runs). */
  readonly mounts: string[];
  /** Names of the flags given, in order; the legacy builder fails on the first with "requires BuildKit". */
  readonly flagsUsed: string[];
}

/** CMD. */
export interface CmdInstruction extends InstructionBase, CommandLine {
  readonly kind: 'CMD';
}

/** ENTRYPOINT; an empty one (`ENTRYPOINT []`, `ENTRYPOINT`) has `command: null` and clears the entrypoint. */
export interface EntrypointInstruction extends InstructionBase {
  readonly kind: 'ENTRYPOINT';
  readonly command: string[] | null;
  readonly prependShell: boolean;
}

/** SHELL (exec form only). */
export interface ShellInstruction extends InstructionBase {
  readonly kind: 'SHELL';
  readonly shell: string[];
}

/** ENV, both `k=v` and legacy `k v` forms. */
export interface EnvInstruction extends InstructionBase {
  readonly kind: 'ENV';
  readonly env: KeyValue[];
}

/** ARG. */
export interface ArgInstruction extends InstructionBase {
  readonly kind: 'ARG';
  readonly args: ArgDefinition[];
}

/** LABEL. */
export interface LabelInstruction extends InstructionBase {
  readonly kind: 'LABEL';
  readonly labels: KeyValue[];
}

/** EXPOSE; ports sorted as Go sorts strings (Docker sorts them when it parses). */
export interface ExposeInstruction extends InstructionBase {
  readonly kind: 'EXPOSE';
  readonly ports: string[];
}

/** WORKDIR. */
export interface WorkdirInstruction extends InstructionBase {
  readonly kind: 'WORKDIR';
  readonly path: string;
}

/** USER. */
export interface UserInstruction extends InstructionBase {
  readonly kind: 'USER';
  readonly user: string;
}

/** VOLUME, JSON or space-separated. */
export interface VolumeInstruction extends InstructionBase {
  readonly kind: 'VOLUME';
  readonly volumes: string[];
}

/** What COPY and ADD share. */
export interface CopyLike extends InstructionBase {
  readonly sources: string[];
  readonly dest: string;
  /** --chown, '' when absent. */
  readonly chown: string;
  /** --chmod, '' when absent (the legacy builder refuses it when the step runs). */
  readonly chmod: string;
}

/** COPY. */
export interface CopyInstruction extends CopyLike {
  readonly kind: 'COPY';
  /** --from (stage name, index or image), '' when absent. */
  readonly from: string;
}

/** ADD. */
export interface AddInstruction extends CopyLike {
  readonly kind: 'ADD';
}

/** MAINTAINER. */
export interface MaintainerInstruction extends InstructionBase {
  readonly kind: 'MAINTAINER';
  readonly maintainer: string;
}

/** ONBUILD: the trigger is kept as text, parsed and run only in a child build. */
export interface OnbuildInstruction extends InstructionBase {
  readonly kind: 'ONBUILD';
  /** The trigger as written after `ONBUILD ` (what `Config.OnBuild` stores): `ADD . /app/src`. */
  readonly expression: string;
  /** The trigger's keyword, upper-cased (`ADD`). */
  readonly trigger: string;
}

/** STOPSIGNAL. */
export interface StopSignalInstruction extends InstructionBase {
  readonly kind: 'STOPSIGNAL';
  readonly signal: string;
}

/** HEALTHCHECK NONE or CMD. */
export interface HealthcheckInstruction extends InstructionBase {
  readonly kind: 'HEALTHCHECK';
  readonly health: HealthConfig;
}

/** Any instruction. */
export type Instruction =
  | FromInstruction
  | RunInstruction
  | CmdInstruction
  | EntrypointInstruction
  | ShellInstruction
  | EnvInstruction
  | ArgInstruction
  | LabelInstruction
  | ExposeInstruction
  | WorkdirInstruction
  | UserInstruction
  | VolumeInstruction
  | CopyInstruction
  | AddInstruction
  | MaintainerInstruction
  | OnbuildInstruction
  | StopSignalInstruction
  | HealthcheckInstruction;
