// The typed scenario the runner executes: what the YAML said, with defaults applied, docker lines already split
// into words, and a source position on everything a report may point at.

/** Where something is written: file and 1-based line and column. */
export interface Location {
  file: string;
  line: number;
  col: number;
}

/** The three lists of steps, in the order they run (checks run between `steps` and `teardown`). */
export type StepPhase = 'setup' | 'steps' | 'teardown';

/** What a step must print and how it must exit; matchers are plain data (see assertions/matchers.ts). */
export interface StepExpect {
  /** default 0 */
  exitCode: unknown;
  stdout?: unknown;
  stderr?: unknown;
}

interface StepBase {
  phase: StepPhase;
  /** position in its phase's list, from 0 */
  index: number;
  name?: string;
  /** how reports show it: `docker run -d busybox` or `$ echo hi > f` */
  title: string;
  stdin?: string;
  expect: StepExpect;
  /** true when a string in `expect` holds `${{ }}` (rendered just before the comparison) */
  expectTemplated: boolean;
  /** [variable, regular expression] pairs taken from stdout */
  capture: [string, string][];
  timeoutMs: number;
  /** set when the step is skipped: the reason, or "skipped" */
  skip?: string;
  location: Location;
}

/** `docker: …`: the docker command line, split into words (templates still in them). */
export interface DockerStep extends StepBase {
  kind: 'docker';
  words: string[];
  /** true when a word holds `${{ }}` (rendered just before the step runs) */
  templated: boolean;
  /** the command the line names (`run`, `volume create`), so an engine can refuse it before the scenario runs */
  command?: { name: string; path: string; refused: boolean };
}

/** `host: …`: a shell script on the sandbox host. */
export interface HostStep extends StepBase {
  kind: 'host';
  script: string;
}

/** One step. */
export type Step = DockerStep | HostStep;

/** When students see a graded check (Gradescope's names). */
export type CheckVisibility = 'visible' | 'hidden' | 'after_due_date';

/** One check: its kind (the assertion's name) and its spec as written. */
export interface CheckSpec {
  index: number;
  kind: string;
  spec: Record<string, unknown>;
  name?: string;
  skip?: string;
  /** grading: what the check is worth (default 1), shown when it fails, who sees it */
  points?: number;
  hint?: string;
  visibility?: CheckVisibility;
  /** true when a string in the spec holds `${{ }}` */
  templated: boolean;
  location: Location;
}

/** A file put on the sandbox host before the scenario runs. */
export interface ScenarioFile {
  /** absolute path on the sandbox host */
  path: string;
  content: Uint8Array;
  mode: number;
}

/** The directory on the sandbox host where a scenario's relative files go and its commands run. */
export const SCENARIO_DIR = '/scenario';

/** Default time limit of one step. */
export const DEFAULT_STEP_TIMEOUT_MS = 30_000;

/** A scenario's `exercise:` block: it is graded with `drydock grade`. */
export interface ExerciseSpec {
  title: string;
  maxScore?: number;
  timeLimitMs?: number;
  stepBudget?: number;
}

/** The study-note claim a scenario checks (`claim:`), with the verdict on real Docker. */
export interface Claim {
  id: string;
  note: string;
  alsoIn?: string[];
  quote: string;
  english: string;
  verdict: 'true' | 'false' | 'partly' | 'untestable';
  why: string;
  reason?: string;
}

/** A loaded, valid scenario. */
export interface Scenario {
  file: string;
  name: string;
  description?: string;
  tags: string[];
  source: Record<string, string | number>;
  claim?: Claim;
  skip?: string;
  only: boolean;
  vars: ReadonlyMap<string, string>;
  env: ReadonlyMap<string, string>;
  files: ScenarioFile[];
  setup: Step[];
  steps: Step[];
  teardown: Step[];
  checks: CheckSpec[];
  location: Location;
  /** the engines the scenario can run on (`engines: [sim]`); absent: every engine */
  engines?: Array<'sim' | 'docker'>;
  /** why it cannot run on the others (`engineReason:`), shown in reports */
  engineReason?: string;
  /** what it needs from a real engine that untrusted scenarios are refused (`needs: [privileged]`) */
  needs?: ScenarioNeed[];
  exercise?: ExerciseSpec;
  /**
   * Where a `submission: true` marker stood: a submission's steps run before `steps[submissionAt]` (the marker
   * itself is not in `steps`, whose items keep their list index for positions).
   */
  submissionAt?: number;
}

/** A host-reaching feature a scenario may declare it needs on a real engine. */
export type ScenarioNeed = 'privileged' | 'host-namespaces' | 'devices' | 'capabilities' | 'host-mounts';
