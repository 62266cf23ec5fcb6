// Loads one scenario file: bytes → text → YAML with positions → schema → semantic checks → typed Scenario.
// Every problem in the file comes back at once, each positioned; nothing here throws for bad input.

import { readFile } from 'node:fs/promises';
import { readFailureReason } from '../errors/read-failure.js';
import { isMap, LineCounter, parseAllDocuments, visit, type Document } from 'yaml';
import { buildScenario } from './build-model.js';
import type { DockerLineCheck } from './docker-line.js';
import type { Scenario } from './model.js';
import { type ScenarioProblem, type ScenarioProblemCode } from './problem.js';
import { schemaProblems } from './schema-errors.js';
import { scenarioValidator } from './schema-file.js';
import { semanticProblems } from './semantic.js';
import { SourceMap } from './source-map.js';

/** A scenario, or everything wrong with its file. */
export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

function wholeFile(code: ScenarioProblemCode, message: string, file: string): LoadResult {
  return { ok: false, problems: [{ code, message, file, start: { line: 1, col: 1 }, path: [] }] };
}

/** The text of a file's bytes, or why it is not a text file. */
function decode(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Loads a scenario from its contents; `file` is the name problems are reported under. */
export function loadScenario(contents: Uint8Array | string, file: string): LoadResult {
  const text = typeof contents === 'string' ? contents.replace(/^\uFEFF/, '') : decode(contents);
  if (text === undefined) return wholeFile('BINARY_FILE', 'not a scenario: the file is binary, not UTF-8 text', file);
  if (text.trim() === '') return wholeFile('EMPTY_FILE', 'the file is empty: a scenario needs at least `name:` and `steps:`', file);

  const lines = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' }) as Document.Parsed[];
  } catch (e) {
    return wholeFile('YAML_SYNTAX', `not YAML: ${(e as Error).message}`, file);
  }
  if (!Array.isArray(docs) || docs.length === 0) return wholeFile('EMPTY_FILE', 'the file holds no YAML document', file);
  const doc = docs[0] as Document.Parsed;
  const map = new SourceMap(text, doc, lines);
  const problems: ScenarioProblem[] = [];
  // Every duplicate key, but only the first syntax error: the parser's later ones are mostly its echoes.
  const errors = docs.flatMap((d) => d.errors);
  const firstSyntax = errors.find((e) => e.code !== 'DUPLICATE_KEY');
  for (const err of errors) {
    if (err.code !== 'DUPLICATE_KEY' && err !== firstSyntax) continue;
    const code: ScenarioProblemCode = err.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'YAML_SYNTAX';
    const message = code === 'DUPLICATE_KEY' ? 'this key appears twice in the same mapping' : `YAML: ${err.message}`;
    problems.push(map.problem(code, message, file, { start: err.pos[0], end: err.pos[1] }, []));
  }
  if (docs.length > 1) {
    const second = docs[1] as Document.Parsed;
    const start = second.range?.[0] ?? 0;
    problems.push(map.problem('MULTIPLE_DOCUMENTS', 'one scenario per file: this file has more than one YAML document (`---`)', file, { start, end: start + 3 }, []));
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  if (doc.contents === null) return wholeFile('EMPTY_FILE', 'the file has only comments: a scenario needs at least `name:` and `steps:`', file);
  if (!isMap(doc.contents)) {
    const r = doc.contents.range ?? [0, 1];
    return { ok: false, problems: [map.problem('NOT_A_MAPPING', 'a scenario is a mapping of keys (`name:`, `steps:`, …), not a list or a single value', file, { start: r[0], end: r[1] }, [])] };
  }

  problems.push(...recursiveAliases(doc, map, file));
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return wholeFile('YAML_SYNTAX', `YAML: ${(e as Error).message}`, file);
  }
  const validate = scenarioValidator();
  if (!validate(data)) problems.push(...schemaProblems(validate.errors ?? [], data, map, file));
  const dockerLines = new Map<string, DockerLineCheck>();
  problems.push(...semanticProblems(data, map, file, dockerLines));
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, scenario: buildScenario(data as Record<string, unknown>, map, file, dockerLines) };
}

/** Reads and loads a scenario file; `display` is the name used in problems (default: the path). */
export async function loadScenarioFile(path: string, display: string = path): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return wholeFile('FILE_UNREADABLE', `cannot read the file: ${readFailureReason(e)}`, display);
  }
  return loadScenario(bytes, display);
}

// `checks: &a [ {exists: *a} ]`: an alias inside the node its anchor names would make a value that contains
// itself (a cycle every later step would walk forever), so it is reported where the alias stands
function recursiveAliases(doc: Document.Parsed, map: SourceMap, file: string): ScenarioProblem[] {
  const found: ScenarioProblem[] = [];
  visit(doc, {
    Alias(_key, node, path) {
      const target = node.resolve(doc);
      if (target === undefined || !path.includes(target as never)) return;
      const [start, end] = node.range ?? [0, 1];
      const message = `the alias *${node.source} stands inside the node its anchor &${node.source} names, so the value would contain itself`;
      found.push(map.problem('RECURSIVE_ALIAS', message, file, { start, end }, []));
    },
  });
  return found;
}

function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  return problems.sort((a, b) => a.start.line - b.start.line || a.start.col - b.start.col);
}
