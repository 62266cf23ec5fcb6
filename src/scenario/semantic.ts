// Problems the schema cannot see: docker lines that docker would reject, templates that refer to a step not run
// yet or to an unset variable, two steps with one name, file paths leaving the sandbox. Runs on whatever shape
// the document has (even one with schema errors), so every problem in a file is reported at once.

import { checkDockerLine, type DockerLineCheck } from './docker-line.js';
import type { ScenarioProblem } from './problem.js';
import type { SourceMap } from './source-map.js';
import { didYouMean } from './suggest.js';
import { parseTemplate, TemplateError } from './template.js';

type Path = (string | number)[];
type Obj = Record<string, unknown>;

const PHASES = ['setup', 'steps', 'teardown'] as const;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Problems in `data` (the document as JSON) beyond what the schema checks. Each docker line's check is kept in
 * `lines` (by its text), so building the model does not parse it again.
 */
export function semanticProblems(data: unknown, map: SourceMap, file: string, lines = new Map<string, DockerLineCheck>()): ScenarioProblem[] {
  if (!isObj(data)) return [];
  const out: ScenarioProblem[] = [];
  const stepNames = new Set<string>();
  const allStepNames = collectStepNames(data);
  const vars = new Set(isObj(data.vars) ? Object.keys(data.vars) : []);
  const env = new Set(isObj(data.env) ? Object.keys(data.env) : []);
  const allVars = new Set([...vars, ...collectCaptures(data)]);

  const checkTemplates = (value: unknown, path: Path, known: { steps: Set<string>; vars: Set<string> }): void => {
    if (typeof value === 'string') {
      if (value.includes('${{')) templateProblems(value, path, known);
    } else if (Array.isArray(value)) value.forEach((v, i) => checkTemplates(v, [...path, i], known));
    else if (isObj(value)) for (const [k, v] of Object.entries(value)) checkTemplates(v, [...path, k], known);
  };
  const templateProblems = (value: string, path: Path, known: { steps: Set<string>; vars: Set<string> }): void => {
    const offsets = map.valueOffsets(path);
    const at = (start: number, end: number) => ({ start: offsets(start), end: offsets(Math.max(start, end - 1)) + 1 });
    try {
      for (const part of parseTemplate(value)) {
        if (typeof part === 'string') continue;
        const { ref } = part;
        const range = at(part.start, part.end);
        if (ref.scope === 'steps' && !known.steps.has(ref.name)) {
          const later = allStepNames.has(ref.name);
          const message = later ? `step \`${ref.name}\` has not run yet here` : `no step is named \`${ref.name}\``;
          out.push(map.problem('UNKNOWN_REFERENCE', message, file, range, path, later ? undefined : didYouMean(ref.name, known.steps)));
        } else if (ref.scope === 'vars' && !known.vars.has(ref.name)) {
          const message = allVars.has(ref.name) ? `\`vars.${ref.name}\` is not set yet here` : `no variable \`${ref.name}\` in \`vars\` or a step's \`capture\``;
          out.push(map.problem('UNKNOWN_REFERENCE', message, file, range, path, didYouMean(ref.name, known.vars)));
        } else if (ref.scope === 'env' && !env.has(ref.name)) {
          out.push(map.problem('UNKNOWN_REFERENCE', `no \`${ref.name}\` in the scenario's \`env\``, file, range, path, didYouMean(ref.name, env)));
        }
      }
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      out.push(map.problem('BAD_TEMPLATE', e.message, file, at(e.offset, e.offset + 3), path));
    }
  };

  const known = { steps: stepNames, vars: new Set(vars) };
  let markers = 0;
  const walkPhase = (phase: (typeof PHASES)[number]): void => {
    const list = data[phase];
    if (!Array.isArray(list)) return;
    list.forEach((step: unknown, i) => {
      if (!isObj(step)) return;
      const path: Path = [phase, i];
      if ('submission' in step) {
        const message = phase !== 'steps' ? `\`submission: true\` goes in \`steps\`, not in \`${phase}\`` : markers++ > 0 ? 'an exercise has one `submission: true` marker' : undefined;
        if (message) out.push(map.problem('STEP_KIND', message, file, map.range([...path, 'submission'], { key: true }), [...path, 'submission']));
      }
      for (const key of ['docker', 'host', 'stdin', 'expect'] as const) checkTemplates(step[key], [...path, key], known);
      if (typeof step.docker === 'string') {
        const checked = lines.get(step.docker) ?? checkDockerLine(step.docker);
        lines.set(step.docker, checked);
        out.push(...dockerProblems(checked, [...path, 'docker'], map, file));
      }
      if (typeof step.name === 'string') {
        if (stepNames.has(step.name)) out.push(map.problem('DUPLICATE_STEP_NAME', `another step is already named \`${step.name}\``, file, map.range([...path, 'name']), [...path, 'name']));
        stepNames.add(step.name);
      }
      if (isObj(step.capture)) for (const v of Object.keys(step.capture)) known.vars.add(v);
    });
  };
  walkPhase('setup');
  walkPhase('steps');
  if (Array.isArray(data.checks)) {
    data.checks.forEach((c: unknown, i) => {
      checkTemplates(c, ['checks', i], known);
      if (isObj(c) && isObj(c.file) && typeof c.file.mode === 'number') out.push(...modeProblems(c.file.mode, ['checks', i, 'file', 'mode'], map, file));
    });
  }
  walkPhase('teardown');
  if (isObj(data.files)) out.push(...fileProblems(data.files, map, file));
  return out;
}

function collectStepNames(data: Obj): Set<string> {
  const names = new Set<string>();
  for (const phase of PHASES) {
    const list = data[phase];
    if (Array.isArray(list)) for (const s of list) if (isObj(s) && typeof s.name === 'string') names.add(s.name);
  }
  return names;
}

function collectCaptures(data: Obj): string[] {
  const names: string[] = [];
  for (const phase of PHASES) {
    const list = data[phase];
    if (Array.isArray(list)) for (const s of list) if (isObj(s) && isObj(s.capture)) names.push(...Object.keys(s.capture));
  }
  return names;
}

function dockerProblems(checked: DockerLineCheck, path: Path, map: SourceMap, file: string): ScenarioProblem[] {
  if (checked.problems.length === 0) return [];
  const offsets = map.valueOffsets(path);
  return checked.problems.map((p) =>
    map.problem(p.code, p.message, file, { start: offsets(p.start), end: offsets(Math.max(p.start, p.end - 1)) + 1 }, path, p.suggestion),
  );
}

function fileProblems(files: Obj, map: SourceMap, file: string): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  for (const [name, spec] of Object.entries(files)) {
    const path: Path = ['files', name];
    const segments = name.split('/').filter((s) => s !== '' && s !== '.');
    if (segments.length === 0 || segments.includes('..') || name.includes('\0')) {
      out.push(map.problem('BAD_PATH', `\`${name}\` is not a file path inside the sandbox (no \`..\`, not empty)`, file, map.range(path, { key: true }), path));
    }
    if (isObj(spec) && typeof spec.mode === 'number') out.push(...modeProblems(spec.mode, [...path, 'mode'], map, file));
  }
  return out;
}

function modeProblems(mode: number, path: Path, map: SourceMap, file: string): ScenarioProblem[] {
  if (/^[0-7]{1,4}$/.test(String(mode))) return [];
  return [map.problem('BAD_VALUE', '`mode` must be octal digits such as 644 or "0644"', file, map.range(path), path)];
}
