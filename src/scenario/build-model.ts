// From a document that passed the schema and the semantic checks to the typed Scenario: defaults applied,
// docker lines split, files encoded, and every step and check given its source position.

import { parseDuration } from './duration.js';
import { DEFAULT_STEP_TIMEOUT_MS, SCENARIO_DIR, type CheckSpec, type Claim, type CheckVisibility, type DockerStep, type ExerciseSpec, type Location, type Scenario, type ScenarioFile, type ScenarioNeed, type Step, type StepPhase } from './model.js';
import { checkDockerLine, type DockerLineCheck } from './docker-line.js';
import type { SourceMap } from './source-map.js';

type Obj = Record<string, unknown>;

/** Permission bits of a mode written as "0644", 644 (octal digits) or "rw-r--r--". */
function parseFileMode(mode: string | number): number {
  const text = String(mode);
  if (/^[0-7]{1,4}$/.test(text)) return parseInt(text, 8);
  const bits = text.length === 10 ? text.slice(1) : text;
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const c = bits[i] as string;
    if (c !== '-' && c !== 'S' && c !== 'T') value |= 1 << (8 - i);
  }
  if (/[sS]/.test(bits[2] ?? '')) value |= 0o4000;
  if (/[sS]/.test(bits[5] ?? '')) value |= 0o2000;
  if (/[tT]/.test(bits[8] ?? '')) value |= 0o1000;
  return value;
}

function skipOf(v: unknown): string | undefined {
  if (v === true) return 'skipped';
  if (typeof v === 'string' && v !== '') return v;
  return undefined;
}

function stringMap(v: unknown): Map<string, string> {
  const m = new Map<string, string>();
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) m.set(k, String(x));
  return m;
}

/** The keys of a check besides its kind. */
const CHECK_KEYS = new Set(['name', 'skip', 'points', 'hint', 'visibility']);

function exerciseSpec(e: Obj, name: string): ExerciseSpec {
  const spec: ExerciseSpec = { title: typeof e.title === 'string' ? e.title : name };
  if (typeof e.maxScore === 'number') spec.maxScore = e.maxScore;
  const limit = typeof e.timeLimit === 'string' ? parseDuration(e.timeLimit) : undefined;
  if (limit !== undefined) spec.timeLimitMs = limit;
  if (typeof e.stepBudget === 'number') spec.stepBudget = e.stepBudget;
  return spec;
}

function normalise(path: string): string {
  const parts: string[] = [];
  // `..` stops at `/`, as in a chroot: a scenario's files stay on its own host (the run folder on a real engine)
  for (const seg of path.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '' && seg !== '.') parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** The Scenario for a valid document. */
export function buildScenario(data: Obj, map: SourceMap, file: string, lines = new Map<string, DockerLineCheck>()): Scenario {
  const loc = (path: (string | number)[]): Location => ({ file, ...map.pos(map.range(path).start) });
  const defaultTimeout = typeof data.timeout === 'string' ? (parseDuration(data.timeout) ?? DEFAULT_STEP_TIMEOUT_MS) : DEFAULT_STEP_TIMEOUT_MS;
  const enc = new TextEncoder();

  const steps = (phase: StepPhase): Step[] => {
    const list = (data[phase] as Obj[] | undefined) ?? [];
    return list.flatMap((s, index): Step[] => (s.submission === true ? [] : [one(phase, s, index)]));
  };
  const one = (phase: StepPhase, s: Obj, index: number): Step => {
    const expect = (s.expect as Obj | undefined) ?? {};
    const base = {
      phase,
      index,
      expect: { ...expect, exitCode: 'exitCode' in expect ? expect.exitCode : 0 },
      expectTemplated: JSON.stringify(expect).includes('${{'),
      capture: Object.entries((s.capture as Record<string, string> | undefined) ?? {}),
      timeoutMs: typeof s.timeout === 'string' ? (parseDuration(s.timeout) ?? defaultTimeout) : defaultTimeout,
      location: loc([phase, index]),
      ...(typeof s.name === 'string' ? { name: s.name } : {}),
      ...(typeof s.stdin === 'string' ? { stdin: s.stdin } : {}),
      ...(skipOf(s.skip) ? { skip: skipOf(s.skip) } : {}),
    };
    if (typeof s.docker === 'string') {
      const checked = lines.get(s.docker) ?? checkDockerLine(s.docker);
      const words = checked.words.map((w) => w.text);
      const line = s.docker.replace(/\s+/g, ' ').trim().replace(/^docker /, '');
      const step: DockerStep = { ...base, kind: 'docker', words, templated: words.some((w) => w.includes('${{')), title: `docker ${line}` };
      if (checked.command) step.command = checked.command;
      return step;
    }
    const script = String(s.host);
    const firstLine = script.split('\n').find((l) => l.trim() !== '') ?? '';
    const title = `$ ${firstLine.trim()}${script.trim().includes('\n') ? ' …' : ''}`;
    return { ...base, kind: 'host', script, title };
  };

  const checks = ((data.checks as Obj[] | undefined) ?? []).map((c, index): CheckSpec => {
    const kind = Object.keys(c).find((k) => !CHECK_KEYS.has(k)) as string;
    const spec = c[kind] as Obj;
    return {
      index,
      kind,
      spec,
      templated: JSON.stringify(spec).includes('${{'),
      location: loc(['checks', index]),
      ...(typeof c.name === 'string' ? { name: c.name } : {}),
      ...(skipOf(c.skip) ? { skip: skipOf(c.skip) } : {}),
      ...(typeof c.points === 'number' ? { points: c.points } : {}),
      ...(typeof c.hint === 'string' ? { hint: c.hint } : {}),
      ...(typeof c.visibility === 'string' ? { visibility: c.visibility as CheckVisibility } : {}),
    };
  });

  const files: ScenarioFile[] = Object.entries((data.files as Obj | undefined) ?? {}).map(([name, spec]) => {
    const path = name.startsWith('/') ? normalise(name) : normalise(`${SCENARIO_DIR}/${name}`);
    if (typeof spec === 'string') return { path, content: enc.encode(spec), mode: 0o644 };
    const s = spec as { content: string; mode?: string | number };
    return { path, content: enc.encode(s.content), mode: s.mode === undefined ? 0o644 : parseFileMode(s.mode) };
  });

  const scenario: Scenario = {
    file,
    name: String(data.name),
    tags: ((data.tags as string[] | undefined) ?? []).map(String),
    source: (data.source as Record<string, string | number> | undefined) ?? {},
    only: data.only === true,
    vars: stringMap(data.vars),
    env: stringMap(data.env),
    files,
    setup: steps('setup'),
    steps: steps('steps'),
    teardown: steps('teardown'),
    checks,
    location: { file, line: 1, col: 1 },
  };
  if (typeof data.description === 'string') scenario.description = data.description;
  if (data.claim && typeof data.claim === 'object') scenario.claim = data.claim as Claim;
  const skip = skipOf(data.skip);
  if (skip) scenario.skip = skip;
  if (Array.isArray(data.engines)) scenario.engines = data.engines as Array<'sim' | 'docker'>;
  if (typeof data.engineReason === 'string') scenario.engineReason = data.engineReason;
  if (Array.isArray(data.needs)) scenario.needs = data.needs as ScenarioNeed[];
  const marker = ((data.steps as Obj[] | undefined) ?? []).findIndex((s) => s.submission === true);
  if (marker >= 0) scenario.submissionAt = scenario.steps.filter((s) => s.index < marker).length;
  if (data.exercise && typeof data.exercise === 'object') scenario.exercise = exerciseSpec(data.exercise as Obj, scenario.name);
  return scenario;
}
